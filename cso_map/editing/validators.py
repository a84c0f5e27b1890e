"""Field checks shared by the editing forms."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

PHONE_CHARACTERS = set("+0123456789 ()-./")


def web_address(form, field) -> None:
    """Accept only http(s) addresses with a host."""
    if not field.data:
        return
    parts = urlsplit(field.data.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            _l("Give an address that starts with https:// or http://.")
        )


def phone_number(form, field) -> None:
    """Accept digits, spaces, + ( ) - . / and at least 5 digits."""
    if not field.data:
        return
    digits = sum(char.isdigit() for char in field.data)
    if not set(field.data) <= PHONE_CHARACTERS or digits < 5:
        raise ValidationError(_l("Give a phone number: digits, spaces and + ( ) -."))


def language_of_translations(form, names: tuple[str, ...]) -> bool:
    """Ask which language the texts are in when one is also given in the other
    language (`names`: the translations); return whether all is well."""
    if form.text_language.data or not any(form[name].data for name in names):
        return True
    form.text_language.errors.append(
        _l("Say which language the texts are written in: Spanish or English.")
    )
    return False
