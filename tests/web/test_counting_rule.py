"""One rule for what counts: every analysis page counts the same listings, says
which, and offers the switch (issue 15, case 10).

In the fixture directory, Casa del Migrante Ejemplo (charlie) is the only shelter
in Chiapas, and it is unverified: by the default rule Chiapas has no shelter, on
every page; counting every listing, it has one, on every page.
"""

import re

import pytest

from tests.web.helpers import visible_text

STRICT = "Counted: verified listings reviewed in the last 12 months."
LENIENT = "Counted: every listing, including unverified ones"


def pages(directory):
    return [
        "/en/gaps?service=shelter",
        "/en/partners?region=MX-CHP&service=shelter",
        "/en/regions/MX-CHP",
        "/en/dashboard?region=MX-CHP",
        "/en/regions/MX-CHP/brief",
        f"/en/mentoring?organization={directory['india']}&role=mentor",
    ]


def switch_link(html: str) -> str:
    found = re.findall(r'<a href="([^"]*include_stale=1[^"]*)">', html)
    assert found, "no link to count every listing"
    return found[0].replace("&amp;", "&")


def test_every_analysis_page_says_what_it_counted_and_offers_the_switch(
    client, directory
):
    for path in pages(directory):
        html = client.get(path).get_data(as_text=True)
        assert STRICT in visible_text(html), path
        lenient = client.get(switch_link(html))
        assert lenient.status_code == 200, path
        text = visible_text(lenient.get_data(as_text=True))
        assert LENIENT in text, path
        assert "Count only verified listings reviewed in the last 12 months" in text


def shelter_counts(client, lenient: bool) -> dict[str, object]:
    flag = "&include_stale=1" if lenient else ""
    coverage = client.get(f"/api/v1/coverage?service=shelter{flag}").get_json()
    chiapas = next(r for r in coverage["regions"] if r["region"] == "MX-CHP")
    partners = client.get(
        f"/api/v1/partners?region=MX-CHP&service=shelter{flag}"
    ).get_json()
    first_tier = [
        p["organization"]["name"] for p in partners["items"] if p["tier"] == 1
    ]
    return {"providers": chiapas["providers"], "tier 1": first_tier}


@pytest.mark.parametrize(
    ("lenient", "expected"),
    [
        (False, {"providers": 0, "tier 1": []}),
        (True, {"providers": 1, "tier 1": ["Casa del Migrante Ejemplo"]}),
    ],
)
def test_gaps_and_partners_count_the_same_listings(
    client, directory, lenient, expected
):
    assert shelter_counts(client, lenient) == expected


def test_a_brief_never_lists_a_provider_beside_a_gap_it_does_not_count(
    client, directory
):
    text = visible_text(client.get("/en/regions/MX-CHP/brief").get_data(as_text=True))
    assert "Casa del Migrante Ejemplo" not in text  # a gap with no counted provider
    lenient = client.get("/en/regions/MX-CHP/brief?include_stale=1")
    assert "Casa del Migrante Ejemplo" in lenient.get_data(as_text=True)
