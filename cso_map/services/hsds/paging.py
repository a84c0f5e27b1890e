"""Paging of the HSDS read API: the query's paging and filters, pages and batches."""

from __future__ import annotations

import datetime as dt
import math
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from cso_map.extensions import db
from cso_map.services.snapshot.data_version import current_data_version

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
BATCH = 500


@dataclass(frozen=True)
class HsdsQuery:
    """Paging and filters of a list (all combine with AND)."""

    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: dt.datetime | None = None
    full: bool = False
    minimal: bool = False
    near: tuple[float, float, float] | None = None  # lat, lon, metres

    @property
    def filtered(self) -> bool:
        """Return whether any filter narrows the list."""
        return bool(
            self.search
            or self.taxonomy_term_id
            or self.taxonomy_id
            or self.organization_id
            or self.modified_after
            or self.near
        )


_all_ids: dict[tuple, list] = {}
_ids_lock = threading.Lock()


def ordered_ids(statement: Select, entity: type) -> list:
    """Return the ids of an unfiltered list in order, cached per data version.

    Counting and skipping to page 2,000 of 250,000 services in SQL costs a scan
    per request; the ordered ids of each list are read once per data version
    (as the directory snapshot is) and a page is a slice of them.
    """
    key = (
        db.engine.url.render_as_string(hide_password=True),
        current_data_version(),
        entity.__name__,
    )
    found = _all_ids.get(key)
    if found is None:
        with _ids_lock:
            found = _all_ids.get(key)
            if found is None:
                found = list(db.session.scalars(statement.with_only_columns(entity.id)))
                _all_ids.clear()  # older versions are of no use any more
                _all_ids[key] = found
    return found


def page_of(
    statement: Select, query: HsdsQuery, write: Callable, loads: tuple = ()
) -> dict:
    """Return the HSDS Page envelope of `statement`'s rows, written by `write`.

    Counting and paging read ids only; the page's rows are then loaded with
    their related rows (`loads`), so a page costs the same on page 1 or 2,000.
    """
    entity = statement.column_descriptions[0]["entity"]
    start = (query.page - 1) * query.per_page
    if query.filtered:
        ids_only = statement.with_only_columns(entity.id)
        total = db.session.scalar(
            select(func.count()).select_from(ids_only.order_by(None).subquery())
        )
        ids = list(db.session.scalars(ids_only.offset(start).limit(query.per_page)))
    else:
        every = ordered_ids(statement, entity)
        total, ids = len(every), every[start : start + query.per_page]
    rows = loaded_in_order(entity, ids, loads)
    pages = max(1, math.ceil(total / query.per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": query.page,
        "size": len(rows),
        "first_page": query.page == 1,
        "last_page": query.page >= pages,
        "empty": total == 0,
        "contents": [write(row) for row in rows],
    }


def loaded_in_order(entity: type, ids: list, loads: tuple = ()) -> list:
    """Return the rows of `entity` with these ids, in their order, with `loads`."""
    loaded = {
        row.id: row
        for row in db.session.scalars(
            select(entity).where(entity.id.in_(ids)).options(*loads)
        ).unique()
    }
    return [loaded[key] for key in ids if key in loaded]


def id_batches(statement: Select) -> Iterator[list]:
    """Yield the ids of `statement`'s rows in order, `BATCH` at a time."""
    entity = statement.column_descriptions[0]["entity"]
    ids = list(db.session.scalars(statement.with_only_columns(entity.id)))
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def in_batches(statement: Select, loads: tuple = ()) -> Iterator[list]:
    """Yield the rows of `statement` in order, in lists of `BATCH` loaded with
    their related rows: a walk through 100k rows holds one batch, not all."""
    entity = statement.column_descriptions[0]["entity"]
    for ids in id_batches(statement):
        yield loaded_in_order(entity, ids, loads)
