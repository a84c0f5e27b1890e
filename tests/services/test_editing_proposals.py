"""Proposals: pending until an administrator verifies them; look-alike names;
merging a duplicate into the organization kept."""

import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization, User
from cso_map.services.editing.audit import changed_fields, organization_history
from cso_map.services.editing.proposals import (
    Proposal,
    merge_organizations,
    pending_organizations,
    propose_organization,
    reject_organization,
    similar_organizations,
    verify_organization,
)


def make_user(email, role="editor"):
    user = User(email=email, role=role, password_hash="unused")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def people(app_context, directory):
    return make_user("vecina@example.org"), make_user("admin@example.org", "admin")


def test_a_proposal_is_pending_located_in_its_state_and_recorded(people):
    proposer, _ = people
    organization = propose_organization(
        Proposal(
            "Red de Apoyo Ñuu Savi",
            "network",
            "MX-OAX",
            description="Acompañamiento",
            email="red@example.org",
        ),
        proposer,
    )
    assert organization.verification_status == "pending"
    assert not organization.is_listed
    assert organization.name_key == "red de apoyo nuu savi"
    assert organization.search_text == "red de apoyo nuu savi acompanamiento"
    assert organization.type.code == "network"
    assert organization.engagement_level.code == "none"
    (place,) = organization.locations
    assert (place.region.code, place.country, place.approximate) == (
        "MX-OAX",
        "MX",
        True,
    )
    assert not place.has_point
    (event,) = organization_history(organization.id)
    assert (event.action, event.user_id) == ("create", proposer.id)
    assert ("name", None, "Red de Apoyo Ñuu Savi") in changed_fields(event)


def test_a_proposal_in_an_unknown_state_is_refused(people):
    with pytest.raises(ValueError, match="unknown region XX-YY"):
        propose_organization(Proposal("X", "ngo", "XX-YY"), people[0])


def test_pending_proposals_are_oldest_first(people):
    proposer, _ = people
    first = propose_organization(Proposal("Primera", "ngo", "MX-ZAC"), proposer)
    second = propose_organization(Proposal("Segunda", "ngo", "MX-ZAC"), proposer)
    pending = pending_organizations()
    # the fixture's "Propuesta Pendiente" was inserted before both
    assert [o.name for o in pending] == ["Propuesta Pendiente", "Primera", "Segunda"]
    reject_organization(first, people[1])
    assert pending_organizations()[1:] == [second]


def test_verifying_publishes_and_makes_the_proposer_its_editor(people):
    proposer, admin = people
    organization = propose_organization(
        Proposal("Casa Nueva", "ngo", "MX-ZAC"), proposer
    )
    verify_organization(organization, admin)
    assert organization.verification_status == "verified"
    assert organization.is_listed
    assert organization.last_reviewed_on == organization.verified_at.date()
    assert proposer.organizations == [organization]
    assert proposer.edits(organization.id)
    events = organization_history(organization.id)
    assert [e.action for e in events] == ["verify", "create"]
    assert changed_fields(events[0]) == [("verification_status", "pending", "verified")]
    verify_organization(organization, admin)  # again: the editor is not added twice
    assert proposer.organizations == [organization]


def test_a_rejected_proposal_stays_out_of_sight(people):
    proposer, admin = people
    organization = propose_organization(Proposal("Dudosa", "ngo", "MX-ZAC"), proposer)
    reject_organization(organization, admin)
    assert organization.verification_status == "rejected"
    assert not organization.is_listed
    assert proposer.organizations == []
    assert organization_history(organization.id)[0].action == "reject"


def test_similar_names_in_the_same_state(app_context, directory):
    # "Cooperativa Ñandú de Jerez" is in Zacatecas (MX-ZAC).
    found = similar_organizations("Cooperativa Nandu de Jerez", "MX-ZAC")
    assert [o.name for o in found] == ["Cooperativa Ñandú de Jerez"]
    assert similar_organizations("cooperativa ñandu jerez", "MX-ZAC") != []
    assert similar_organizations("Cooperativa Ñandú de Jerez", "US-CA") == []
    assert similar_organizations("Club de Leones", "MX-ZAC") == []


def test_merging_moves_services_places_ties_terms_and_editors(people, directory):
    _, admin = people
    keep = db.session.get(Organization, directory["bravo"])
    duplicate = db.session.get(Organization, directory["alpha"])
    editor = make_user("club@example.org")
    editor.organizations.append(duplicate)
    db.session.commit()
    kept_services = len(keep.services)
    merge_organizations(keep, duplicate, admin)
    db.session.expire_all()
    keep = db.session.get(Organization, directory["bravo"])
    duplicate = db.session.get(Organization, directory["alpha"])
    assert len(keep.services) == kept_services + 2
    assert duplicate.services == []
    assert sorted(loc.city for loc in keep.locations) == ["Chicago", "Fresno"]
    assert [o.region.code for o in keep.origins] == ["MX-ZAC"]
    # bravo's target groups, then alpha's "families" (taxonomy order on reading)
    assert [t.code for t in keep.target_groups] == [
        "indigenous",
        "undocumented",
        "families",
    ]
    assert [t.code for t in keep.support_needs] == ["funding", "mentoring"]
    assert duplicate.deleted_at is not None
    editor = db.session.scalar(select(User).where(User.email == "club@example.org"))
    assert keep in editor.organizations
    note = {"merged_into": str(keep.id), "duplicate": str(duplicate.id)}
    for organization in (keep, duplicate):
        (event,) = organization_history(organization.id)
        assert event.action == "merge"
        assert changed_fields(event) == sorted((k, None, v) for k, v in note.items())


def test_an_organization_cannot_be_merged_into_itself(people, directory):
    bravo = db.session.get(Organization, directory["bravo"])
    with pytest.raises(ValueError, match="into itself"):
        merge_organizations(bravo, bravo, people[1])
    assert bravo.deleted_at is None
