"""What the benchmarks share: an app over a fresh database holding given records."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import time
from pathlib import Path

from flask_migrate import upgrade

from cso_map import create_app
from cso_map.config import settings_for_tests
from cso_map.extensions import db
from cso_map.services.directory.regions import load_demo_regions, load_indicators
from cso_map.services.ops.vocabularies import sync_taxonomies
from cso_map.services.records.seeding import SEED_DIR, insert_organizations, read_csv


def demo_app(url: str, records: list[dict]) -> tuple[object, float]:
    """Return an app over a fresh database holding `records`, and the load seconds."""
    app = create_app(settings_for_tests(url))
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                connection.exec_driver_sql(
                    "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
                )
        upgrade()
        sync_taxonomies()
        load_demo_regions()
        load_indicators(read_csv(SEED_DIR / "indicators.csv"))
        start = time.perf_counter()
        insert_organizations(records, today=dt.date.today(), is_demo=True)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        return app, time.perf_counter() - start


RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, **fields) -> Path:
    """Write bench/results/<name>.json: the machine, the time, and `fields`."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {
        "benchmark": name,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        **fields,
    }
    path.write_text(json.dumps(document, indent=1) + "\n")
    return path
