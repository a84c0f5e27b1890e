"""The mapping of other taxonomies' terms onto our service categories."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from cso_map.config import PROJECT_ROOT
from cso_map.services.records import cells as cell
from cso_map.services.records.text_files import read_csv_file
from cso_map.text import fold

DEFAULT_MAPPING = PROJECT_ROOT / "cso_map" / "data" / "hsds_category_mapping.csv"


@dataclass(frozen=True)
class MappingRule:
    """One line of the mapping table: a term (in a taxonomy, or any) → a category."""

    taxonomy: str
    term: str
    category: str


def read_mapping(path: Path | None = None) -> list[MappingRule]:
    """Return the rules of a mapping table (taxonomy, term, category)."""
    path = path or DEFAULT_MAPPING
    rules = []
    for number, row in enumerate(
        read_csv_file(path, ("taxonomy", "term", "category")), start=2
    ):
        where = cell.RowPlace(path.name, number)
        category = cell.code(row["category"], "service_category", where, "category")
        if not category or not row["term"]:
            raise cell.CellError(where, "term", _l("a term and a category are needed"))
        rules.append(
            MappingRule(fold(row["taxonomy"] or "*"), fold(row["term"]), category)
        )
    return rules
