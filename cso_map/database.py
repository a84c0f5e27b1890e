"""Engine set-up that the models cannot express: SQLite pragmas."""

from sqlalchemy import Engine, event


def enable_sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """Turn on foreign keys, WAL and a busy timeout for each new SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def configure_engine(engine: Engine) -> None:
    """Apply the per-backend connection settings to `engine`."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", enable_sqlite_pragmas)
