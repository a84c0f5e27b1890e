"""Mentoring pages: browse who takes part by filters, names (never numbers) in every
heading and title, one pair and its map (issue 16, item 3).

In the fixture directory, Club Jerez de Chicago (alpha, a hometown club in Illinois)
looks for a mentor and needs funding; Federación Zacatecana de Illinois (india, a
federation in Illinois) is open to mentor with project design and fundraising.
"""

import re

import pytest

from tests.factories import insert, organization_record
from tests.web.helpers import visible_text

CLUB = "Club Jerez de Chicago"
FEDERATION = "Federación Zacatecana de Illinois"


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def text_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return visible_text(response.get_data(as_text=True))


def test_the_entry_page_lists_who_takes_part_with_a_count(client, directory):
    text = text_of(client, "/es/mentoring")
    assert "2 organizaciones participan" in text
    assert CLUB in text
    assert FEDERATION in text
    assert "Centro Legal del Valle" not in text  # it has not opted in
    assert "Busca una organización que la acompañe como mentora" in text
    folded = text.lower()  # labels mid-sentence may be lower-cased
    assert "necesita financiamiento" in folded
    assert "mentoría" in folded
    assert "ofrece diseño de proyectos" in folded
    assert "procuración de fondos" in folded
    assert "Hometown club" in text_of(client, "/en/mentoring")


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("role=mentee&region=US-IL", CLUB, FEDERATION),
        ("role=mentor&region=US-IL", FEDERATION, CLUB),
        ("region=US&type=hometown_club", CLUB, FEDERATION),
        ("need=funding", CLUB, FEDERATION),
        ("skill=fundraising", FEDERATION, CLUB),
        ("q=jerez", CLUB, FEDERATION),
    ],
)
def test_filters_combine(client, directory, query, shown, hidden):
    text = text_of(client, f"/en/mentoring?{query}")
    assert "1 organization takes part" in text
    assert shown in text
    assert hidden not in text


def test_no_result_says_so_and_offers_a_way_on(client, directory):
    html = client.get("/es/mentoring?region=MX-CHP").get_data(as_text=True)
    text = visible_text(html)
    assert "0 organizaciones participan" in text
    assert "Ninguna organización participante coincide" in text
    assert 'href="/es/mentoring">Ver todas las organizaciones que participan' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=XX-YY", "Unknown state “XX-YY”"),
        ("type=club", "Unknown code “club”"),
        ("role=boss", "The role is “mentor” or “mentee”."),
        ("skill=magic", "Unknown code “magic”"),
        ("need=magic", "Unknown code “magic”"),
        ("page=0", "Page"),
    ],
)
def test_unknown_filter_values_are_a_clear_400(client, directory, query, message):
    response = client.get(f"/en/mentoring?{query}")
    assert response.status_code == 400
    assert message in visible_text(response.get_data(as_text=True))


def test_browsing_counts_as_the_other_analysis_pages(app, client, directory):
    insert(
        app,
        [
            organization_record(
                "unchecked",
                "Club Sin Verificar",
                41.88,
                -87.63,
                [("origin_development", ["MX-ZAC"])],
                seeking_mentor=True,
                verification_status="unverified",
            )
        ],
    )
    strict = text_of(client, "/en/mentoring?region=US-IL")
    assert "Club Sin Verificar" not in strict
    assert "Counted: verified listings reviewed in the last 12 months." in strict
    lenient = text_of(client, "/en/mentoring?region=US-IL&include_stale=1")
    assert "Club Sin Verificar" in lenient
    assert "3 organizations take part" in lenient


def test_a_hidden_address_shows_only_its_state(app, client, directory):
    insert(
        app,
        [
            organization_record(
                "hidden",
                "Colectivo Resguardado",
                41.88,
                -87.63,
                [("origin_development", ["MX-ZAC"])],
                seeking_mentor=True,
                location_confidential=True,
            )
        ],
    )
    html = client.get("/en/mentoring?q=resguardado").get_data(as_text=True)
    text = visible_text(html)
    assert "Illinois · It does not publish its address." in text
    assert "Chicago" not in text
    assert "41.88" not in html


@pytest.mark.parametrize(
    ("lang", "heading", "profile"),
    [
        ("es", f"Posibles mentoras para {CLUB}", f"Ficha de {CLUB}"),
        ("en", f"Possible mentors for {CLUB}", f"Profile of {CLUB}"),
    ],
)
def test_suggestions_and_pair_pages_are_named(
    client, directory, lang, heading, profile
):
    club = directory["alpha"]
    path = f"/{lang}/mentoring?organization={club}&role=mentee"
    html = client.get(path).get_data(as_text=True)
    text = visible_text(html)
    assert f"<h1>{heading}</h1>" in html
    assert title(html).startswith(
        f"{'Mentoría' if lang == 'es' else 'Mentoring'} · {CLUB}"
    )
    assert profile in text
    assert FEDERATION in text
    pair = client.get(f"{path}&pair={directory['india']}")
    assert pair.status_code == 200
    pair_html = pair.get_data(as_text=True)
    could = "podría acompañar a" if lang == "es" else "could mentor"
    assert f"<h1>{FEDERATION} {could} {CLUB}</h1>" in pair_html
    assert CLUB in title(pair_html)
    assert FEDERATION in title(pair_html)
    assert re.search(r"\b\d+\b", title(pair_html)) is None  # no internal number
    assert f"pair={directory['india']}" in pair_html  # the framed map of the pair


def test_groups_a_mentor_could_mentor_are_named(client, directory):
    text = text_of(
        client, f"/es/mentoring?organization={directory['india']}&role=mentor"
    )
    assert f"Grupos que {FEDERATION} podría acompañar" in text
    assert CLUB in text


def test_an_organization_not_opted_in_is_named_too(client, directory):
    text = text_of(
        client, f"/en/mentoring?organization={directory['alpha']}&role=mentor"
    )
    assert f"{CLUB} has not said it wants to mentor others." in text


def test_the_pair_map_draws_only_that_pair_and_a_stranger_is_404(client, directory):
    club, federation = directory["alpha"], directory["india"]
    base = f"/es/mentoring/map?organization={club}&role=mentee"
    frame = client.get(f"{base}&pair={federation}")
    assert frame.status_code == 200
    body = frame.get_data(as_text=True)
    assert FEDERATION in body
    assert CLUB in body
    stranger = directory["bravo"]
    assert client.get(f"{base}&pair={stranger}").status_code == 404
    page = client.get(f"/es/mentoring?organization={club}&role=mentee&pair={stranger}")
    assert page.status_code == 404
    assert client.get(f"{base}&pair=abc").status_code == 400


def test_a_hidden_mentor_is_drawn_at_its_state_and_says_so(app, client, directory):
    insert(
        app,
        [
            organization_record(
                "hidden_mentor",
                "Refugio Discreto",
                41.88,
                -87.63,
                [("origin_development", ["MX-ZAC"])],
                open_to_mentor=True,
                paid_staff=10,
                volunteers=5,
                budget_band="over_1m",
                location_confidential=True,
            )
        ],
    )
    club = directory["alpha"]
    page = visible_text(
        client.get(f"/en/mentoring?organization={club}&role=mentee").get_data(
            as_text=True
        )
    )
    assert "Refugio Discreto" in page
    assert "Illinois · It does not publish its address." in page
    frame = client.get(f"/en/mentoring/map?organization={club}&role=mentee")
    body = frame.get_data(as_text=True)
    assert "In Illinois; it does not publish its address." in body
    assert "41.88" not in body
    assert "-87.63" not in body
