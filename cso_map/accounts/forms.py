"""Account forms. Anonymous ones carry no CSRF token (it would need a cookie);
their views accept posts only from this site's pages instead."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from cso_map.services.editing.accounts import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from cso_map.web.forms import EMAIL_SHAPE


def email_field() -> EmailField:
    """Return a required e-mail field (shape checked; the address is not called)."""
    return EmailField(
        _l("E-mail"),
        validators=[
            InputRequired(_l("Give your e-mail address.")),
            Length(max=254),
            Regexp(EMAIL_SHAPE, message=_l("This is not an e-mail address.")),
        ],
    )


def new_password_fields() -> tuple[PasswordField, PasswordField]:
    """Return a new password (12 to 128 characters) and its confirmation."""
    return (
        PasswordField(
            _l("New password"),
            validators=[
                InputRequired(_l("Choose a password.")),
                Length(
                    min=MIN_PASSWORD_LENGTH,
                    max=MAX_PASSWORD_LENGTH,
                    message=_l("Use 12 to 128 characters. Any characters will do."),
                ),
            ],
        ),
        PasswordField(
            _l("New password, again"),
            validators=[EqualTo("password", message=_l("The two passwords differ."))],
        ),
    )


class AnonymousForm(FlaskForm):
    """A form for visitors without a session: no CSRF token, no cookie."""

    class Meta:
        csrf = False


class LoginForm(AnonymousForm):
    """E-mail and password."""

    email = email_field()
    password = PasswordField(
        _l("Password"), validators=[InputRequired(_l("Give your password."))]
    )


class ForgotPasswordForm(AnonymousForm):
    """The e-mail address of the account whose password is forgotten."""

    email = email_field()


class ResetPasswordForm(AnonymousForm):
    """A new password, twice."""

    password, confirm = new_password_fields()


class ChangePasswordForm(FlaskForm):
    """The current password and a new one, twice (with a CSRF token)."""

    current = PasswordField(
        _l("Current password"),
        validators=[InputRequired(_l("Give your current password."))],
    )
    password, confirm = new_password_fields()


class LogoutForm(FlaskForm):
    """Nothing but a CSRF token: logging out is a POST."""
