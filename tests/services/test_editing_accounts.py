"""Accounts: normalised e-mails, password rules, authentication that tells no
one which part was wrong, sessions that end, and single-use reset tokens."""

import datetime as dt
import uuid

import pytest
from argon2 import PasswordHasher

from cso_map.extensions import db
from cso_map.models import User
from cso_map.services.editing import accounts
from cso_map.services.editing.accounts import (
    AccountError,
    authenticate,
    change_password,
    check_password_rules,
    create_user,
    end_sessions,
    find_user,
    load_session_user,
    normal_email,
    reset_token,
    set_active,
    set_password,
    user_for_reset,
)

PASSWORD = "correct horse battery"
SECRET = "s" * 40
# argon2's cheapest parameters: these tests check the logic, not the cost.
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def cheap_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", CHEAP)


@pytest.fixture
def ana(app_context, cheap_hashes):
    return create_user(" Ana@Example.ORG ", PASSWORD, "editor", name="Ana")


def test_emails_are_trimmed_and_lower_case():
    assert normal_email("  Ana.Pérez@Example.Org\t") == "ana.pérez@example.org"


@pytest.mark.parametrize(
    ("length", "allowed"), [(11, False), (12, True), (128, True), (129, False)]
)
def test_passwords_have_12_to_128_characters(length, allowed):
    if allowed:
        check_password_rules("x" * length)
    else:
        with pytest.raises(AccountError, match="password length"):
            check_password_rules("x" * length)


def test_a_new_account_is_stored_with_a_normal_email_and_a_hash(ana):
    assert ana.email == "ana@example.org"
    assert (ana.role, ana.name, ana.active, ana.session_version) == (
        "editor",
        "Ana",
        True,
        1,
    )
    assert ana.password_hash.startswith("$argon2id$")
    assert PASSWORD not in ana.password_hash
    assert find_user("ANA@example.org ") is ana


def test_an_account_is_refused_for_a_taken_email_a_role_or_a_password(ana):
    with pytest.raises(AccountError, match="email taken"):
        create_user("ana@EXAMPLE.org", PASSWORD, "editor")
    with pytest.raises(AccountError, match="role"):
        create_user("b@example.org", PASSWORD, "superuser")
    with pytest.raises(AccountError, match="password length"):
        create_user("b@example.org", "short", "editor")
    assert find_user("b@example.org") is None


def test_an_account_edits_the_organizations_it_is_given(
    app_context, directory, cheap_hashes
):
    user = create_user(
        "e@example.org", PASSWORD, "editor", organizations=[directory["bravo"]]
    )
    assert [o.name for o in user.organizations] == ["Centro Legal del Valle"]
    assert user.edits(directory["bravo"])
    assert not user.edits(directory["alpha"])
    with pytest.raises(AccountError, match="organization"):
        create_user("f@example.org", PASSWORD, "editor", organizations=[uuid.uuid4()])
    db.session.rollback()
    assert find_user("f@example.org") is None


def test_authentication_opens_only_an_active_account_with_its_password(ana):
    assert ana.last_login_at is None
    assert authenticate("ANA@example.org", PASSWORD) is ana
    assert ana.last_login_at is not None
    assert authenticate("ana@example.org", PASSWORD + "!") is None
    assert authenticate("nobody@example.org", PASSWORD) is None
    set_active(ana, False)
    assert authenticate("ana@example.org", PASSWORD) is None


def test_an_old_hash_is_upgraded_on_login(app_context):
    old = CHEAP.hash(PASSWORD)
    assert "$m=8,t=1," in old
    user = User(email="old@example.org", role="editor", password_hash=old)
    db.session.add(user)
    db.session.commit()
    assert authenticate("old@example.org", PASSWORD) is user  # the default hasher
    assert user.password_hash != old
    assert not PasswordHasher().check_needs_rehash(user.password_hash)
    assert authenticate("old@example.org", PASSWORD) is user


def test_a_session_is_valid_until_its_version_moves_on(ana):
    session_id = ana.get_id()
    assert session_id == f"{ana.id}:1"
    assert load_session_user(session_id) is ana
    end_sessions(ana)
    assert ana.session_version == 2
    assert load_session_user(session_id) is None
    assert load_session_user(ana.get_id()) is ana


@pytest.mark.parametrize(
    "session_id",
    ["", "garbage", "garbage:1", "00000000-0000-4000-8000-000000000000:1"],
)
def test_a_session_of_no_account_opens_nothing(app_context, session_id):
    assert load_session_user(session_id) is None


def test_deactivation_ends_sessions(ana):
    session_id = ana.get_id()
    set_active(ana, False)
    assert load_session_user(session_id) is None
    assert load_session_user(ana.get_id()) is None  # inactive: no session at all
    set_active(ana, True)
    assert load_session_user(ana.get_id()) is ana


def test_changing_the_password_needs_the_current_one(ana):
    session_id = ana.get_id()
    with pytest.raises(AccountError, match="current password"):
        change_password(ana, "wrong password!!", "a new password 123")
    assert load_session_user(session_id) is ana  # nothing happened
    with pytest.raises(AccountError, match="password length"):
        change_password(ana, PASSWORD, "short")
    change_password(ana, PASSWORD, "a new password 123")
    assert authenticate("ana@example.org", "a new password 123") is ana
    assert authenticate("ana@example.org", PASSWORD) is None
    assert load_session_user(session_id) is None


def test_a_reset_token_works_once(ana):
    token = reset_token(ana, SECRET)
    assert user_for_reset(token, SECRET) is ana
    assert user_for_reset(token, SECRET) is ana  # until the password changes
    set_password(ana, "another password 1")
    assert user_for_reset(token, SECRET) is None


def test_a_reset_token_is_refused_when_forged_expired_or_inactive(ana, monkeypatch):
    token = reset_token(ana, SECRET)
    assert user_for_reset(token, "another secret" * 3) is None
    assert user_for_reset(token[:-2] + "xx", SECRET) is None
    assert user_for_reset("nonsense", SECRET) is None
    monkeypatch.setattr(accounts, "RESET_MAX_AGE", dt.timedelta(seconds=-1))
    assert user_for_reset(token, SECRET) is None
    monkeypatch.undo()
    set_active(ana, False)
    assert user_for_reset(token, SECRET) is None
