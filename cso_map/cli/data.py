"""`flask` commands for the directory's data: demo seed, vocabularies, unmet demand."""

from __future__ import annotations

import csv
import sys

import click
from flask.cli import with_appcontext

from cso_map.services.finder.unmet_demand import unmet_demand
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.seeding import seed_demo


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
