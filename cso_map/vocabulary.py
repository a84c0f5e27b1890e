"""Controlled vocabularies as code: terms with English and Spanish labels, stable ids.

A term's id is the UUIDv5 of its vocabulary's code and its own, identical on every
installation; the vocabularies themselves are data, in `cso_map.taxonomy`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property

NAMESPACE = uuid.UUID("6f6a2b8e-2f5c-4d0e-9a51-0c5a1d7e4b10")
LANGUAGES = ("es", "en")


@dataclass(frozen=True)
class Term:
    """One code with its labels (and an optional plain-language description)."""

    code: str
    en: str
    es: str
    description_en: str = ""
    description_es: str = ""

    def label(self, lang: str) -> str:
        """Return the label in `lang` ("es" or "en")."""
        return self.es if lang == "es" else self.en

    def description(self, lang: str) -> str:
        """Return the description in `lang` ("es" or "en")."""
        return self.description_es if lang == "es" else self.description_en


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms (an HSDS taxonomy)."""

    code: str
    en: str
    es: str
    terms: tuple[Term, ...]

    @cached_property
    def by_code(self) -> dict[str, Term]:
        """Return the terms keyed by code."""
        return {term.code: term for term in self.terms}

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def __getitem__(self, code: str) -> Term:
        return self.by_code[code]

    def codes(self) -> list[str]:
        """Return every code in display order."""
        return [term.code for term in self.terms]

    def label(self, lang: str) -> str:
        """Return the vocabulary's own name in `lang`."""
        return self.es if lang == "es" else self.en

    @cached_property
    def term_ids(self) -> dict[str, uuid.UUID]:
        """Return the stable UUID of every term, keyed by code."""
        return {
            term.code: uuid.uuid5(NAMESPACE, f"{self.code}/{term.code}")
            for term in self.terms
        }

    def term_id(self, code: str) -> uuid.UUID:
        """Return the stable UUID of the term `code` (it need not exist yet)."""
        found = self.term_ids.get(code)
        return (
            found if found is not None else uuid.uuid5(NAMESPACE, f"{self.code}/{code}")
        )

    @property
    def id(self) -> uuid.UUID:
        """Return the stable UUID of this vocabulary."""
        return uuid.uuid5(NAMESPACE, self.code)
