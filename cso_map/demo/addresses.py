"""Where a fictional organization is: its state, town and community, its addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass

from cso_map.demo import profiles as p
from cso_map.demo import wording as w
from cso_map.demo.draws import Places, pick
from cso_map.demo.ids import demo_id
from cso_map.demo.naming import region_name


@dataclass(frozen=True)
class Home:
    """Where an organization works, and the community it comes from or serves."""

    origin: str | None
    state: str
    city: str
    lat: float
    lon: float
    community: str

    @property
    def country(self) -> str:
        """Return the ISO 3166 code of the country of `state`."""
        return self.state[:2]


def draw_home(rng: random.Random, places: Places, cso_type: str) -> Home:
    """Draw the state and town an organization works in, and its community."""
    in_mexico = rng.random() < p.SHARE_IN_MEXICO[cso_type]
    origin = (
        pick(rng, p.ORIGIN_STATES)
        if cso_type in ("hometown_club", "federation")
        else None
    )
    if origin:
        state = pick(rng, p.DESTINATIONS.get(origin, p.DEFAULT_DESTINATIONS))
    else:
        state = pick(rng, p.MEXICO_STATES if in_mexico else p.US_STATES)
    city, lat, lon = places.town(rng, state)
    community_region = origin or (
        state if cso_type == "cooperative" else pick(rng, p.ORIGIN_STATES)
    )
    community = places.town(rng, community_region)[0]
    return Home(origin, state, city, lat, lon, community)


def draw_locations(
    seed: int,
    index: int,
    rng: random.Random,
    places: Places,
    home: Home,
    size: str,
    cso_type: str,
) -> list[dict]:
    """Return an organization's locations: its town, maybe another, online."""
    towns = [(home.city, home.lat, home.lon)]
    if size != "small" and rng.random() < 0.15:
        towns.append(places.town(rng, home.state))
    locations = [
        _address(seed, index, position, rng, home.state, *town)
        for position, town in enumerate(towns)
    ]
    if cso_type == "network":
        locations.append(
            {
                "id": demo_id(seed, "location", index, len(locations)),
                "type": "virtual",
                "name": "En línea / Online",
                "url": "https://example.org/chat",
            }
        )
    return locations


def _address(seed, index, position, rng, state, city, lat, lon) -> dict:
    mexico = state.startswith("MX")
    street = (
        f"Calle {rng.choice(w.STREETS_MX)} {rng.randint(1, 999)}, "
        f"Col. {rng.choice(w.COLONIAS)}"
        if mexico
        else f"{rng.randint(100, 9999)} {rng.choice(w.STREETS_US)}"
    )
    return {
        "id": demo_id(seed, "location", index, position),
        "type": "physical",
        "name": None,
        "lat": round(lat + rng.uniform(-0.02, 0.02), 5),
        "lon": round(lon + rng.uniform(-0.02, 0.02), 5),
        "address_1": street,
        "city": city,
        "state_province": region_name(state, "es" if mexico else "en"),
        "postal_code": f"{rng.randint(1000 if mexico else 10000, 99999):05d}",
        "country": state[:2],
    }
