"""Directory filters return exactly the expected organizations of the fixture."""

import pytest

from cso_map.services.directory.search import DirectoryFilters, search_organizations

LISTED = {"alpha", "bravo", "charlie", "delta", "echo", "hotel", "india"}

CASES = [
    ({}, LISTED),
    ({"service": "legal_advice"}, {"bravo", "echo", "india"}),
    ({"service": "legal_advice", "region": "MX-ZAC"}, {"echo"}),
    ({"region": "MX-ZAC"}, {"alpha", "echo", "hotel", "india"}),
    ({"region": "US-IL"}, {"alpha", "india"}),
    ({"region": "US"}, {"alpha", "bravo", "india"}),
    ({"region": "MX"}, {"alpha", "charlie", "delta", "echo", "hotel", "india"}),
    ({"language": "hat"}, {"charlie"}),
    ({"language": "mix"}, {"bravo"}),
    ({"service": "legal_advice", "language": "eng"}, {"bravo"}),
    ({"type": "ngo"}, {"bravo", "delta"}),
    ({"target_group": "women"}, {"delta"}),
    ({"verified": True}, {"alpha", "bravo", "delta", "echo", "india"}),
    ({"q": "ñandu"}, {"hotel"}),
    ({"q": "NANDÚ"}, {"hotel"}),
    ({"q": "fresno"}, {"bravo"}),
    ({"q": "clinic fresno"}, {"bravo"}),
    ({"q": "juarez"}, set()),  # a confidential organization is not found by its town
    ({"q": "100%_"}, set()),  # LIKE wildcards are matched literally
    # Words that name a need match the organizations offering it.
    ({"q": "abogado"}, {"bravo", "echo", "india"}),
    ({"q": "necesito un abogado"}, {"bravo", "echo", "india"}),
    ({"q": "nesesito avogado"}, {"bravo", "echo", "india"}),
    ({"q": "lawyer fresno"}, {"bravo"}),
    ({"q": "abogado juarez"}, set()),  # still not found by its hidden town
    ({"q": "albergue", "region": "MX-CHP"}, {"charlie"}),
    (
        {
            "service": "shelter",
            "region": "MX-CHP",
            "language": "quc",
            "type": "faith_based",
            "target_group": "asylum_seekers",
        },
        {"charlie"},
    ),
    ({"service": "shelter", "verified": True}, set()),
]


@pytest.mark.parametrize(("filters", "expected"), CASES)
def test_filters_return_exactly_the_expected_organizations(
    app_context, directory, filters, expected
):
    page = search_organizations(DirectoryFilters(**filters), 1, 50)
    found = {
        key for key, org_id in directory.items() if org_id in {o.id for o in page.items}
    }
    assert found == expected
    assert page.total == len(expected)


def test_pages_are_sorted_by_folded_name_and_cover_everything(app_context, directory):
    first = search_organizations(DirectoryFilters(), page=1, per_page=3)
    rest = [
        search_organizations(DirectoryFilters(), page=p, per_page=3) for p in (2, 3)
    ]
    names = [o.name for page in (first, *rest) for o in page.items]
    assert first.total == 7
    assert first.pages == 3
    assert names == [
        "Casa del Migrante Ejemplo",
        "Centro Legal del Valle",
        "Club Jerez de Chicago",
        "Cooperativa Ñandú de Jerez",
        "Federación Zacatecana de Illinois",
        "Red Nacional Ejemplo",
        "Refugio Mariposa",
    ]


def test_a_page_past_the_end_is_empty_but_keeps_the_total(app_context, directory):
    page = search_organizations(DirectoryFilters(), page=9, per_page=20)
    assert page.items == []
    assert page.total == 7
