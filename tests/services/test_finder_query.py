"""A help search becomes a nearest-services query: a whole state is searched by
reach and measured from its boundary; listings one can reach come first."""

import pytest

from cso_map.services.finder.help_places import Where
from cso_map.services.finder.nearest import NearestQuery
from cso_map.services.finder.query import RESULTS, HelpSearch

TOWN = Where(-119.78, 36.74, 4, "Fresno, California", {"place": "Fresno"})
STATE = Where(-119.6, 37.2, 4, "California", {"region": "US-CA"}, whole_state=True)


def test_a_town_search_is_by_distance_within_the_radius():
    search = HelpSearch("legal_advice", TOWN, language="mix", free=True, radius_km=25)
    assert search.nearest_query() == NearestQuery(
        lat=36.74,
        lon=-119.78,
        service="legal_advice",
        language="mix",
        free=True,
        radius_km=25,
        limit=RESULTS,
        states=None,
        in_state=None,
        reachable_first=True,
    )


def test_a_whole_state_search_ignores_the_radius_and_keeps_the_state():
    query = HelpSearch("shelter", STATE, radius_km=25, walk_in=True).nearest_query(3)
    assert (query.radius_km, query.states, query.limit) == (None, (4,), 3)
    assert query.in_state == 4  # the person is anywhere in it
    assert (query.lat, query.lon, query.walk_in) == (37.2, -119.6, True)


@pytest.mark.parametrize(
    ("conditions", "filtered"),
    [
        ({}, False),
        ({"radius_km": 10}, False),
        ({"language": "spa"}, True),
        ({"open_now": True}, True),
        ({"free": True}, True),
        ({"no_documents": True}, True),
        ({"women_only": True}, True),
        ({"walk_in": True}, True),
    ],
)
def test_filtered_means_a_condition_beyond_need_and_place(conditions, filtered):
    assert HelpSearch("health", TOWN, **conditions).filtered is filtered
