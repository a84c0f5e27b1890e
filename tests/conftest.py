"""Fixtures: an app per database backend (SQLite always, PostgreSQL when configured).

Database-backed tests run once per backend. The PostgreSQL half needs
TEST_DATABASE_URL (CI sets it); with CSO_MAP_REQUIRE_ALL_BACKENDS=1 a missing backend,
browser or ../shared checkout fails the run instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from cso_map import create_app
from cso_map.config import PROJECT_ROOT, settings_for_tests
from cso_map.extensions import db
from cso_map.models import Base
from cso_map.services.directory.regions import load_demo_regions, load_indicators
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.seeding import SEED_DIR, insert_organizations, read_csv
from cso_map.services.snapshot.data_version import bump_data_version

DATA = Path(__file__).parent / "data"
SHARED = PROJECT_ROOT.parent / "shared"
REQUIRE_ALL = os.environ.get("CSO_MAP_REQUIRE_ALL_BACKENDS") == "1"
KEPT_TABLES = {
    "taxonomies",
    "taxonomy_terms",
    "regions",
    "region_indicators",
    "data_version",
}


def skip_or_fail(reason: str) -> None:
    """Skip with `reason`, or fail when CI requires every backend and tool."""
    if REQUIRE_ALL:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def postgres_url(name_suffix: str = "") -> str:
    """Return the PostgreSQL URL for tests (a sibling database if `name_suffix`)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        skip_or_fail("set TEST_DATABASE_URL to run the PostgreSQL half of the suite")
    if not name_suffix:
        return url
    base = sa.make_url(url)
    name = f"{base.database}_{name_suffix}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def worker_suffix() -> str:
    """Return a suffix unique to this pytest-xdist worker ("" without xdist)."""
    return os.environ.get("PYTEST_XDIST_WORKER", "")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory) -> str:
    """Return the URL of an empty database of each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    return postgres_url(worker_suffix())


def reset_schema(engine: sa.Engine) -> None:
    """Drop every table, including Alembic's, so migrations start from nothing."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(
                "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
            )
        else:
            Base.metadata.drop_all(connection)
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


@contextmanager
def separate_app(database_url: str, folder: Path, name: str):
    """Yield an app over a database of its own, with taxonomies and demo states,
    for tests that change what other tests share."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{folder / f'{name}.sqlite3'}"
    else:
        url = postgres_url(worker_suffix() + name)
    application = create_app(settings_for_tests(url))
    with application.app_context():
        reset_schema(db.engine)
        upgrade()
        sync_taxonomies()
        load_demo_regions()
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def app(database_url):
    """Return an app whose database is migrated and holds taxonomies and regions."""
    application = create_app(settings_for_tests(database_url))
    with application.app_context():
        reset_schema(db.engine)
        upgrade()
        sync_taxonomies()
        load_demo_regions()
        load_indicators(read_csv(SEED_DIR / "indicators.csv"))
    yield application
    with application.app_context():
        db.engine.dispose()


def clear_directory() -> None:
    """Delete every organization-related row, keeping taxonomies and regions."""
    db.session.rollback()
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in KEPT_TABLES:
            db.session.execute(table.delete())
    bump_data_version()
    db.session.commit()


@pytest.fixture
def empty_directory(app):
    """Start and end the test with no organizations (taxonomies and regions stay)."""
    with app.app_context():
        clear_directory()
    yield
    with app.app_context():
        clear_directory()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Give each test its own rate-limit counts (the storage is per process)."""
    from cso_map.extensions import limiter

    if getattr(limiter, "_storage", None) is not None:
        limiter.reset()


@pytest.fixture
def app_context(app, empty_directory):
    """Run the test inside an application context (for service-level tests).

    Web tests use `client` without holding a context, as in production, where each
    request has its own `g` (the language and Flask-Babel's cache live there).
    """
    with app.app_context():
        yield app


@pytest.fixture
def client(app, empty_directory):
    """Return a test client over an empty directory."""
    return app.test_client()


@pytest.fixture
def runner(app, empty_directory):
    """Return a CLI runner over an empty directory."""
    return app.test_cli_runner()


def fixture_records() -> list[dict]:
    """Return the hand-written organizations of tests/data/organizations.json."""
    return json.loads((DATA / "organizations.json").read_text(encoding="utf-8"))


def load_fixture_directory(app, is_demo: bool = False) -> dict[str, uuid.UUID]:
    """Insert tests/data/organizations.json; return organization ids by short key."""
    records = fixture_records()
    with app.app_context():
        insert_organizations(records, today=dt.date.today(), is_demo=is_demo)
    return {record["key"]: uuid.UUID(record["id"]) for record in records}


@pytest.fixture
def directory(app, empty_directory) -> dict[str, uuid.UUID]:
    """Load the small fixture directory; return organization ids by short key."""
    return load_fixture_directory(app)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Return ../shared (the specification and seed documents), or skip."""
    if not SHARED.is_dir():
        skip_or_fail(f"{SHARED} is absent: clone the shared folder beside the project")
    return SHARED
