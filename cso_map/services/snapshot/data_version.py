"""The directory's data version: read it, and bump it on every change."""

from __future__ import annotations

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, UOWTransaction

from cso_map.extensions import db
from cso_map.models import DataVersion, TaxonomyTerm, ZeroResultSearch

UNVERSIONED = (DataVersion, TaxonomyTerm, ZeroResultSearch)


def current_data_version() -> int:
    """Return the version of the directory data (one indexed row read)."""
    return db.session.scalar(select(DataVersion.version).where(DataVersion.id == 1))


def bump_data_version(session: Session | None = None) -> None:
    """Increment the data version in the current transaction."""
    (session or db.session).execute(
        update(DataVersion)
        .where(DataVersion.id == 1)
        .values(version=DataVersion.version + 1)
    )


def _bump_after_directory_changes(
    session: Session, flush_context: UOWTransaction
) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(not isinstance(item, UNVERSIONED) for item in changed):
        bump_data_version(session)


def track_data_version() -> None:
    """Bump the version whenever an ORM flush changes directory rows."""
    if not event.contains(Session, "after_flush", _bump_after_directory_changes):
        event.listen(Session, "after_flush", _bump_after_directory_changes)
