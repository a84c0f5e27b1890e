"""`flask import ...`: regions, indicators and organizations from files."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from cso_map.services.exchange.organizations import import_hsds, import_organizations
from cso_map.services.exchange.regions import import_indicators, import_regions
from cso_map.services.exchange.uploads import UploadError


@click.group("import")
def import_group() -> None:
    """Import data files (all or nothing; --dry-run writes nothing)."""


@import_group.command("regions")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and report; write nothing."
)
@with_appcontext
def import_regions_command(path: Path, dry_run: bool) -> None:
    """Add or update states from GeoJSON, a zipped shapefile or a GeoPackage."""
    with force_locale("en"):
        try:
            report = import_regions(path, dry_run=dry_run)
        except UploadError as error:
            raise click.ClickException(str(error)) from error
    verb = "Would add" if dry_run else "Added"
    click.echo(
        f"{verb} {len(report.added)} and "
        f"{'would update' if dry_run else 'updated'} {len(report.updated)} regions."
    )


@import_group.command("indicators")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and report; write nothing."
)
@with_appcontext
def import_indicators_command(path: Path, dry_run: bool) -> None:
    """Add or update region indicators from a CSV file."""
    with force_locale("en"):
        try:
            count = import_indicators(path, dry_run=dry_run)
        except UploadError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"{'Would write' if dry_run else 'Wrote'} {count} indicator rows.")


@import_group.command("organizations")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and report; write nothing."
)
@click.option(
    "--lang",
    type=click.Choice(["es", "en"]),
    default="es",
    show_default=True,
    help="Language of the service names made from categories.",
)
@with_appcontext
def import_organizations_command(path: Path, dry_run: bool, lang: str) -> None:
    """Add or replace organizations from our CSV template or GeoJSON points."""
    _report_import(lambda: import_organizations(path, dry_run=dry_run, lang=lang))


@import_group.command("hsds")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--dry-run", is_flag=True, help="Check the data and report; write nothing."
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV of taxonomy,term,category rules (default: the built-in table).",
)
@with_appcontext
def import_hsds_command(path: Path, dry_run: bool, mapping: Path | None) -> None:
    """Add or replace organizations from an HSDS zip, folder of CSVs or JSON file."""
    _report_import(lambda: import_hsds(path, dry_run=dry_run, mapping=mapping))


def _report_import(run) -> None:
    """Run an organization import in English and say what it did, or why not."""
    with force_locale("en"):
        try:
            report = run()
        except UploadError as error:
            raise click.ClickException(str(error)) from error
    if report.dry_run:
        click.echo(
            f"Dry run: would add {report.added} and replace {report.updated} "
            f"organizations ({report.services} services); nothing was written."
        )
    else:
        click.echo(
            f"Added {report.added} and replaced {report.updated} organizations "
            f"({report.services} services) from {report.source}."
        )
