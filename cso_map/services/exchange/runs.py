"""One entry point for every kind of import, as the admin upload page runs them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cso_map.models import User
from cso_map.services.exchange.organizations import (
    PreviewRow,
    import_hsds,
    import_organizations,
)
from cso_map.services.exchange.regions import import_indicators, import_regions


@dataclass
class ImportSummary:
    """What an import of any kind wrote, or in a dry run would write."""

    kind: str
    dry_run: bool
    added: int = 0
    updated: int = 0
    services: int = 0
    rows: list[PreviewRow] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def run_import(
    kind: str, path: Path, dry_run: bool, by: User | None, lang: str
) -> ImportSummary:
    """Import `path` as `kind` (organizations, hsds, regions or indicators)."""
    summary = ImportSummary(kind=kind, dry_run=dry_run)
    if kind in ("organizations", "hsds"):
        report = (
            import_organizations(path, dry_run=dry_run, by=by, lang=lang)
            if kind == "organizations"
            else import_hsds(path, dry_run=dry_run, by=by)
        )
        summary.added, summary.updated = report.added, report.updated
        summary.services, summary.rows = report.services, report.preview
    elif kind == "regions":
        regions = import_regions(path, dry_run=dry_run)
        summary.added, summary.updated = len(regions.added), len(regions.updated)
        summary.codes = [*regions.added, *regions.updated]
    else:
        summary.added = import_indicators(path, dry_run=dry_run)
    return summary
