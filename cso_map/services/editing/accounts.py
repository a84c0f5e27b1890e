"""Accounts: create, authenticate, end sessions, change and reset passwords.

Passwords are hashed with argon2id (argon2-cffi's defaults follow OWASP). Ending
every session of an account means increasing its `session_version`, which is part
of what each session cookie remembers (see `User.get_id`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import ROLES, Organization, User
from cso_map.models.base import utcnow

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128
RESET_SALT = "password-reset"
RESET_MAX_AGE = dt.timedelta(hours=1)

_hasher = PasswordHasher()
# Verifying against this hash makes an unknown e-mail cost what a wrong password does.
_UNKNOWN_USER_HASH = _hasher.hash("not-a-password-of-anyone")


class AccountError(ValueError):
    """An account operation was refused; the message says why."""


def normal_email(email: str) -> str:
    """Return an e-mail address as accounts store it (trimmed, lower case)."""
    return email.strip().lower()


def check_password_rules(password: str) -> None:
    """Refuse a password shorter than 12 or longer than 128 characters."""
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise AccountError("password length")


def create_user(
    email: str,
    password: str,
    role: str,
    name: str = "",
    organizations: list[uuid.UUID] | None = None,
) -> User:
    """Create an account (committed); refuse a taken e-mail or an unknown role."""
    if role not in ROLES:
        raise AccountError("role")
    check_password_rules(password)
    email = normal_email(email)
    if find_user(email) is not None:
        raise AccountError("email taken")
    user = User(email=email, name=name, role=role, password_hash=_hasher.hash(password))
    for organization_id in organizations or []:
        organization = db.session.get(Organization, organization_id)
        if organization is None:
            raise AccountError("organization")
        user.organizations.append(organization)
    db.session.add(user)
    db.session.commit()
    return user


def find_user(email: str) -> User | None:
    """Return the account with this e-mail address, if any."""
    return db.session.scalar(
        select(User).where(func.lower(User.email) == normal_email(email))
    )


def authenticate(email: str, password: str) -> User | None:
    """Return the active account these credentials open, or None.

    An unknown address, a wrong password and a deactivated account take the same
    work and give the same answer.
    """
    user = find_user(email)
    try:
        _hasher.verify(user.password_hash if user else _UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def load_session_user(session_id: str) -> User | None:
    """Return the account a session cookie names, if that session is still valid."""
    user_id, _, version = session_id.partition(":")
    try:
        user = db.session.get(User, uuid.UUID(user_id))
    except ValueError:
        return None
    if user is None or not user.active or str(user.session_version) != version:
        return None
    return user


def end_sessions(user: User) -> None:
    """End every session of the account (logout, password change, deactivation)."""
    user.session_version += 1
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    """Change the password after checking the current one; end other sessions."""
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError) as error:
        raise AccountError("current password") from error
    set_password(user, new)


def set_password(user: User, new: str) -> None:
    """Set a new password and end every session of the account."""
    check_password_rules(new)
    user.password_hash = _hasher.hash(new)
    end_sessions(user)


def set_active(user: User, active: bool) -> None:
    """Activate or deactivate an account; deactivation ends its sessions."""
    user.active = active
    end_sessions(user)


def reset_token(user: User, secret_key: str) -> str:
    """Return a signed token that resets this account's password once."""
    serializer = URLSafeTimedSerializer(secret_key, salt=RESET_SALT)
    return serializer.dumps([str(user.id), user.password_hash[-16:]])


def user_for_reset(token: str, secret_key: str) -> User | None:
    """Return the account of a valid, unexpired, unused reset token, else None.

    A token is bound to the password hash it was made with, so it stops working
    as soon as the password changes: it is single-use.
    """
    serializer = URLSafeTimedSerializer(secret_key, salt=RESET_SALT)
    try:
        user_id, fingerprint = serializer.loads(
            token, max_age=int(RESET_MAX_AGE.total_seconds())
        )
        user = db.session.get(User, uuid.UUID(user_id))
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return None
    if user is None or not user.active or user.password_hash[-16:] != fingerprint:
        return None
    return user
