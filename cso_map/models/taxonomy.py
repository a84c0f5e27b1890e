"""Taxonomies and terms (HSDS `taxonomy`, `taxonomy_term`) labelled in en and es."""

from __future__ import annotations

import uuid

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cso_map.models.base import Base


class Taxonomy(Base):
    """A controlled vocabulary, e.g. the integration-service categories."""

    __tablename__ = "taxonomies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_es: Mapped[str] = mapped_column(String(200))
    uri: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[str | None] = mapped_column(String(20))

    terms: Mapped[list[TaxonomyTerm]] = relationship(
        back_populates="taxonomy", order_by="TaxonomyTerm.position"
    )

    def __repr__(self) -> str:
        return f"<Taxonomy {self.code}>"


class TaxonomyTerm(Base):
    """One term of a taxonomy: a stable code with English and Spanish labels."""

    __tablename__ = "taxonomy_terms"
    __table_args__ = (UniqueConstraint("taxonomy_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    taxonomy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("taxonomies.id", ondelete="CASCADE")
    )
    code: Mapped[str] = mapped_column(String(40))
    label_en: Mapped[str] = mapped_column(String(200))
    label_es: Mapped[str] = mapped_column(String(200))
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_es: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    taxonomy: Mapped[Taxonomy] = relationship(back_populates="terms")

    def label(self, lang: str) -> str:
        """Return the label in `lang` ("es" or "en")."""
        return self.label_es if lang == "es" else self.label_en

    def description(self, lang: str) -> str:
        """Return the description in `lang` ("es" or "en")."""
        return self.description_es if lang == "es" else self.description_en

    def __repr__(self) -> str:
        return f"<TaxonomyTerm {self.code}>"


def term_link_table(name: str, owner_table: str) -> Table:
    """Return an association table linking rows of `owner_table` to taxonomy terms."""
    owner_column = f"{owner_table.removesuffix('s')}_id"
    return Table(
        name,
        Base.metadata,
        Column(
            owner_column,
            ForeignKey(f"{owner_table}.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(
            "term_id", ForeignKey("taxonomy_terms.id"), primary_key=True, index=True
        ),
    )
