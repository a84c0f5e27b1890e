"""Text folding for search and sorting: case- and accent-insensitive."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Return `text` lower-cased, unaccented and single-spaced ("Ñandú" → "nandu")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", stripped.casefold()).strip()


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_words(text: str | None) -> str:
    """Return `text` folded, without punctuation ("Cd. Juárez" → "cd juarez")."""
    return _NOT_WORD.sub(" ", fold(text)).strip()
