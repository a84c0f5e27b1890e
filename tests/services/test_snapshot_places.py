"""Snapshot tables of places: states with indicators, organizations with the
point the public may see, and the states each organization has places in."""

import math
import uuid

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.snapshot.places import read_organizations, read_regions
from cso_map.services.snapshot.rows import id_text
from tests.factories import insert, organization_record

FRESNO = (36.74, -119.78)  # US-CA
RENO = (39.53, -119.81)  # US-NV
JUAREZ = (31.68, -106.44)  # MX-CHH
GULF_OF_GUINEA = (0.0, 0.0)  # in no state


def located_record(key, name, places, **fields):
    """Return an organization whose locations are `places`: (type, (lat, lon))."""
    record = organization_record(key, name, 0.0, 0.0, [("legal_advice", [])])
    template = record["locations"][0]
    record["locations"] = [
        {
            **template,
            "id": f"{template['id'][:-2]}{position:02d}",
            "type": kind,
            "lat": point[0] if point else None,
            "lon": point[1] if point else None,
            "city": f"city {position}",
        }
        for position, (kind, point) in enumerate(places)
    ]
    record["services"][0]["location_ids"] = [record["locations"][0]["id"]]
    record.update(fields)
    return record


def state(code):
    return db.session.scalar(select(Region).where(Region.code == code))


def test_states_are_in_code_order_with_their_latest_indicators(app_context):
    regions, _ = read_regions()
    codes = regions["code"].tolist()
    assert len(codes) == 80  # 32 Mexican and 48 contiguous US states
    assert codes == sorted(codes)
    assert "MX" not in codes
    assert "US" not in codes
    aguascalientes = regions.iloc[codes.index("MX-AGU")]
    # seed_data/indicators.csv: MX-AGU,2025,857749,3999,1841,2158
    assert aguascalientes["population"] == 857749
    assert aguascalientes["migrant_population"] == 3999
    assert (aguascalientes["migrant_women"], aguascalientes["migrant_men"]) == (
        1841,
        2158,
    )
    assert aguascalientes["year"] == 2025
    assert bool(aguascalientes["illustrative"])
    assert regions.crs.to_epsg() == 4326
    chihuahua = state("MX-CHH")
    row = regions.iloc[codes.index("MX-CHH")]
    assert row["name_es"] == chihuahua.name_es
    assert (row["label_lat"], row["label_lon"]) == (
        chihuahua.label_lat,
        chihuahua.label_lon,
    )
    assert row.geometry.contains(row.geometry.representative_point())


def test_a_state_maps_to_itself_and_a_country_to_each_of_its_states(app_context):
    regions, states_of = read_regions()
    codes = regions["code"].to_numpy(str)
    assert len(states_of) == 2 * 80
    mexico = states_of[states_of["region_id"] == _key(state("MX").id)]
    assert sorted(codes[mexico["state"]]) == [c for c in codes if c.startswith("MX-")]
    assert len(mexico) == 32
    zacatecas = states_of[states_of["region_id"] == _key(state("MX-ZAC").id)]
    assert codes[zacatecas["state"]].tolist() == ["MX-ZAC"]


def _key(region_id):
    """Return a region id as the database writes it as text (either spelling)."""
    return db.session.scalar(select(id_text(Region.id)).where(Region.id == region_id))


@pytest.fixture
def places(app, empty_directory):
    insert(
        app,
        [
            # the postal address comes first, but the physical one is the point
            located_record(
                "alamo", "Álamo Legal", [("postal", RENO), ("physical", FRESNO)]
            ),
            located_record(
                "bosque",
                "Bosque Oculto",
                [("physical", JUAREZ)],
                location_confidential=True,
            ),
            located_record(
                "cielo",
                "Cielo Perdido",
                [("physical", GULF_OF_GUINEA)],
                location_confidential=True,
            ),
            located_record(
                "delta",
                "Duna Pendiente",
                [("physical", FRESNO)],
                verification_status="pending",
            ),
            located_record(
                "eco", "Eco Cerrado", [("physical", FRESNO)], status="defunct"
            ),
            located_record(
                "faro",
                "Faro en Línea",
                [("virtual", None), ("postal", RENO)],
                verification_status="unverified",
                type="network",
            ),
        ],
    )


def test_listed_organizations_are_in_name_order_with_their_points(app_context, places):
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    assert organizations["name"].tolist() == [
        "Álamo Legal",
        "Bosque Oculto",
        "Cielo Perdido",
        "Faro en Línea",
    ]
    alamo = organizations.iloc[0]
    assert (alamo["lat"], alamo["lon"]) == FRESNO
    assert alamo["region"] == "US-CA"
    assert alamo["state"] == list(regions["code"]).index("US-CA")
    assert not alamo["approximate"]
    assert not alamo["confidential"]
    assert alamo["type"] == "ngo"  # the factory's template: Centro Legal del Valle
    assert bool(alamo["verified"])
    assert "city 0" in alamo["search_text"]
    assert "alamo legal" in alamo["search_text"]
    faro = organizations.iloc[3]
    # a virtual place has no point: the first place with one counts
    assert (faro["lat"], faro["lon"], faro["region"]) == (*RENO, "US-NV")
    assert (faro["type"], bool(faro["verified"])) == ("network", False)
    assert all(text == str(uuid.UUID(text)) for text in organizations["id"])
    assert (
        (organizations[["categories", "languages", "target_groups"]] == 0)
        .to_numpy()
        .all()
    )


def test_a_hidden_address_is_shown_at_its_states_label_point(app_context, places):
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    bosque = organizations.iloc[1]
    chihuahua = state("MX-CHH")
    assert (bosque["lat"], bosque["lon"]) == (chihuahua.label_lat, chihuahua.label_lon)
    assert (bosque["lat"], bosque["lon"]) != JUAREZ
    assert bosque["approximate"]
    assert bosque["confidential"]
    assert bosque["region"] == "MX-CHH"
    assert "city 0" not in bosque["search_text"]  # a town would give it away


def test_a_hidden_address_in_no_state_has_no_point_at_all(app_context, places):
    regions, states_of = read_regions()
    organizations, _ = read_organizations(regions, states_of)
    cielo = organizations.iloc[2]
    assert math.isnan(cielo["lat"])
    assert math.isnan(cielo["lon"])
    assert pd.isna(cielo["region"])
    assert cielo["state"] == -1
    assert cielo["approximate"]


def test_located_pairs_each_organization_with_every_state_it_has_places_in(
    app_context, places
):
    regions, states_of = read_regions()
    organizations, located = read_organizations(regions, states_of)
    codes = regions["code"].to_numpy(str)
    pairs = {
        (organizations["name"].iat[o], codes[r])
        for o, r in zip(located.service, located.region, strict=True)
    }
    assert pairs == {
        ("Álamo Legal", "US-CA"),
        ("Álamo Legal", "US-NV"),
        ("Bosque Oculto", "MX-CHH"),
        ("Faro en Línea", "US-NV"),
    }
    assert np.issubdtype(located.service.dtype, np.integer)
