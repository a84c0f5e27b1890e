"""The folded text an organization is found by."""

from cso_map.services.directory.search_index import organization_search_text


def test_every_part_is_folded_and_joined_in_order():
    text = organization_search_text(
        "Cooperativa Ñandú",
        "CoopÑ",
        "Café  y   TEXTILES",
        ["Asesoría Jurídica", None, ""],
        ["Jerez de García Salinas"],
    )
    assert text == (
        "cooperativa nandu coopn cafe y textiles asesoria juridica "
        "jerez de garcia salinas"
    )


def test_missing_parts_leave_no_gaps():
    assert organization_search_text("Club", None, None, [], [None, "Chicago"]) == (
        "club chicago"
    )
    assert organization_search_text("", None, "", [], []) == ""
