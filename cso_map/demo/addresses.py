"""Where a fictional organization is: its state, town and community, its addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from cso_map.demo import profiles as p
from cso_map.demo import stories as s
from cso_map.demo import wording as w
from cso_map.demo.contacts import Contacts
from cso_map.demo.draws import Places, Quotas, pick
from cso_map.demo.ids import demo_id
from cso_map.demo.naming import region_name
from cso_map.demo.regions import demo_regions
from cso_map.demo.run import Run

# Addresses are invented: a location lies up to this far (degrees) from its town,
# never across the town's state line.
JITTER_DEGREES = 0.02
JITTER_SPREADS = (1, 1, 1, 0.5, 0.25, 0.125)
# How far inside its state a location is moved when its town sits on the border.
INSIDE_DEGREES = 0.002


@dataclass(frozen=True)
class Home:
    """Where an organization works, and the community it comes from or serves."""

    origin: str | None
    state: str
    city: str
    lat: float
    lon: float
    community: str
    story: str | None = None

    @property
    def country(self) -> str:
        """Return the ISO 3166 code of the country of `state`."""
        return self.state[:2]


def draw_home(
    rng: random.Random,
    places: Places,
    quotas: Quotas,
    cso_type: str,
    pin: s.Pin | None = None,
) -> Home:
    """Draw the state and town an organization works in, and its community."""
    if pin is not None:
        city, lat, lon = places.named(rng, pin.state, pin.town)
        community = pin.community or city
        if pin.origin:  # counts towards its origin's corridor shares
            quotas.counts[(cso_type, pin.origin)][pin.state] += 1
        return Home(pin.origin, pin.state, city, lat, lon, community, pin.story)
    in_mexico = rng.random() < p.SHARE_IN_MEXICO[cso_type]
    origin = (
        pick(rng, p.ORIGIN_STATES)
        if cso_type in ("hometown_club", "federation")
        else None
    )
    story = (
        pick(rng, s.DIASPORA_SHARES) if cso_type == "diaspora_organization" else None
    )
    town = None
    if origin:
        state = quotas.pick((cso_type, origin), p.DESTINATIONS[origin])
    elif story:
        state, town = _diaspora_town(rng, story, in_mexico)
    elif cso_type == "faith_based" and in_mexico:
        state, town = pick_town(rng, s.SHELTER_ROUTE)
    else:
        state = pick(rng, p.MEXICO_STATES if in_mexico else p.US_STATES)
    city, lat, lon = places.named(rng, state, town) if town else places.town(rng, state)
    community_region = origin or (
        state if cso_type == "cooperative" else pick(rng, p.ORIGIN_STATES)
    )
    community = places.town(rng, community_region)[0]
    return Home(origin, state, city, lat, lon, community, story)


def pick_town(rng: random.Random, weights: dict) -> tuple[str, str]:
    """Return one (state, town) key of `weights`, drawn with those weights."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def _diaspora_town(rng: random.Random, story: str, in_mexico: bool) -> tuple:
    """Return a (state, town) where the `story` community lives, in Mexico if asked."""
    towns = s.DIASPORA_TOWNS[story]
    country = "MX" if in_mexico else "US"
    chosen = {key: weight for key, weight in towns.items() if key[0][:2] == country}
    return pick_town(rng, chosen or towns)


@cache
def state_geometries() -> dict[str, BaseGeometry]:
    """Return each demo state's full geometry, prepared for point-in-polygon tests."""
    states = demo_regions()
    states = states[states.level == "state"]
    geometries = dict(zip(states.code, states.geometry, strict=True))
    for geometry in geometries.values():
        shapely.prepare(geometry)
    return geometries


def jittered(rng: random.Random, state: str, lat: float, lon: float) -> tuple:
    """Return (lat, lon) moved a little from a town, still inside its `state`."""
    geometry = state_geometries()[state]
    for spread in JITTER_SPREADS:
        reach = JITTER_DEGREES * spread
        point = (
            round(lat + rng.uniform(-reach, reach), 5),
            round(lon + rng.uniform(-reach, reach), 5),
        )
        if geometry.contains(shapely.Point(point[1], point[0])):
            return point
    inside = geometry.buffer(-INSIDE_DEGREES)
    nearest = nearest_points(inside, shapely.Point(lon, lat))[0]
    return round(nearest.y, 5), round(nearest.x, 5)


def draw_locations(
    run: Run, index: int, home: Home, size: str, cso_type: str
) -> list[dict]:
    """Return an organization's locations: its town, maybe another, online."""
    rng, places = run.rng, run.places
    towns = [(home.city, home.lat, home.lon)]
    if size != "small" and rng.random() < 0.15:
        towns.append(places.town(rng, home.state))
    locations = [
        _address(run.seed, index, position, rng, run.contacts, home.state, *town)
        for position, town in enumerate(towns)
    ]
    if cso_type == "network":
        locations.append(
            {
                "id": demo_id(run.seed, "location", index, len(locations)),
                "type": "virtual",
                "name": "En línea / Online",
                "url": "https://example.org/chat",
            }
        )
    return locations


def _address(
    seed, index, position, rng, contacts: Contacts, state, city, lat, lon
) -> dict:
    """Return one physical location in `city`, with a street and postal code."""
    mexico = state.startswith("MX")
    street = (
        f"Calle {rng.choice(w.STREETS_MX)} {rng.randint(1, 999)}, "
        f"Col. {rng.choice(w.COLONIAS)}"
        if mexico
        else f"{rng.randint(100, 9999)} {rng.choice(w.STREETS_US)}"
    )
    point_lat, point_lon = jittered(rng, state, lat, lon)
    return {
        "id": demo_id(seed, "location", index, position),
        "type": "physical",
        "name": None,
        "lat": point_lat,
        "lon": point_lon,
        "address_1": street,
        "city": city,
        "state_province": region_name(state, "es" if mexico else "en"),
        "postal_code": contacts.postal_code(rng, state, point_lat, point_lon),
        "country": state[:2],
    }
