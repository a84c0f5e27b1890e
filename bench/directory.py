"""Server time of directory pages and queries with 10k and 100k generated organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/directory.py [--sizes N ...]
SQLite always; PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
Prints a table and writes bench/results/directory.json. Target (issue 2): a filtered
page of 20 results in under 100 ms (median) at 100k organizations.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench._setup import demo_app, write_results
from cso_map.demo.organizations import generate_organizations
from cso_map.extensions import db
from cso_map.services.directory.search import DirectoryFilters, search_organizations

TARGET_MS = 100.0
PAGES = {
    "directory page, no filter": "/es/organizations",
    "directory page, service + region": (
        "/es/organizations?service=legal_advice&region=US-CA"
    ),
    "directory page, service + language + region": (
        "/es/organizations?service=shelter&language=spa&region=MX-CHP"
    ),
    "directory page, text search": "/es/organizations?q=migrantes",
    "directory page, all filters": (
        "/en/organizations?service=legal_advice&region=US&language=eng&type=ngo"
        "&target_group=undocumented&verified=1&q=legal"
    ),
    "directory page 200, no filter": "/es/organizations?page=200",
    "API list, service + region": (
        "/api/v1/organizations?service=legal_advice&region=US-CA"
    ),
}
QUERIES = {
    "query only, service + region": DirectoryFilters(
        service="legal_advice", region="US-CA"
    ),
    "query only, no filter": DirectoryFilters(),
}


def timed(function, repeat: int) -> dict[str, float]:
    """Return median and 95th-percentile milliseconds of `function` after a warm-up."""
    for _ in range(3):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
    }


def measure(app, repeat: int) -> dict[str, dict]:
    """Time every page and query against `app`."""
    client = app.test_client()
    results = {}
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        results[name] = timed(lambda url=url: client.get(url), repeat)
    with app.app_context():
        for name, filters in QUERIES.items():
            results[name] = timed(
                lambda f=filters: search_organizations(f, 1, 20), repeat
            )
            db.session.remove()
    return results


def backends(workdir: Path) -> dict[str, str]:
    urls = {"sqlite": f"sqlite:///{workdir / 'bench.sqlite3'}"}
    postgres = os.environ.get("BENCH_DATABASE_URL") or os.environ.get(
        "TEST_DATABASE_URL"
    )
    if postgres:
        urls["postgresql"] = postgres
    return urls


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'backend':<11}{'orgs':>8}  {'measurement':<45}{'median ms':>10}{'p95 ms':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['backend']:<11}{row['organizations']:>8}  {row['measurement']:<45}"
            f"{row['median_ms']:>10.2f}{row['p95_ms']:>9.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    rows, loads = [], []
    with tempfile.TemporaryDirectory() as workdir:
        for size in args.sizes:
            start = time.perf_counter()
            records = generate_organizations(size, seed=7)
            generated = time.perf_counter() - start
            for backend, url in backends(Path(workdir)).items():
                Path(workdir, "bench.sqlite3").unlink(missing_ok=True)
                app, loaded = demo_app(url, records)
                loads.append(
                    {
                        "backend": backend,
                        "organizations": size,
                        "generate_s": round(generated, 1),
                        "load_s": round(loaded, 1),
                    }
                )
                for name, timing in measure(app, args.repeat).items():
                    rows.append(
                        {
                            "backend": backend,
                            "organizations": size,
                            "measurement": name,
                            **timing,
                        }
                    )
                with app.app_context():
                    db.engine.dispose()
    print_table(rows)
    print()
    for load in loads:
        print(
            f"{load['backend']}: {load['organizations']} organizations generated in "
            f"{load['generate_s']} s, loaded in {load['load_s']} s"
        )
    filtered = [
        r for r in rows if r["measurement"] == "directory page, service + region"
    ]
    verdict = all(r["median_ms"] < TARGET_MS for r in filtered)
    outcome = "met" if verdict else "NOT met"
    print(f"\nTarget: filtered page under {TARGET_MS:.0f} ms median -> {outcome}")
    write_results(
        "directory",
        sqlalchemy=sa.__version__,
        target_ms=TARGET_MS,
        target_met=verdict,
        loads=loads,
        results=rows,
    )


if __name__ == "__main__":
    main()
