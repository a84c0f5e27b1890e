"""What administrators look after: roles, activation (both recorded) and
listings not reviewed in twelve months."""

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import AuditEvent, Organization, User
from cso_map.services.editing.accounts import AccountError
from cso_map.services.editing.admin import (
    change_activation,
    list_users,
    organization_by_id,
    set_role,
    stale_organizations,
    user_by_id,
)


def make_user(email, role="editor"):
    user = User(email=email, role=role, password_hash="unused")
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def users(app_context):
    return make_user("zoe@example.org"), make_user("admin@example.org", "admin")


def user_events(user):
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.entity_id == user.id)
    ).all()


def test_users_are_listed_by_email(users):
    assert [u.email for u in list_users()] == ["admin@example.org", "zoe@example.org"]
    assert user_by_id(users[0].id) is users[0]
    assert user_by_id(uuid.uuid4()) is None


def test_a_role_change_is_recorded_and_ends_the_sessions(users):
    zoe, admin = users
    session = zoe.get_id()
    set_role(zoe, "authority", by=admin)
    assert zoe.role == "authority"
    assert zoe.get_id() != session
    (event,) = user_events(zoe)
    assert (event.entity, event.user_id, event.organization_id) == (
        "user",
        admin.id,
        None,
    )
    assert (json.loads(event.before), json.loads(event.after)) == (
        {"role": "editor"},
        {"role": "authority"},
    )


def test_an_unknown_role_is_refused_and_nothing_recorded(users):
    zoe, admin = users
    with pytest.raises(AccountError, match="role"):
        set_role(zoe, "owner", by=admin)
    assert zoe.role == "editor"
    assert user_events(zoe) == []


def test_deactivation_is_recorded(users):
    zoe, admin = users
    change_activation(zoe, False, by=admin)
    assert not zoe.active
    assert zoe.session_version == 2
    change_activation(zoe, True, by=admin)
    changes = sorted(
        (json.loads(e.before)["active"], json.loads(e.after)["active"])
        for e in user_events(zoe)
    )
    assert changes == [(False, True), (True, False)]


def test_stale_listings_are_never_reviewed_first_then_the_oldest(
    app_context, directory
):
    # hotel was reviewed 500 days ago; every other listing 30 days ago.
    assert [o.name for o in stale_organizations()] == ["Cooperativa Ñandú de Jerez"]
    alpha = db.session.get(Organization, directory["alpha"])
    alpha.last_reviewed_on = None
    golf = db.session.get(Organization, directory["golf"])  # defunct: not listed
    golf.last_reviewed_on = None
    db.session.commit()
    assert [o.name for o in stale_organizations()] == [
        "Club Jerez de Chicago",
        "Cooperativa Ñandú de Jerez",
    ]
    # 336 days from now, the 30-day-old reviews are 366 days old.
    later = dt.date.today() + dt.timedelta(days=336)
    assert len(stale_organizations(later)) == 7
    assert len(stale_organizations(later - dt.timedelta(days=1))) == 2
    assert organization_by_id(directory["golf"]) is golf
