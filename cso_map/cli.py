"""`flask` commands: thin wrappers over services, documented in the README."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from cso_map.models import ROLES
from cso_map.services.analysis.coverage import CoverageQuery
from cso_map.services.editing.accounts import AccountError, create_user
from cso_map.services.exchange.exports import (
    coverage_geojson,
    directory_csv,
    directory_geojson,
    three_w_csv,
)
from cso_map.services.exchange.organizations import import_hsds, import_organizations
from cso_map.services.exchange.regions import import_indicators, import_regions
from cso_map.services.exchange.uploads import UploadError
from cso_map.services.finder.unmet_demand import unmet_demand
from cso_map.services.hsds.package import write_hsds_json, write_hsds_package
from cso_map.services.ops.backup import BackupError, backup_database, restore_database
from cso_map.services.ops.deploy_check import deployment_problems
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.seeding import seed_demo
from cso_map.taxonomy import SERVICE_CATEGORIES


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing if any organization exists.")
@with_appcontext
def seed_demo_command(if_empty: bool) -> None:
    """Load the demo regions, indicators and fictional organizations (idempotent)."""
    report = seed_demo(if_empty=if_empty)
    if report is None:
        click.echo("The database already has organizations; demo data not loaded.")
        return
    click.echo(
        f"Taxonomy terms: {report.terms}; new regions: {report.regions}; "
        f"indicator rows: {report.indicators}; "
        f"new organizations: {report.organizations}."
    )


@click.command("sync-taxonomy")
@with_appcontext
def sync_taxonomy_command() -> None:
    """Write the vocabularies (service categories, CSO types, ...) to the database."""
    click.echo(f"Taxonomy terms written: {sync_taxonomies()}.")


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
    from cso_map.map_exports import export_map

    with current_app.test_request_context(f"/{lang}/"):
        try:
            html = export_map(kind, lang, question)
        except ValueError as error:
            raise click.UsageError(str(error)) from error
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(html)
    click.echo(f"Wrote {out} ({len(html.encode()) // 1024} KB).")


@click.command("unmet-demand")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First day (Y-M-D).")
@with_appcontext
def unmet_demand_command(since) -> None:
    """Print, as CSV, how many help searches found nothing per day and service."""
    writer = csv.writer(sys.stdout)
    writer.writerow(["day", "service", "region", "language", "searches"])
    for row in unmet_demand(since.date() if since else None):
        writer.writerow(
            [
                row.day.isoformat(),
                row.service_code,
                row.region_code,
                row.language_code,
                row.searches,
            ]
        )


@click.command("create-user")
@click.option("--email", required=True, help="The account's e-mail address.")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", default="", help="The person's name.")
@click.option(
    "--organization",
    "organizations",
    multiple=True,
    type=click.UUID,
    help="An organization the editor may edit (repeatable).",
)
@with_appcontext
def create_user_command(email: str, role: str, name: str, organizations) -> None:
    """Create an account; the password is asked for, or read from standard input."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        user = create_user(email, password, role, name, list(organizations))
    except AccountError as error:
        reasons = {
            "password length": "the password must have 12 to 128 characters",
            "email taken": "an account with this e-mail address exists",
            "organization": "no organization has that id",
            "role": "unknown role",
        }
        raise click.UsageError(reasons.get(str(error), str(error))) from error
    click.echo(f"Created {user.role} account {user.email}.")


@click.command("backup")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(out: Path) -> None:
    """Write a consistent backup of the database to OUT."""
    try:
        backup_database(out)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up to {out} ({out.stat().st_size // 1024} KB).")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def restore_command(source: Path) -> None:
    """Load a backup made by `flask backup` into the configured (empty) database."""
    try:
        restore_database(source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {source}.")


@click.command("check-deploy")
@click.option(
    "--workers",
    type=int,
    envvar="WORKERS",
    default=1,
    show_default=True,
    help="How many app processes will run (gunicorn --workers).",
)
@with_appcontext
def check_deploy_command(workers: int) -> None:
    """Refuse (exit status 1) a configuration that is unsafe in production."""
    problems = deployment_problems(current_app.config, workers)
    for problem in problems:
        click.echo(f"unsafe: {problem}", err=True)
    if problems:
        raise SystemExit(1)
    click.echo("The configuration is safe for production.")


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
            current_app.config["UNDERSERVED_BELOW"],
            lang,
        ),
    }
    text = writers[kind]()
    out.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out} ({len(text.encode()) // 1024} KB).")


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


def register_cli(app: Flask) -> None:
    """Attach the commands to `app`."""
    app.cli.add_command(export_map_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(sync_taxonomy_command)
    app.cli.add_command(unmet_demand_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(check_deploy_command)
    app.cli.add_command(export_command)
    app.cli.add_command(import_group)
