"""A term the matching data does not mention leaves rankings working, not failing.

A service category or support need added to the vocabularies before
cso_map/data/matching.json knows it has no related categories and no skills; the
partner and mentoring pages still answer (tests/data checks the file's coverage).
"""

import copy

import pytest

from cso_map.services.matching import relations
from cso_map.taxonomy import SUPPORT_NEEDS
from tests.web.helpers import visible_text

PARTNERS = "region=US-CA&service=legal_advice"


def matching_without(section: str, code: str) -> dict:
    """Return the matching data as if `code` had no entry in `section`."""
    data = copy.deepcopy(relations.matching_data())
    del data[section][code]
    return data


def unrelate(monkeypatch, category: str) -> None:
    """Make the matching data say nothing about `category`."""
    data = matching_without("services", category)
    monkeypatch.setattr(relations, "matching_data", lambda: data)


@pytest.fixture
def legal_advice_unrelated(monkeypatch):
    unrelate(monkeypatch, "legal_advice")


def test_a_category_missing_from_the_matching_data_does_not_break_partners(
    client, directory, legal_advice_unrelated
):
    page = client.get(f"/es/partners?{PARTNERS}")
    assert page.status_code == 200
    assert "Centro Legal del Valle" in visible_text(page.get_data(as_text=True))
    for path in (f"/es/partners/map?{PARTNERS}", f"/es/partners.csv?{PARTNERS}"):
        assert client.get(path).status_code == 200, path
    api = client.get(f"/api/v1/partners?{PARTNERS}")
    assert api.status_code == 200
    assert api.get_json()["items"][0]["organization"]["name"] == (
        "Centro Legal del Valle"
    )


def test_a_category_the_data_does_not_relate_has_no_related_partners(
    client, directory, monkeypatch
):
    url = "/api/v1/partners?region=US-CA&service=health"
    reasons = [item["reasons"][0] for item in client.get(url).get_json()["items"]]
    assert reasons  # from the data: providers of related services in the state
    assert {reason["code"] for reason in reasons} == {"related"}
    unrelate(monkeypatch, "health")
    response = client.get(url)
    assert response.status_code == 200
    assert response.get_json()["items"] == []
    assert client.get("/es/partners?region=US-CA&service=health").status_code == 200


def test_the_relations_of_a_missing_category_are_empty(legal_advice_unrelated):
    assert relations.related_categories(("legal_advice",)) == []
    assert relations.skills_for_services(("legal_advice",)) == 0
    assert relations.related_categories(("legal_advice", "housing")) == [
        "shelter",
        "financial_inclusion",
    ]


def test_a_support_need_missing_from_the_matching_data_answers_with_no_skills(
    monkeypatch,
):
    data = matching_without("support_needs", "funding")
    monkeypatch.setattr(relations, "matching_data", lambda: data)
    answers = relations.skills_for_needs()
    assert answers["funding"] == 0
    assert list(answers) == SUPPORT_NEEDS.codes()
