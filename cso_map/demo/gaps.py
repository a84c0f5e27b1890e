"""Carve the deliberate gaps: no service reaches these regions in these categories."""

from __future__ import annotations

import random

import shapely

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.regions import demo_regions
from cso_map.demo.services import service_description

# A degree of longitude is at least 73 km everywhere in the demo area (latitude < 49°),
# so a radius shorter than 73 km per degree of planar distance cannot reach a region.
MIN_KM_PER_DEGREE = 73.0


def enforce_gaps(records: list[dict], rng: random.Random) -> None:
    """Remove every service reaching a deliberate gap (profiles.DELIBERATE_GAPS).

    An organization left without services keeps its first one, turned into orientation.
    """
    regions = demo_regions().set_index("code")
    gaps: dict[str, list[str]] = {}
    for region, category in p.DELIBERATE_GAPS:
        gaps.setdefault(category, []).append(region)
    for record in records:
        state = record["_context"]["state"]
        services = record["services"]
        kept = [
            s
            for s in services
            if _clear_gaps(state, record["locations"], s, gaps, regions)
        ]
        if not kept:
            language = record["_context"]["language"]
            first = services[0]
            first["category"] = "orientation"
            first["name"] = rng.choice(w.SERVICE_NAMES["orientation"][language])
            first["description"] = service_description(
                "orientation", language, record["name"]
            )
            first["area_regions"] = [state]
            first["radius_km"] = None
            kept = [first]
        record["services"] = kept


def _clear_gaps(
    state: str, locations: list[dict], service: dict, gaps: dict, regions
) -> bool:
    """Shrink `service` so it reaches no gap of its category; False if it must go."""
    for region in gaps.get(service["category"], ()):
        if state == region:
            return False
        area = [
            code for code in service["area_regions"] if code not in (region, region[:2])
        ]
        service["area_regions"] = area or [state]
        if service["radius_km"] and _within_reach(
            locations, regions.geometry[region], service["radius_km"]
        ):
            service["radius_km"] = None
    return True


def _within_reach(locations: list[dict], geometry, radius_km: float) -> bool:
    """Return whether a radius around any physical location could touch `geometry`."""
    return any(
        shapely.Point(location["lon"], location["lat"]).distance(geometry)
        * MIN_KM_PER_DEGREE
        <= radius_km
        for location in locations
        if location["type"] == "physical"
    )
