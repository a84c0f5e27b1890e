"""The directory snapshot: public points, state lookups, reach, and its cache."""

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.snapshot.build import (
    CATEGORY_INDEX,
    bitmask,
    build_snapshot,
    directory_snapshot,
    mask_codes,
)
from cso_map.services.snapshot.data_version import current_data_version
from cso_map.taxonomy import SERVICE_LANGUAGES, SKILLS
from tests.factories import insert, organization_record

JUAREZ = (31.68, -106.44)  # MX-CHH
FRESNO = (36.74, -119.78)  # US-CA


def test_bitmask_and_mask_codes_are_inverse_in_vocabulary_order():
    assert bitmask(SKILLS, []) == 0
    assert bitmask(SKILLS, ["fundraising", "project_design"]) == 0b11
    assert mask_codes(SKILLS, 0b1000001) == ["project_design", "digital"]
    codes = ["hat", "spa", "mix"]
    assert mask_codes(SERVICE_LANGUAGES, bitmask(SERVICE_LANGUAGES, codes)) == [
        "spa",
        "mix",
        "hat",
    ]
    with pytest.raises(KeyError):
        bitmask(SKILLS, ["juggling"])


@pytest.fixture
def hidden(app, empty_directory):
    open_record = organization_record(
        "abierta", "Abierta", *FRESNO, [("legal_advice", ["US-CA"])]
    )
    open_record["locations"][0]["approximate"] = True
    insert(
        app,
        [
            open_record,
            organization_record(
                "oculta",
                "Oculta",
                *JUAREZ,
                [("legal_advice", ["MX-CHH"])],
                location_confidential=True,
            ),
            organization_record(
                "perdida",
                "Perdida",
                0.0,
                0.0,
                [("legal_advice", ["MX-SON"])],
                location_confidential=True,
            ),
        ],
    )


def test_points_of_hidden_addresses_are_their_states_or_left_out(app_context, hidden):
    snapshot = build_snapshot(current_data_version(), dt.date.today())
    names = snapshot.organizations["name"].to_numpy()
    owner = snapshot.services["owner"].to_numpy()
    points = snapshot.points
    point_owner = names[owner[points["service"].to_numpy()]]
    assert sorted(point_owner) == ["Abierta", "Oculta"]  # Perdida is in no state
    chihuahua = db.session.scalar(select(Region).where(Region.code == "MX-CHH"))
    oculta = points[point_owner == "Oculta"].iloc[0]
    assert (oculta["lat"], oculta["lon"]) == (chihuahua.label_lat, chihuahua.label_lon)
    assert oculta["approximate"]
    abierta = points[point_owner == "Abierta"].iloc[0]
    assert (abierta["lat"], abierta["lon"]) == FRESNO
    assert abierta["approximate"]  # the location itself says so
    # Perdida's service is still in the snapshot, reaching the state it lists.
    perdida = list(names).index("Perdida")
    service = int(np.flatnonzero(owner == perdida)[0])
    assert snapshot.reaching([snapshot.region_index("MX-SON")])[service]


def test_nearest_finds_hidden_organizations_only_at_their_state_point(
    app_context, hidden
):
    snapshot = build_snapshot(current_data_version(), dt.date.today())
    chihuahua = db.session.scalar(select(Region).where(Region.code == "MX-CHH"))
    rows, km = snapshot.nearest.nearest(
        chihuahua.label_lon, chihuahua.label_lat, CATEGORY_INDEX["legal_advice"], 1
    )
    assert km[0] == pytest.approx(0, abs=1e-6)
    names = snapshot.organizations["name"].to_numpy()
    owner = snapshot.services["owner"].to_numpy()
    assert names[owner[snapshot.points["service"].to_numpy()[rows]]].tolist() == [
        "Oculta"
    ]


def test_region_lookups(app_context):
    snapshot = directory_snapshot()
    codes = snapshot.regions["code"].tolist()
    assert snapshot.region_index("MX-ZAC") == codes.index("MX-ZAC")
    assert snapshot.region_index("MX") is None  # a country is not a state
    assert snapshot.region_index("XX-YY") is None
    mexico = snapshot.states_in("MX")
    assert len(mexico) == 32
    assert all(codes[i].startswith("MX-") for i in mexico)
    assert snapshot.states_in("US-CA").tolist() == [codes.index("US-CA")]
    assert snapshot.states_in("US-C").tolist() == []  # no prefix of a code
    assert len(snapshot.states_in("US")) == 48


def test_reaching_marks_the_services_that_reach_any_of_the_states(app_context, hidden):
    snapshot = directory_snapshot()
    names = snapshot.organizations["name"].to_numpy()[
        snapshot.services["owner"].to_numpy()
    ]
    california = snapshot.region_index("US-CA")
    chihuahua = snapshot.region_index("MX-CHH")
    assert names[snapshot.reaching([california])].tolist() == ["Abierta"]
    assert sorted(names[snapshot.reaching([california, chihuahua])]) == [
        "Abierta",
        "Oculta",
    ]
    assert not snapshot.reaching([]).any()


def test_the_snapshot_is_rebuilt_on_a_new_day(app_context, hidden):
    today = dt.date.today()
    first = directory_snapshot(today)
    assert directory_snapshot(today) is first
    tomorrow = directory_snapshot(today + dt.timedelta(days=1))
    assert tomorrow is not first
    assert tomorrow.built_on == today + dt.timedelta(days=1)
    assert tomorrow.version == first.version == current_data_version()
