"""Small factories of organization records (the fixture directory's format)."""

from __future__ import annotations

import copy
import datetime as dt
import uuid

from cso_map.services.records.seeding import insert_organizations
from tests.conftest import fixture_records


def _id(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts)))


def organization_record(
    key: str,
    name: str,
    lat: float,
    lon: float,
    services: list[tuple[str, list[str]]],
    **fields,
) -> dict:
    """Return an organization at (lat, lon) offering (category, areas) services.

    It starts as a copy of the fixture's "Centro Legal del Valle" (verified,
    reviewed a month ago); `fields` override anything of the record.
    """
    record = copy.deepcopy(fixture_records()[2])
    location_id = _id(key, "location")
    location = {**record["locations"][0], "id": location_id, "lat": lat, "lon": lon}
    template = record["services"][0]
    record.update(
        key=key,
        id=_id(key),
        name=name,
        locations=[location],
        services=[
            {
                **copy.deepcopy(template),
                "id": _id(key, "service", str(position)),
                "category": category,
                "name": f"{name}: {category}",
                "area_regions": areas,
                "location_ids": [location_id],
            }
            for position, (category, areas) in enumerate(services)
        ],
    )
    record.update(fields)
    return record


def insert(app, records: list[dict]) -> None:
    """Insert organization records into the app's database."""
    with app.app_context():
        insert_organizations(records, today=dt.date.today(), is_demo=False)
