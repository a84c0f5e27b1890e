"""organizations and services: texts in both languages

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 23:25:51

Each organization and service says which language its texts are written in
(`text_language`: es or en; NULL for rows written before, whose language nobody
stated) and may give its description (a service also its name, who can use it
and what to bring) in the other language in `<text>_translation`.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TRANSLATIONS = {
    "organizations": ("description_translation",),
    "services": (
        "description_translation",
        "eligibility_notes_translation",
        "application_process_translation",
    ),
}
LANGUAGE_CHECK = "text_language IN ('es', 'en')"


def upgrade():
    for table, columns in TRANSLATIONS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == "services":
                batch_op.add_column(
                    sa.Column("name_translation", sa.String(length=200), nullable=True)
                )
            for column in columns:
                batch_op.add_column(
                    sa.Column(column, sa.Text(), server_default="", nullable=False)
                )
            batch_op.add_column(
                sa.Column("text_language", sa.String(length=2), nullable=True)
            )
            batch_op.create_check_constraint(
                batch_op.f(f"ck_{table}_text_language"), LANGUAGE_CHECK
            )


def downgrade():
    for table, columns in reversed(TRANSLATIONS.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"ck_{table}_text_language"), type_="check"
            )
            batch_op.drop_column("text_language")
            for column in reversed(columns):
                batch_op.drop_column(column)
            if table == "services":
                batch_op.drop_column("name_translation")
