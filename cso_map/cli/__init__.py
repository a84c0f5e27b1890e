"""`flask` commands: thin wrappers over services, documented in the README.

One module per feature: data (seed, vocabularies, unmet demand), exports,
imports, accounts and ops (backup, restore, deployment checks).
"""

from __future__ import annotations

from flask import Flask

from cso_map.cli.accounts import create_user_command
from cso_map.cli.data import (
    seed_demo_command,
    sync_taxonomy_command,
    unmet_demand_command,
)
from cso_map.cli.exports import export_command, export_map_command
from cso_map.cli.imports import import_group
from cso_map.cli.ops import backup_command, check_deploy_command, restore_command


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
