"""zero-result search counts (unmet demand)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 01:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "zero_result_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_code", sa.String(length=40), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("language_code", sa.String(length=8), nullable=False),
        sa.Column("searches", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "searches > 0", name=op.f("ck_zero_result_searches_searches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zero_result_searches")),
        sa.UniqueConstraint(
            "day",
            "service_code",
            "region_code",
            "language_code",
            name=op.f("uq_zero_result_searches_key"),
        ),
    )


def downgrade():
    op.drop_table("zero_result_searches")
