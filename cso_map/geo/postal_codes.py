"""Postal codes to towns and states, offline: US ZIP codes and Mexican códigos postales.

US ZIP codes come from the `zipcodes` package (the USPS list, with a point per
code); Mexican ones from `postalcodes-mexico` (Correos de México's catalogue,
SEPOMEX: each code's settlements, municipality, city and state, no point).
A five-digit number can be a code in both countries: words around it ("ZIP",
"CP", "C.P.", "código postal", a state or a country) say which.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass

import zipcodes
from postalcodes_mexico.postalcodes_mexico import DB_PATH as SEPOMEX_DB

from cso_map.text import fold_words

_POSTAL_QUERY = re.compile(
    r"^(?:(?P<hint>zip code|zip|c p|cp|codigo postal|postal code)\s+)?"
    r"(?P<code>\d{5})(?:\s+\d{4})?(?:\s+(?P<rest>.+))?$"
)
_HINTS = {"zip": "US", "zip code": "US", "c p": "MX", "cp": "MX", "codigo postal": "MX"}
_COUNTRY_WORDS = {
    "mexico": "MX",
    "mx": "MX",
    "usa": "US",
    "us": "US",
    "eeuu": "US",
    "ee uu": "US",
    "estados unidos": "US",
    "united states": "US",
}
# The states as Correos de México's catalogue names them, to ISO 3166-2.
SEPOMEX_STATES = {
    "Aguascalientes": "MX-AGU",
    "Baja California": "MX-BCN",
    "Baja California Sur": "MX-BCS",
    "Campeche": "MX-CAM",
    "Chiapas": "MX-CHP",
    "Chihuahua": "MX-CHH",
    "Ciudad de México": "MX-CMX",
    "Coahuila de Zaragoza": "MX-COA",
    "Colima": "MX-COL",
    "Durango": "MX-DUR",
    "Guanajuato": "MX-GUA",
    "Guerrero": "MX-GRO",
    "Hidalgo": "MX-HID",
    "Jalisco": "MX-JAL",
    "México": "MX-MEX",
    "Michoacán de Ocampo": "MX-MIC",
    "Morelos": "MX-MOR",
    "Nayarit": "MX-NAY",
    "Nuevo León": "MX-NLE",
    "Oaxaca": "MX-OAX",
    "Puebla": "MX-PUE",
    "Querétaro": "MX-QUE",
    "Quintana Roo": "MX-ROO",
    "San Luis Potosí": "MX-SLP",
    "Sinaloa": "MX-SIN",
    "Sonora": "MX-SON",
    "Tabasco": "MX-TAB",
    "Tamaulipas": "MX-TAM",
    "Tlaxcala": "MX-TLA",
    "Veracruz de Ignacio de la Llave": "MX-VER",
    "Yucatán": "MX-YUC",
    "Zacatecas": "MX-ZAC",
}


@dataclass(frozen=True)
class PostalQuery:
    """A typed postal code, the country its words name (or None), and the rest."""

    code: str
    country: str | None = None
    rest: str = ""


@dataclass(frozen=True)
class PostalCode:
    """A postal code's country, state (ISO 3166-2), town names and point if known."""

    code: str
    country: str
    region: str
    towns: tuple[str, ...]
    lon: float | None = None
    lat: float | None = None


def read_postal_query(text: str) -> PostalQuery | None:
    """Return the postal code `text` gives ("93701", "C.P. 32000"), or None."""
    found = _POSTAL_QUERY.match(fold_words(text))
    if found is None:
        return None
    rest = found["rest"] or ""
    country = _HINTS.get(found["hint"] or "") or _COUNTRY_WORDS.get(rest)
    return PostalQuery(found["code"], country, "" if rest in _COUNTRY_WORDS else rest)


def us_zip_code(code: str) -> list[PostalCode]:
    """Return the active US ZIP code `code` (five digits), with its point."""
    found = []
    for entry in zipcodes.matching(code):
        if not entry["active"] or not entry["lat"] or not entry["long"]:
            continue
        found.append(
            PostalCode(
                code,
                "US",
                f"US-{entry['state']}",
                (entry["city"],),
                float(entry["long"]),
                float(entry["lat"]),
            )
        )
    return found


def mexican_postal_code(code: str) -> list[PostalCode]:
    """Return Mexican postal code `code`: its state and the city or municipality."""
    with closing(sqlite3.connect(f"file:{SEPOMEX_DB}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT DISTINCT city, municipality, state FROM places WHERE cp = ?",
            (code,),
        ).fetchall()
    found: list[PostalCode] = []
    for city, municipality, state in rows:
        towns = tuple(dict.fromkeys(name for name in (city, municipality) if name))
        entry = PostalCode(code, "MX", SEPOMEX_STATES[state], towns)
        if entry not in found:
            found.append(entry)
    return found


def postal_codes(query: PostalQuery) -> list[PostalCode]:
    """Return what a typed postal code can be, in the country it names if any."""
    found: list[PostalCode] = []
    if query.country in (None, "US"):
        found += us_zip_code(query.code)
    if query.country in (None, "MX"):
        found += mexican_postal_code(query.code)
    return found
