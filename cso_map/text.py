"""Text folding for search and sorting: case- and accent-insensitive."""

import re
import unicodedata

# The combining marks that accents decompose into (the Unicode blocks of them).
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold(text: str | None) -> str:
    """Return `text` lower-cased, unaccented and single-spaced ("Ñandú" → "nandu")."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    stripped = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(stripped.casefold().split())


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_words(text: str | None) -> str:
    """Return `text` folded, without punctuation ("Cd. Juárez" → "cd juarez")."""
    return _NOT_WORD.sub(" ", fold(text)).strip()
