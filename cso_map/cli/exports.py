"""`flask export` and `flask export-map`: the public directory as files and maps."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from cso_map.map_exports import export_map
from cso_map.services.analysis.coverage import CoverageQuery
from cso_map.services.exchange.exports import (
    coverage_geojson,
    directory_csv,
    directory_geojson,
    three_w_csv,
)
from cso_map.services.hsds.package import write_hsds_json, write_hsds_package
from cso_map.taxonomy import SERVICE_CATEGORIES
from cso_map.web.policy import coverage_policy


@click.command("export-map")
@click.argument("kind", type=click.Choice(["gaps", "directory"]))
@click.option("--service", help="Service category code (required for gaps).")
@click.option("--language", help="ISO 639 code of a language the service must offer.")
@click.option("--target-group", help="Target group code.")
@click.option("--include-stale", is_flag=True, help="Count unverified and stale data.")
@click.option("--region", help="Directory map: only this region (ISO 3166 code).")
@click.option(
    "--lang", type=click.Choice(["es", "en"]), default="es", show_default=True
)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True)
@with_appcontext
def export_map_command(kind: str, lang: str, out: str, **question) -> None:
    """Write a self-contained HTML map (assets and data inlined) that opens offline."""
    with current_app.test_request_context(f"/{lang}/"):
        try:
            html = export_map(kind, lang, question)
        except ValueError as error:
            raise click.UsageError(str(error)) from error
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(html)
    click.echo(f"Wrote {out} ({len(html.encode()) // 1024} KB).")


@click.command("export")
@click.argument("kind", type=click.Choice(["csv", "geojson", "3w", "hsds", "coverage"]))
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option(
    "--lang", type=click.Choice(["es", "en"]), default="en", show_default=True
)
@click.option("--service", help="Coverage: the service category code.")
@with_appcontext
def export_command(kind: str, out: Path, lang: str, service: str | None) -> None:
    """Write the public directory: our CSV, GeoJSON, 3W, HSDS (.zip or .json), or
    the coverage of a service by state (GeoJSON)."""
    if kind == "hsds" and out.suffix.lower() == ".json":
        click.echo(f"Wrote {out}: {write_hsds_json(out)} organizations.")
        return
    if kind == "hsds":
        counts = write_hsds_package(out)
        click.echo(f"Wrote {out}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
        return
    if kind == "coverage" and service not in SERVICE_CATEGORIES:
        raise click.UsageError(
            "--service must be one of: " + ", ".join(SERVICE_CATEGORIES.codes())
        )
    writers = {
        "csv": directory_csv,
        "geojson": directory_geojson,
        "3w": lambda: three_w_csv(lang),
        "coverage": lambda: coverage_geojson(
            CoverageQuery(service=service),
            coverage_policy(),
            lang,
        ),
    }
    text = writers[kind]()
    out.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out} ({len(text.encode()) // 1024} KB).")
