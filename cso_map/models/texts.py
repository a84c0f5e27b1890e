"""Free texts written in one language, with a version in the other one.

A record says which language its own texts are in (`text_language`, "es" or
"en"; None when nobody said); each bilingual text `x` has its version in the
other language in `x_translation`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

TEXT_LANGUAGES = ("es", "en")


def other_language(lang: str) -> str:
    """Return the other of the two languages texts are written in."""
    return "en" if lang == "es" else "es"


def text_language_check() -> CheckConstraint:
    """Return the check that a record's text language is Spanish or English."""
    return CheckConstraint("text_language IN ('es', 'en')", name="text_language")


@dataclass(frozen=True)
class PageText:
    """A text as a page shows it: `lang` is set when it is not the page's language."""

    text: str
    lang: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text)


class TwoLanguageTexts:
    """A record whose free texts may be given in Spanish and in English."""

    text_language: Mapped[str | None] = mapped_column(String(2))

    def text_in(self, name: str, lang: str) -> PageText:
        """Return text `name` in `lang`, else its version in the other language
        marked with that language (unmarked when its language is not known)."""
        own = getattr(self, name) or ""
        translation = getattr(self, f"{name}_translation") or ""
        if self.text_language not in TEXT_LANGUAGES:
            return PageText(own or translation)
        versions = {
            self.text_language: own,
            other_language(self.text_language): translation,
        }
        if versions[lang]:
            return PageText(versions[lang])
        other = other_language(lang)
        return PageText(versions[other], other if versions[other] else None)
