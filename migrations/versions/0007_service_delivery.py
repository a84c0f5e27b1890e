"""services: how each one is delivered (by phone, online, only remotely);
indicators: emigrant population

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 16:00:00

Until now "online" was a property of the organization (it had a web address
among its locations). It becomes a property of each service: a service placed at
a web address is delivered online, and only online when it has no other place.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FLAGS = ("by_phone", "online", "remote_only")

AT_WEB_ADDRESS = """
    SELECT 1 FROM service_at_locations AS link
    JOIN locations ON locations.id = link.location_id
    WHERE link.service_id = services.id AND locations.location_type = 'virtual'
"""
AT_A_PLACE = AT_WEB_ADDRESS.replace("= 'virtual'", "<> 'virtual'")


def upgrade():
    with op.batch_alter_table("services", schema=None) as batch_op:
        for flag in FLAGS:
            batch_op.add_column(
                sa.Column(flag, sa.Boolean(), server_default=sa.false(), nullable=False)
            )
    op.execute(f"UPDATE services SET online = TRUE WHERE EXISTS ({AT_WEB_ADDRESS})")
    op.execute(
        "UPDATE services SET remote_only = online"
        f" WHERE online AND NOT EXISTS ({AT_A_PLACE})"
    )
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f("ck_services_remote_only_is_remote"),
            "NOT remote_only OR by_phone OR online",
        )
    with op.batch_alter_table("region_indicators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("emigrant_population", sa.Integer()))
        batch_op.create_check_constraint(
            batch_op.f("ck_region_indicators_emigrant_population"),
            "emigrant_population >= 0",
        )


def downgrade():
    with op.batch_alter_table("region_indicators", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("ck_region_indicators_emigrant_population"), type_="check"
        )
        batch_op.drop_column("emigrant_population")
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("ck_services_remote_only_is_remote"), type_="check"
        )
        for flag in reversed(FLAGS):
            batch_op.drop_column(flag)
