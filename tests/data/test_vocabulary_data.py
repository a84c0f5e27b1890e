"""The data files that speak about the vocabularies cover every term of them."""

import json

import pytest

from cso_map.services.finder.needs import NEEDS_FILE
from cso_map.services.matching.relations import MATCHING_FILE
from cso_map.taxonomy import SERVICE_CATEGORIES, SKILLS, SUPPORT_NEEDS


def read(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def missing(codes, covered) -> list[str]:
    return [code for code in codes if code not in covered]


def test_needs_json_has_plain_words_for_every_service_category():
    covered = {item["category"] for item in read(NEEDS_FILE)["needs"]}
    absent = missing(SERVICE_CATEGORIES.codes(), covered)
    assert not absent, f"{NEEDS_FILE.name} has no need for: {', '.join(absent)}"


def test_matching_json_relates_every_service_category():
    covered = read(MATCHING_FILE)["services"]
    absent = missing(SERVICE_CATEGORIES.codes(), covered)
    assert not absent, f"{MATCHING_FILE.name} has no services entry for: " + ", ".join(
        absent
    )


def test_matching_json_answers_every_support_need():
    covered = read(MATCHING_FILE)["support_needs"]
    absent = missing(SUPPORT_NEEDS.codes(), covered)
    assert not absent, f"{MATCHING_FILE.name} has no support_needs entry for: " + (
        ", ".join(absent)
    )


@pytest.mark.parametrize(
    ("where", "codes", "vocabulary"),
    [
        ("services.*.related", "related", SERVICE_CATEGORIES),
        ("services.*.skills", "skills", SKILLS),
    ],
)
def test_matching_json_names_only_known_codes(where, codes, vocabulary):
    services = read(MATCHING_FILE)["services"].values()
    unknown = sorted(
        {c for entry in services for c in entry[codes]} - set(vocabulary.codes())
    )
    assert not unknown, f"{MATCHING_FILE.name} {where} names unknown: {unknown}"


def test_matching_json_answers_needs_with_known_skills():
    answers = read(MATCHING_FILE)["support_needs"].values()
    unknown = sorted(
        {skill for skills in answers for skill in skills} - set(SKILLS.codes())
    )
    assert not unknown, f"{MATCHING_FILE.name} support_needs names unknown: {unknown}"
