"""States and organizations as GeoJSON and compact arrays, from the snapshot."""

import pandas as pd
from shapely.geometry import shape

from cso_map.services.analysis.region_maps import (
    matching_points,
    organizations_compact,
    organizations_geojson,
    regions_geojson,
    state_feature,
)
from cso_map.services.directory.search import DirectoryFilters
from cso_map.taxonomy import CSO_TYPES
from tests.factories import insert, organization_record


def test_states_carry_names_indicators_and_extra_columns(app_context):
    extra = pd.DataFrame({"ratio": [float("nan")] * 79 + [0.5]})
    document = regions_geojson(extra=extra)
    features = document["features"]
    assert len(features) == 80
    first = features[0]["properties"]
    # seed_data/indicators.csv: MX-AGU,2025,857749,3999,1841,2158,15914
    assert first == {
        "code": "MX-AGU",
        "name_en": "Aguascalientes",
        "name_es": "Aguascalientes",
        "population": 857749,
        "migrant_population": 3999,
        "migrant_women": 1841,
        "migrant_men": 2158,
        "emigrant_population": 15914,
        "year": 2025,
        "illustrative": True,
        "level": "state",
        "ratio": None,
    }
    assert features[-1]["properties"]["ratio"] == 0.5
    assert shape(features[0]["geometry"]).is_valid
    assert "ratio" not in regions_geojson()["features"][0]["properties"]


def test_one_states_outline(app_context):
    feature = state_feature("MX-ZAC")
    assert feature["properties"] == {
        "code": "MX-ZAC",
        "name_en": "Zacatecas",
        "name_es": "Zacatecas",
    }
    assert shape(feature["geometry"]).contains(
        shape({"type": "Point", "coordinates": [-102.58, 22.77]})
    )


def test_points_are_the_matching_organizations_with_a_public_point(
    app_context, directory
):
    points = matching_points(DirectoryFilters())
    # the seven listed organizations; Echo's online place has a physical one too
    assert len(points) == 7
    legal_in_zacatecas = matching_points(
        DirectoryFilters(service="legal_advice", region="MX-ZAC")
    )
    # Red Nacional offers it by phone to all Mexico; Ñandú's is inactive
    assert legal_in_zacatecas["name"].tolist() == ["Red Nacional Ejemplo"]


def test_geojson_points_have_codes_and_hidden_addresses_are_approximate(
    app_context, directory
):
    document = organizations_geojson(DirectoryFilters(type="ngo"))
    by_name = {f["properties"]["name"]: f for f in document["features"]}
    assert sorted(by_name) == ["Centro Legal del Valle", "Refugio Mariposa"]
    bravo = by_name["Centro Legal del Valle"]
    assert bravo["geometry"]["coordinates"] == [-119.78, 36.74]
    assert bravo["properties"]["services"] == ["legal_advice", "psychosocial"]
    assert bravo["properties"]["languages"] == ["spa", "eng", "mix"]
    assert bravo["properties"]["verified"] is True
    refuge = by_name["Refugio Mariposa"]["properties"]
    assert (refuge["approximate"], refuge["region"]) == (True, "MX-CHH")
    assert by_name["Refugio Mariposa"]["geometry"]["coordinates"] != [-106.44, 31.68]


def test_compact_points_are_parallel_arrays(app_context, directory):
    compact = organizations_compact(DirectoryFilters(language="hat"))
    assert compact["types"] == CSO_TYPES.codes()
    assert compact["lon"] == [-92.26]  # Casa del Migrante, Tapachula
    assert compact["lat"] == [14.91]
    assert compact["type"] == [CSO_TYPES.codes().index("faith_based")]
    assert compact["approximate"] == [0]
    assert len(compact["ids"]) == 1
    assert "names" not in compact
    detailed = organizations_compact(
        DirectoryFilters(language="hat"), with_details=True
    )
    assert detailed["names"] == ["Casa del Migrante Ejemplo"]
    assert detailed["services"] == [["health", "shelter"]]


def test_compact_coordinates_are_rounded_to_four_decimals(app, app_context):
    insert(
        app,
        [
            organization_record(
                "r", "Redondeo", 22.765432, -102.123456, [("health", [])]
            )
        ],
    )
    compact = organizations_compact(DirectoryFilters())
    assert (compact["lon"], compact["lat"]) == ([-102.1235], [22.7654])
