"""`flask` commands: thin wrappers over services, documented in the README."""

from __future__ import annotations

import click
from flask import Flask

from cso_map.services.seeding import seed_demo
from cso_map.services.taxonomy import sync_taxonomies


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing if any organization exists.")
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
def sync_taxonomy_command() -> None:
    """Write the vocabularies (service categories, CSO types, ...) to the database."""
    click.echo(f"Taxonomy terms written: {sync_taxonomies()}.")


def register_cli(app: Flask) -> None:
    """Attach the commands to `app`."""
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(sync_taxonomy_command)
