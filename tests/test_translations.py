"""The Spanish catalog is complete, current with the code, and keeps placeholders."""

import re

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from cso_map.config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"


def catalog(path):
    with path.open("rb") as handle:
        return read_po(handle)


def messages(path) -> dict:
    return {message.id: message for message in catalog(path) if message.id}


def test_the_spanish_catalog_header_is_usable():
    spanish = catalog(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po")
    assert not spanish.fuzzy  # pybabel compile skips a fuzzy catalog
    assert spanish.plural_forms == "nplurals=2; plural=(n != 1);"


def test_every_spanish_message_is_translated_and_not_fuzzy():
    spanish = messages(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po")
    untranslated = [
        message_id
        for message_id, message in spanish.items()
        if message.fuzzy
        or not all(
            message.string if isinstance(message.string, tuple) else [message.string]
        )
    ]
    assert untranslated == []


def test_placeholders_survive_translation():
    spanish = messages(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po")
    for message_id, message in spanish.items():
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        expected = set(re.findall(r"%\(\w+\)s", " ".join(ids)))
        for string in strings:
            assert set(re.findall(r"%\(\w+\)s", string)) == expected, message_id


def test_the_catalogs_hold_exactly_the_messages_of_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(PROJECT_ROOT / "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "count_text:1,2",
            "-o",
            str(fresh),
            "--no-location",
            str(PROJECT_ROOT),
        ]
    )
    in_code = set(messages(fresh))
    assert set(messages(TRANSLATIONS / "messages.pot")) == in_code
    assert set(messages(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po")) == in_code
