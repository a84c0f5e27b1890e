"""`flask` commands for operators: backup, restore, deployment checks."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from cso_map.services.ops.backup import BackupError, backup_database, restore_database
from cso_map.services.ops.deploy_check import deployment_problems


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
