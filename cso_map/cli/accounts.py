"""`flask create-user`: accounts made from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from cso_map.models import ROLES
from cso_map.services.editing.accounts import AccountError, create_user


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
