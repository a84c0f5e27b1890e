"""Backups restore into an empty database with identical rows, on both backends."""

import pytest

from cso_map import create_app
from cso_map.config import settings_for_tests
from cso_map.extensions import db
from cso_map.services.ops.backup import (
    BackupError,
    restore_database,
    table_fingerprints,
)
from tests.conftest import postgres_url, reset_schema, worker_suffix


def empty_database_like(database_url: str, tmp_path) -> str:
    """Return the URL of another, empty database of the same backend."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    return postgres_url(worker_suffix() + "restored")


def test_a_backup_restores_to_identical_rows_and_content(
    app, directory, runner, tmp_path, database_url
):
    with app.app_context():
        before = table_fingerprints()
    backup = tmp_path / "cso_map.backup"
    result = runner.invoke(args=["backup", str(backup)])
    assert result.exit_code == 0, result.output
    assert before["organizations"][0] == 9
    target = create_app(settings_for_tests(empty_database_like(database_url, tmp_path)))
    with target.app_context():
        reset_schema(db.engine)
        restored = target.test_cli_runner().invoke(args=["restore", str(backup)])
        assert restored.exit_code == 0, restored.output
        assert table_fingerprints() == before
        db.engine.dispose()


def test_a_damaged_backup_is_refused(app, tmp_path):
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(b"this is not a database")
    with app.app_context(), pytest.raises(BackupError):
        restore_database(damaged)
