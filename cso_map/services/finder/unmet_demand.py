"""Unmet demand: daily counts of help searches that found nothing.

This is the only trace a search leaves (security.md): the service, the state and
the language asked for, counted per day. Never the words, the place typed, the
coordinates, the time of day or anything about the person.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cso_map.extensions import db
from cso_map.models import ZeroResultSearch

UPSERTS = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}
KEY = ("day", "service_code", "region_code", "language_code")


def count_zero_result(
    service: str, region: str | None, language: str | None, day: dt.date
) -> None:
    """Add one to the count of searches for `service` that found nothing."""
    insert = UPSERTS[db.session.get_bind().dialect.name]
    statement = insert(ZeroResultSearch).values(
        day=day,
        service_code=service,
        region_code=region or "",
        language_code=language or "",
        searches=1,
    )
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=list(KEY),
            set_={"searches": ZeroResultSearch.searches + 1},
        )
    )
    db.session.commit()


def unmet_demand(since: dt.date | None = None) -> list[ZeroResultSearch]:
    """Return the daily counts, newest day first, then by service and region."""
    query = select(ZeroResultSearch).order_by(
        ZeroResultSearch.day.desc(),
        ZeroResultSearch.service_code,
        ZeroResultSearch.region_code,
        ZeroResultSearch.language_code,
    )
    if since is not None:
        query = query.where(ZeroResultSearch.day >= since)
    return list(db.session.scalars(query))
