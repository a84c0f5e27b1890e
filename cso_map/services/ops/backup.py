"""Backups: SQLite's online backup, or pg_dump; restore into an empty database.

A backup of SQLite is checked with `PRAGMA integrity_check` before it is kept.
PostgreSQL backups use pg_dump's custom format and need the client tools
(`pg_dump`, `pg_restore`) on the PATH.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from cso_map.extensions import db


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why."""


def _libpq_url(engine: Engine) -> str:
    """Return the database URL as libpq tools take it (no SQLAlchemy driver)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def backup_database(out: Path) -> None:
    """Write a consistent copy of the database to `out`."""
    engine = db.engine
    if engine.dialect.name == "sqlite":
        _backup_sqlite(engine, out)
    elif engine.dialect.name == "postgresql":
        _run(["pg_dump", "--format=custom", f"--file={out}", _libpq_url(engine)])
    else:
        raise BackupError(f"no backup for {engine.dialect.name}")


def restore_database(source: Path) -> None:
    """Load a backup made by `backup_database` into the (empty) database."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    engine = db.engine
    db.session.remove()
    if engine.dialect.name == "sqlite":
        _check_sqlite(source)
        raw = engine.raw_connection()
        try:
            with closing(sqlite3.connect(source)) as backup:
                backup.backup(raw.driver_connection)
        finally:
            raw.close()
        engine.dispose()
    elif engine.dialect.name == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq_url(engine)}",
                str(source),
            ]
        )
    else:
        raise BackupError(f"no restore for {engine.dialect.name}")


def _backup_sqlite(engine: Engine, out: Path) -> None:
    raw = engine.raw_connection()
    try:
        with closing(sqlite3.connect(out)) as copy:
            raw.driver_connection.backup(copy)
    finally:
        raw.close()
    _check_sqlite(out)


def _check_sqlite(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} fails the integrity check: {result}")


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(done.stderr.strip() or f"{command[0]} failed")


def table_fingerprints() -> dict[str, tuple[int, str]]:
    """Return, per table, its row count and a checksum of its sorted rows."""
    fingerprints = {}
    with db.engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            lines = sorted(repr(tuple(str(value) for value in row)) for row in rows)
            digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            fingerprints[table] = (len(rows), digest)
    return fingerprints
