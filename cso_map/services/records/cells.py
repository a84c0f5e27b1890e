"""Reading the cells of imported files: each refusal names the row and the field.

Messages are translated when shown, so the admin page speaks the admin's
language and the command line speaks English.
"""

from __future__ import annotations

import re
import uuid
from typing import Protocol

from flask_babel import lazy_gettext as _l

from cso_map.services.exchange.uploads import UploadError
from cso_map.taxonomy import VOCABULARIES, normalize_language

TRUE = {"true", "yes", "y", "1", "si", "sí", "x", "verdadero"}
FALSE = {"false", "no", "n", "0", "", "falso"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REGION_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
REMOTE_WITHOUT_CHANNEL = _l(
    "a service only by phone or online must say which: by_phone, online or both"
)


class _LineReader(Protocol):
    """A CSV reader, as a place reads it: the number of the line it is on."""

    @property
    def line_num(self) -> int:
        """Return the number of the line the reader is on."""


class RowPlace:
    """Where a row of a named file is; worded (and translated) only when shown."""

    __slots__ = ("name", "number")

    def __init__(self, name: str, number: int) -> None:
        self.name = name
        self.number = number

    def __str__(self) -> str:
        return str(_l("%(name)s row %(number)s", name=self.name, number=self.number))


class LinePlace:
    """The line a CSV reader is on: one object for a whole file, read when shown."""

    __slots__ = ("name", "reader")

    def __init__(self, name: str, reader: _LineReader) -> None:
        self.name = name
        self.reader = reader

    def __str__(self) -> str:
        return str(RowPlace(self.name, self.reader.line_num))


def pinned(place: Where) -> Where:
    """Return a place that keeps saying where it is after the reader moves on."""
    if isinstance(place, LinePlace):
        return RowPlace(place.name, place.reader.line_num)
    return place


class Place:
    """A numbered feature or organization of a file; worded only when shown."""

    __slots__ = ("kind", "number")

    def __init__(self, kind: str, number: int) -> None:
        self.kind = kind
        self.number = number

    def __str__(self) -> str:
        if self.kind == "feature":
            return str(_l("feature %(number)s", number=self.number))
        return str(_l("organization %(number)s", number=self.number))


# Where a value was read, as a refusal names it: a place (worded, and translated,
# by str() only when shown) or text already worded ("item 3 services[1]").
Where = RowPlace | LinePlace | Place | str


class CellError(UploadError):
    """A value in a named row (or feature) and field was refused."""

    def __init__(self, where: Where, field: str, problem: str) -> None:
        where = pinned(where)
        super().__init__(
            _l(
                "%(where)s, field %(field)s: %(problem)s",
                where=where,
                field=field,
                problem=problem,
            )
        )


def text(value: object) -> str | None:
    """Return stripped text, or None for an empty cell."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def flag(value: object, where: Where, field: str) -> bool:
    """Return a yes/no cell as a boolean (true/false, yes/no, sí/no, 1/0)."""
    if isinstance(value, bool):
        return value
    folded = str(value or "").strip().lower()
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise CellError(where, field, _l("%(value)r is not yes or no", value=value))


def whole(
    value: object, where: Where, field: str, low: int = 0, high: int | None = None
) -> int | None:
    """Return a whole number within [low, high], or None for an empty cell."""
    if value is None or str(value).strip() == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise CellError(
            where, field, _l("%(value)r is not a whole number", value=value)
        ) from None
    if number < low or (high is not None and number > high):
        raise CellError(where, field, _l("%(value)s is out of range", value=number))
    return number


def decimal(
    value: object, where: Where, field: str, low: float, high: float
) -> float | None:
    """Return a number within [low, high], or None for an empty cell."""
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise CellError(
            where, field, _l("%(value)r is not a number", value=value)
        ) from None
    if not low <= number <= high:
        raise CellError(
            where,
            field,
            _l(
                "%(value)s is outside %(low)s to %(high)s",
                value=number,
                low=low,
                high=high,
            ),
        )
    return number


def point(
    latitude: object, longitude: object, where: Where
) -> tuple[float | None, float | None]:
    """Return (latitude, longitude) in range, both or neither."""
    lat = decimal(latitude, where, "latitude", -90, 90)
    lon = decimal(longitude, where, "longitude", -180, 180)
    if (lat is None) != (lon is None):
        raise CellError(
            where, "latitude", _l("give both latitude and longitude, or neither")
        )
    return lat, lon


def code(value: object, vocabulary: str, where: Where, field: str) -> str | None:
    """Return a code of `vocabulary`, or None for an empty cell."""
    value = text(value)
    if value is None:
        return None
    if vocabulary == "language":
        value = normalize_language(value)
    if value not in VOCABULARIES[vocabulary]:
        choices = ", ".join(VOCABULARIES[vocabulary].codes())
        raise CellError(
            where,
            field,
            _l("%(value)r is not one of: %(choices)s", value=value, choices=choices),
        )
    return value


def one_of(
    value: object, choices: tuple[str, ...], where: Where, field: str
) -> str | None:
    """Return one of `choices` (case aside), or None for an empty cell."""
    value = text(value)
    if value is None:
        return None
    if value.lower() not in choices:
        raise CellError(
            where,
            field,
            _l(
                "%(value)r is not one of: %(choices)s",
                value=value,
                choices=", ".join(choices),
            ),
        )
    return value.lower()


def codes(value: object, vocabulary: str, where: Where, field: str) -> list[str]:
    """Return the codes of a cell separated by ";" (or a list), in order, once each."""
    items = value if isinstance(value, list) else str(value or "").split(";")
    found = (code(item, vocabulary, where, field) for item in items)
    return list(dict.fromkeys(item for item in found if item))


def region_code(value: object, known: set[str], where: Where, field: str) -> str | None:
    """Return a known ISO 3166 region code, or None for an empty cell."""
    value = text(value)
    if value is None:
        return None
    value = value.upper()
    if not REGION_CODE.match(value) or value not in known:
        raise CellError(
            where, field, _l("%(value)r is not a region code we know", value=value)
        )
    return value


def identifier(value: object, where: Where, field: str) -> str | None:
    """Return a UUID as text, or None for an empty cell."""
    value = text(value)
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise CellError(
            where, field, _l("%(value)r is not a UUID", value=value)
        ) from None


def email(value: object, where: Where, field: str) -> str | None:
    """Return an e-mail address, or None for an empty cell."""
    value = text(value)
    if value is not None and not EMAIL.match(value):
        raise CellError(
            where, field, _l("%(value)r is not an e-mail address", value=value)
        )
    return value


def web_address(value: object, where: Where, field: str) -> str | None:
    """Return an http(s) address, or None for an empty cell."""
    value = text(value)
    if value is not None and not re.match(r"^https?://[^\s/]+", value, re.IGNORECASE):
        raise CellError(
            where, field, _l("%(value)r is not an http(s) address", value=value)
        )
    return value


def clipped(value: object, where: Where, field: str, limit: int) -> str | None:
    """Return text no longer than `limit` characters, or None for an empty cell."""
    value = text(value)
    if value is not None and len(value) > limit:
        raise CellError(
            where, field, _l("longer than %(limit)s characters", limit=limit)
        )
    return value
