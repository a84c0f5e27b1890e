"""Headline counts of the public directory, and whether it holds demo data."""

from cso_map.services.directory.statistics import (
    DirectoryStatistics,
    directory_statistics,
    has_demo_data,
)
from tests.conftest import load_fixture_directory


def test_an_empty_directory_counts_zeros(app_context):
    assert directory_statistics() == DirectoryStatistics(0, 0, 0)
    assert not has_demo_data()


def test_listed_organizations_active_services_and_their_states(app_context, directory):
    # Listed: india, alpha, bravo, charlie, delta, echo, hotel (not the pending
    # foxtrot, not the defunct golf). Active services: 2 each, but delta's one and
    # one of hotel's (its legal advice is inactive). States with a place: US-IL
    # (india, alpha), US-CA, MX-CHP, MX-CHH, MX-CMX, MX-ZAC; echo's online place
    # is in no state.
    assert directory_statistics() == DirectoryStatistics(7, 12, 6)
    assert not has_demo_data()


def test_demo_organizations_are_noticed(app, app_context):
    load_fixture_directory(app, is_demo=True)
    assert has_demo_data()
