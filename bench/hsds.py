"""HSDS read API: time of a page of /hsds/services at 10k and 100k organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/hsds.py [--sizes N ...]
Prints a table and writes bench/results/hsds.json. Target (issue 7): a page of
/hsds/services under 100 ms at 100k organizations (median of warm requests on
SQLite, through Flask's test client; random pages of 50).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import numpy as np

from bench._setup import demo_app, write_results
from cso_map.demo.organizations import generate_organizations

TARGET_MS = 100.0
REQUESTS = 40


def timed(client, urls: list[str]) -> tuple[float, float]:
    """Return median and 95th percentile ms of GET `urls` (after warming up)."""
    for url in urls[:5]:
        assert client.get(url).status_code == 200, url
    samples = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def run(size: int, rng) -> dict:
    """Time HSDS pages over SQLite holding `size` demo organizations."""
    with tempfile.TemporaryDirectory() as workdir:
        app, _loaded = demo_app(
            f"sqlite:///{workdir}/hsds.sqlite3", generate_organizations(size, seed=3)
        )
        client = app.test_client()
        total = client.get("/hsds/services?per_page=50").get_json()["total_pages"]
        pages = rng.integers(1, total + 1, REQUESTS)
        row = {"organizations": size}
        for name, query in (
            ("services", "per_page=50"),
            ("services_full", "per_page=50&full=true"),
            ("organizations", "per_page=50"),
        ):
            path = "organizations" if name == "organizations" else "services"
            urls = [f"/hsds/{path}?{query}&page={page}" for page in pages]
            median, p95 = timed(client, urls)
            row[f"{name}_median_ms"] = round(median, 1)
            row[f"{name}_p95_ms"] = round(p95, 1)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rng = np.random.default_rng(3)
    rows = [run(size, rng) for size in args.sizes]
    header = (
        f"{'orgs':>8}{'services ms':>13}{'p95':>8}{'full ms':>10}{'p95':>8}"
        f"{'organizations ms':>18}{'p95':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['organizations']:>8}{row['services_median_ms']:>13.1f}"
            f"{row['services_p95_ms']:>8.1f}{row['services_full_median_ms']:>10.1f}"
            f"{row['services_full_p95_ms']:>8.1f}{row['organizations_median_ms']:>18.1f}"
            f"{row['organizations_p95_ms']:>8.1f}"
        )
    print(f"\nTarget at 100k: a page of /hsds/services under {TARGET_MS:.0f} ms.")
    write_results("hsds", target_ms=TARGET_MS, results=rows)


if __name__ == "__main__":
    main()
