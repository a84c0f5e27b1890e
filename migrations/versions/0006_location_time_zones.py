"""locations: time zones; schedules: hours that close after midnight

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 10:00:00

Each location gets the IANA time zone of its point, found offline
(`cso_map/geo/timezones.py`), so "open now" reads hours in the time of the
place rather than of its state. Schedules may close at or before they open:
such a row closes the next day, and 00:00 to 00:00 is open 24 hours (until now
written 00:00 to 23:59, which becomes 00:00 to 00:00).

The old schema wants every row to close after it opens, so downgrading makes
an overnight row close at 23:59:59 of its day, and keeps its real closing minute
in the microseconds (plus one) of that time, from which upgrading restores it:
upgrade, downgrade and upgrade again keep every row as it was.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from cso_map.geo.timezones import zones_at

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5000
MIDNIGHT, LAST_MINUTE, LAST_SECOND = dt.time(0, 0), dt.time(23, 59), dt.time(23, 59, 59)
locations = sa.table(
    "locations",
    sa.column("id", sa.Uuid()),
    sa.column("latitude", sa.Float()),
    sa.column("longitude", sa.Float()),
    sa.column("time_zone", sa.String(64)),
)
schedules = sa.table(
    "service_schedules",
    sa.column("id", sa.Uuid()),
    sa.column("opens_at", sa.Time()),
    sa.column("closes_at", sa.Time()),
)


def upgrade():
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    _fill_time_zones(op.get_bind())
    with op.batch_alter_table("service_schedules", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("ck_service_schedules_opens_before_closing"), type_="check"
        )
    op.execute(
        schedules.update()
        .where(schedules.c.opens_at == MIDNIGHT, schedules.c.closes_at == LAST_MINUTE)
        .values(closes_at=MIDNIGHT)
    )
    kept = schedules.c.closes_at > LAST_SECOND  # overnight rows a downgrade kept
    _set_closing(
        op.get_bind(),
        lambda closes: dt.time(*divmod(closes.microsecond - 1, 60)),
        kept,
    )


def _fill_time_zones(connection) -> None:
    """Set the time zone of every location with a point, in batches."""
    rows = connection.execute(
        sa.select(locations.c.id, locations.c.longitude, locations.c.latitude).where(
            locations.c.latitude.is_not(None)
        )
    ).all()
    update = (
        locations.update()
        .where(locations.c.id == sa.bindparam("key"))
        .values(time_zone=sa.bindparam("zone"))
    )
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        zones = zones_at([row[1] for row in batch], [row[2] for row in batch])
        connection.execute(
            update,
            [
                {"key": row[0], "zone": zone}
                for row, zone in zip(batch, zones, strict=True)
            ],
        )


def _set_closing(connection, closing, where) -> None:
    """Give the schedule rows `where` selects the closing time `closing(closes)`."""
    rows = connection.execute(
        sa.select(schedules.c.id, schedules.c.closes_at).where(where)
    ).all()
    if rows:
        connection.execute(
            schedules.update()
            .where(schedules.c.id == sa.bindparam("key"))
            .values(closes_at=sa.bindparam("closes")),
            [{"key": key, "closes": closing(closes)} for key, closes in rows],
        )


def downgrade():
    _set_closing(
        op.get_bind(),
        lambda closes: LAST_SECOND.replace(
            microsecond=closes.hour * 60 + closes.minute + 1
        ),
        schedules.c.closes_at <= schedules.c.opens_at,
    )
    with op.batch_alter_table("service_schedules", schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f("ck_service_schedules_opens_before_closing"),
            "opens_at < closes_at",
        )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_column("time_zone")
