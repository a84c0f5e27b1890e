"""Editing organizations: only editable fields change, a stale version changes
nothing, every change (and only a change) is in the audit log; soft deletes."""

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import AuditEvent, Organization, User
from cso_map.services.editing.audit import changed_fields, organization_history
from cso_map.services.editing.organizations import (
    StaleEdit,
    confirm_review,
    delete_organization,
    deleted_organizations,
    editable_organization,
    organization_fields,
    restore_organization,
    update_organization,
)


def make_user(email="editor@example.org", role="editor"):
    user = User(email=email, role=role, password_hash="not used here")
    db.session.add(user)
    db.session.commit()
    return user


def events():
    return db.session.scalar(select(func.count()).select_from(AuditEvent))


@pytest.fixture
def bravo(app_context, directory):
    return db.session.get(Organization, directory["bravo"])


def test_fields_are_read_with_terms_as_codes(bravo):
    fields = organization_fields(bravo)
    assert fields["name"] == "Centro Legal del Valle"
    assert fields["type"] == "ngo"
    assert fields["budget_band"] == "250k_1m"
    assert fields["engagement_level"] == "inform"
    assert fields["target_groups"] == ["indigenous", "undocumented"]  # taxonomy order
    assert (fields["paid_staff"], fields["volunteers"]) == (12, 5)
    assert "verification_status" not in fields
    assert "version" not in fields


def test_an_edit_changes_the_fields_and_records_before_and_after(bravo):
    user = make_user()
    assert bravo.version == 1
    update_organization(
        bravo,
        {
            "name": "Centro Jurídico del Valle",
            "type": "network",
            "budget_band": None,
            "target_groups": ["women", "indigenous"],
            "volunteers": 9,
        },
        expected_version=1,
        by=user,
    )
    db.session.expire_all()
    saved = db.session.get(Organization, bravo.id)
    assert saved.version > 1
    assert saved.name_key == "centro juridico del valle"
    assert saved.type.code == "network"
    assert saved.budget_band is None
    assert [t.code for t in saved.target_groups] == ["women", "indigenous"]
    assert saved.search_text.startswith("centro juridico del valle")
    assert "fresno" in saved.search_text
    (event,) = organization_history(bravo.id)
    assert (event.action, event.entity, event.entity_id, event.user_id) == (
        "update",
        "organization",
        bravo.id,
        user.id,
    )
    assert changed_fields(event) == [
        ("budget_band", "250k_1m", None),
        ("name", "Centro Legal del Valle", "Centro Jurídico del Valle"),
        ("target_groups", ["indigenous", "undocumented"], ["women", "indigenous"]),
        ("type", "ngo", "network"),
        ("volunteers", 5, 9),
    ]


def test_fields_that_are_not_editable_are_ignored(bravo):
    update_organization(
        bravo,
        {
            "verification_status": "pending",
            "is_demo": True,
            "version": 40,
            "proposed_by_id": None,
            "phone": "+52 1",
        },
        expected_version=1,
        by=make_user(),
    )
    db.session.expire_all()
    saved = db.session.get(Organization, bravo.id)
    assert (saved.verification_status, saved.is_demo, saved.version) == (
        "verified",
        False,
        2,
    )
    assert saved.phone == "+52 1"


def test_a_stale_edit_changes_nothing_and_returns_the_current_values(bravo):
    user = make_user()
    update_organization(bravo, {"phone": "1"}, expected_version=1, by=user)
    with pytest.raises(StaleEdit) as stale:
        update_organization(bravo, {"phone": "2"}, expected_version=1, by=user)
    assert stale.value.current["phone"] == "1"
    assert stale.value.current == organization_fields(bravo)
    db.session.expire_all()
    assert db.session.get(Organization, bravo.id).phone == "1"
    assert events() == 1


def test_an_edit_that_changes_nothing_is_not_recorded(bravo):
    update_organization(
        bravo, {"name": "Centro Legal del Valle"}, expected_version=1, by=make_user()
    )
    assert events() == 0
    db.session.expire_all()
    assert db.session.get(Organization, bravo.id).version == 1


def test_hiding_the_address_takes_towns_out_of_the_search_text(bravo):
    before = bravo.search_text
    assert before.endswith(" fresno")  # the towns come last
    update_organization(
        bravo, {"location_confidential": True}, expected_version=1, by=make_user()
    )
    assert bravo.search_text == before.removesuffix(" fresno")


def test_the_version_after_an_edit_is_the_one_the_next_edit_needs(bravo):
    user = make_user()
    update_organization(bravo, {"name": "Centro Nuevo"}, expected_version=1, by=user)
    current = bravo.version
    assert current == 2  # one save, one step (no flush half-way through the edit)
    with pytest.raises(StaleEdit):
        update_organization(bravo, {"name": "Otro"}, expected_version=1, by=user)
    update_organization(bravo, {"name": "Otro"}, expected_version=current, by=user)
    assert bravo.name == "Otro"
    assert [e.action for e in organization_history(bravo.id)] == ["update", "update"]


def test_a_review_records_the_date_it_replaces(bravo):
    user = make_user()
    before = bravo.last_reviewed_on
    confirm_review(bravo, user, today=dt.date(2026, 12, 1))
    assert bravo.last_reviewed_on == dt.date(2026, 12, 1)
    (event,) = organization_history(bravo.id)
    assert event.action == "review"
    assert changed_fields(event) == [("last_reviewed_on", str(before), "2026-12-01")]


def test_delete_and_restore(app_context, directory):
    user = make_user()
    alpha = db.session.get(Organization, directory["alpha"])
    bravo = db.session.get(Organization, directory["bravo"])
    delete_organization(alpha, user)
    delete_organization(bravo, user)
    assert editable_organization(alpha.id) is None
    assert not alpha.is_listed
    assert deleted_organizations() == [bravo, alpha]  # the latest first
    restore_organization(alpha, user)
    assert editable_organization(alpha.id) is alpha
    assert alpha.is_listed
    assert deleted_organizations() == [bravo]
    assert [e.action for e in organization_history(alpha.id)] == ["restore", "delete"]


def test_pending_organizations_can_be_edited_but_not_deleted_ones(
    app_context, directory
):
    assert editable_organization(directory["foxtrot"]).name == "Propuesta Pendiente"
    assert editable_organization(uuid.uuid4()) is None


def test_history_is_only_that_organizations(app_context, directory):
    user = make_user()
    alpha = db.session.get(Organization, directory["alpha"])
    bravo = db.session.get(Organization, directory["bravo"])
    confirm_review(alpha, user)
    confirm_review(bravo, user)
    assert [e.organization_id for e in organization_history(alpha.id)] == [alpha.id]
    event = organization_history(bravo.id)[0]
    reviewed = dt.date.today() - dt.timedelta(days=30)  # the fixture's review
    assert json.loads(event.before) == {"last_reviewed_on": reviewed.isoformat()}


def test_an_edit_of_only_term_lists_also_moves_the_version_on(bravo):
    user = make_user()
    update_organization(bravo, {"skills": ["digital"]}, expected_version=1, by=user)
    assert bravo.version == 2
    with pytest.raises(StaleEdit):
        update_organization(
            bravo, {"skills": ["training"]}, expected_version=1, by=user
        )
