"""The snapshot agrees with the ORM's view of the directory, on both backends."""

import uuid

import numpy as np
import pytest

from cso_map.services.directory.organizations import (
    get_listed_organization,
    public_point,
)
from cso_map.services.snapshot.build import bitmask, directory_snapshot, mask_codes
from cso_map.taxonomy import SERVICE_CATEGORIES, SERVICE_LANGUAGES, SKILLS


def test_points_and_codes_match_the_public_profile(app_context, directory):
    snapshot = directory_snapshot()
    organizations = snapshot.organizations.set_index("id")
    listed = {"alpha", "bravo", "charlie", "delta", "echo", "hotel", "india"}
    assert set(organizations.index) == {str(directory[key]) for key in listed}
    for key in listed:
        organization = get_listed_organization(directory[key])
        row = organizations.loc[str(directory[key])]
        point = public_point(organization)
        assert (row["lon"], row["lat"]) == pytest.approx((point.lon, point.lat))
        assert bool(row["approximate"]) == point.approximate
        active = {
            s.category.code for s in organization.services if s.status == "active"
        }
        assert set(mask_codes(SERVICE_CATEGORIES, row["categories"])) == active
        assert row["name"] == organization.name


def test_ids_are_canonical_uuid_text(app_context, directory):
    ids = directory_snapshot().organizations["id"]
    assert all(str(uuid.UUID(value)) == value for value in ids)


def test_service_languages_become_bit_masks(app_context, directory):
    services = directory_snapshot().services
    mixteco = bitmask(SERVICE_LANGUAGES, ["mix"])
    with_mixteco = services[(services["languages"] & mixteco) != 0]
    assert with_mixteco["category"].tolist() == ["legal_advice"]  # bravo's clinic


def test_the_snapshot_is_reused_until_the_data_changes(app_context, directory):
    first = directory_snapshot()
    assert directory_snapshot() is first
    from cso_map.extensions import db
    from cso_map.models import Organization

    organization = db.session.get(Organization, directory["alpha"])
    organization.name = "Renamed"
    db.session.commit()
    second = directory_snapshot()
    assert second is not first
    assert "Renamed" in second.organizations["name"].tolist()


def test_snapshots_are_told_apart_by_identity_not_by_their_frames(
    app_context, directory
):
    import datetime as dt

    from cso_map.services.analysis.policy import CoveragePolicy
    from cso_map.services.matching.mentoring.gaps import gap_closers
    from cso_map.services.snapshot.build import build_snapshot

    first = build_snapshot(1, dt.date.today())
    second = build_snapshot(1, dt.date.today())  # same version, same day
    assert first == first
    assert first != second
    # caches keyed by a snapshot must not compare data frames (that raises)
    policy = CoveragePolicy(underserved_below=1.0)
    assert len(gap_closers(first, policy)) == len(gap_closers(second, policy))


def test_profiles_and_origins_are_in_the_snapshot(app_context, directory):
    snapshot = directory_snapshot()
    organizations = snapshot.organizations.set_index("id")
    india = organizations.loc[str(directory["india"])]  # the Zacatecas federation
    assert (india["paid_staff"], india["volunteers"]) == (3, 5)
    assert bool(india["open_to_mentor"])
    assert mask_codes(SKILLS, india["skills"]) == ["project_design", "fundraising"]
    assert india["state"] == snapshot.region_index("US-IL")
    origins = snapshot.origins
    positions = list(snapshot.organizations["id"]).index(str(directory["india"]))
    tied = origins.region[origins.service == positions]
    assert [snapshot.regions["code"].iat[i] for i in tied] == ["MX-ZAC"]
    # Red Nacional (echo): orientation only online, for all Mexico; legal advice
    # in person in Mexico City and by phone for all Mexico.
    echo = list(snapshot.organizations["id"]).index(str(directory["echo"]))
    owner = snapshot.services["owner"].to_numpy()
    category = snapshot.services["category"].to_numpy()
    row = {
        c: int(np.flatnonzero((owner == echo) & (category == c))[0])
        for c in category[owner == echo]
    }
    mexico = set(snapshot.states_in("MX"))
    for name in ("orientation", "legal_advice"):
        assert (
            set(snapshot.remote.region[snapshot.remote.service == row[name]]) == mexico
        )
    orientation = row["orientation"]
    assert orientation not in set(snapshot.reach.service)
