"""The time zone each snapshot service keeps its hours in.

A service's hours are in the time of its first physical place (the IANA zone
stored with the place's point), else of its organization's state, else unknown.
A state's zone is the one at its label point, the point the public sees for an
address that is hidden: so a hidden address's hours are read in its state's
time, and "open now" says no more about where it is than its state.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import select

from cso_map.geo.timezones import zones_at
from cso_map.models import Location, ServiceAtLocation
from cso_map.services.snapshot.rows import id_text, read_frame


def state_time_zones(regions: pd.DataFrame) -> np.ndarray:
    """Return, per state, the time zone at its label point (None if unknown)."""
    return np.array(
        zones_at(
            regions["label_lon"].to_numpy(float), regions["label_lat"].to_numpy(float)
        ),
        object,
    )


def read_service_time_zones(
    services: pd.DataFrame, organizations: pd.DataFrame, regions: pd.DataFrame
) -> np.ndarray:
    """Return, per snapshot service, the IANA zone its hours are in (or None)."""
    position = pd.Series(np.arange(len(services)), index=services["id"].to_numpy())
    placed = read_frame(
        select(id_text(ServiceAtLocation.service_id), Location.time_zone)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(Location.location_type == "physical", Location.time_zone.is_not(None))
        .order_by(ServiceAtLocation.service_id, Location.position),
        ["service_id", "time_zone"],
    ).drop_duplicates("service_id")
    zones = np.full(len(services), None, object)
    found = placed["service_id"].map(position)
    known = found.notna().to_numpy(bool)
    zones[found[known].to_numpy(int)] = placed["time_zone"].to_numpy(object)[known]
    owner = services["owner"].to_numpy(int)
    state = organizations["state"].to_numpy(int)[owner]
    of_state = np.append(state_time_zones(regions), None)[state]  # -1: None
    hidden = organizations["confidential"].to_numpy(bool)[owner]
    use_state = hidden | pd.isna(zones)
    zones[use_state] = of_state[use_state]
    return zones
