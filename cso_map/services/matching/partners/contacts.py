"""How to reach a likely partner: the phone, e-mail and website its profile shows.

A hidden address hides only the address: the profile of such an organization still
shows how to reach it, so these contacts are exactly the public ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization
from cso_map.urls import safe_url


@dataclass(frozen=True)
class Contact:
    """A listed organization's public phone, e-mail and website ("" when none)."""

    phone: str = ""
    email: str = ""
    website: str = ""

    def __bool__(self) -> bool:
        return bool(self.phone or self.email or self.website)


def partner_contacts(organization_ids: Iterable[str]) -> dict[str, Contact]:
    """Return the public contacts of the listed organizations among `ids`, by id."""
    ids = sorted({uuid.UUID(str(value)) for value in organization_ids})
    if not ids:
        return {}
    rows = db.session.execute(
        select(
            Organization.id,
            Organization.phone,
            Organization.email,
            Organization.website,
        ).where(Organization.id.in_(ids), Organization.is_listed)
    )
    return {
        str(row.id): Contact(
            (row.phone or "").strip(),
            (row.email or "").strip(),
            safe_url(row.website) or "",
        )
        for row in rows
    }
