"""Whether a listing gives a way to reach it: a phone, an e-mail or a website."""

from __future__ import annotations

import numpy as np
from sqlalchemy import select

from cso_map.models import Organization, Service
from cso_map.services.snapshot.build import DirectorySnapshot
from cso_map.services.snapshot.rows import id_text, read_frame

CONTACT_COLUMNS = (
    Service.phone,
    Service.email,
    Service.url,
    Organization.phone,
    Organization.email,
    Organization.website,
)


def has_contact(service: Service) -> bool:
    """Return whether the service or its organization lists a way to reach it."""
    records = {Service: service, Organization: service.organization}
    return any(
        (getattr(records[column.class_], column.key) or "").strip()
        for column in CONTACT_COLUMNS
    )


_reachable: list[tuple[DirectorySnapshot, np.ndarray]] = []


def reachable_services(snapshot: DirectorySnapshot) -> np.ndarray:
    """Return, per snapshot service, whether it can be reached (see `has_contact`)."""
    if _reachable and _reachable[0][0] is snapshot:
        return _reachable[0][1]
    frame = read_frame(
        select(id_text(Service.id), *CONTACT_COLUMNS).join(
            Organization, Organization.id == Service.organization_id
        ),
        ["id", *(f"contact_{i}" for i in range(len(CONTACT_COLUMNS)))],
    )
    filled = frame.drop(columns="id").fillna("").astype(str)
    listed = filled.apply(lambda column: column.str.strip() != "").any(axis=1)
    reachable = snapshot.services["id"].isin(frame["id"][listed]).to_numpy(bool)
    _reachable[:] = [(snapshot, reachable)]
    return reachable
