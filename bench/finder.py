"""Nearest-5 queries in process and over HTTP, at 10k and 100k organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/finder.py [--sizes N ...]
Prints a table and writes bench/results/finder.json. Targets (issue 4), at 100k:
under 100 us per filtered nearest-5 query in process, under 20 ms per HTTP request
(/api/v1/nearest; the finder page is measured too, without a target of its own).

In process: synthetic services (2.5 an organization, 20 categories, random points in
the 80 demo states, a quarter offering Mixteco, half free of charge) queried from
random places in the states, for a category and a language and "free" (the filter
a person is most likely to add), against a brute-force numpy scan of the same
category's points (haversine to each, filter, partial sort) as the baseline. Over
HTTP: the app's /api/v1/nearest, and the help finder's results page for a need and
a typed town (gazetteer match, nearest 20, rows loaded, HTML rendered), on SQLite
holding the demo generator's organizations, through Flask's test client (no
network), snapshot and gazetteer already built.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import numpy as np
import shapely

from bench._setup import demo_app, write_results
from cso_map.demo.regions import demo_regions
from cso_map.geo.nearest import NearestIndex
from cso_map.geo.projection import haversine_km

CATEGORIES = 20
QUERIES = 2000
TARGET_US = 100.0
TARGET_HTTP_MS = 20.0


def synthetic(organizations: int, rng) -> dict:
    """Return service points with category, language and free-of-charge flags."""
    states = demo_regions()
    land = shapely.union_all(np.asarray(states[states["level"] == "state"].geometry))
    west, south, east, north = states.total_bounds
    count = int(organizations * 2.5)
    lons = rng.uniform(west, east, count * 3)
    lats = rng.uniform(south, north, count * 3)
    inside = shapely.contains_xy(land, lons, lats)
    return {
        "lons": lons[inside][:count],
        "lats": lats[inside][:count],
        "category": rng.integers(0, CATEGORIES, count),
        "mixteco": rng.random(count) < 0.25,
        "free": rng.random(count) < 0.5,
        "places": (lons[~inside][:QUERIES], lats[~inside][:QUERIES]),
        "land_places": (lons[inside][-QUERIES:], lats[inside][-QUERIES:]),
    }


def brute_force(data: dict, lon: float, lat: float, category: int) -> np.ndarray:
    """Return the 5 nearest matching points by scanning them all."""
    keep = np.flatnonzero(
        (data["category"] == category) & data["mixteco"] & data["free"]
    )
    km = haversine_km(lon, lat, data["lons"][keep], data["lats"][keep])
    nearest = np.argpartition(km, min(5, len(km) - 1))[:5]
    return keep[nearest[np.argsort(km[nearest])]]


def in_process(organizations: int, rng) -> dict:
    """Time indexed and brute-force nearest-5 queries on synthetic data."""
    data = synthetic(organizations, rng)
    start = time.perf_counter()
    index = NearestIndex.build(data["lons"], data["lats"], data["category"])
    build = time.perf_counter() - start
    lons, lats = data["land_places"]
    categories = rng.integers(0, CATEGORIES, QUERIES)

    def accept(rows):
        return data["mixteco"][rows] & data["free"][rows]

    start = time.perf_counter()
    answers = [
        index.nearest(lon, lat, int(c), 5, accept=accept)[0]
        for lon, lat, c in zip(lons, lats, categories, strict=True)
    ]
    indexed = (time.perf_counter() - start) / QUERIES
    start = time.perf_counter()
    expected = [
        brute_force(data, lon, lat, int(c))
        for lon, lat, c in zip(lons[:200], lats[:200], categories[:200], strict=True)
    ]
    scanned = (time.perf_counter() - start) / 200
    agree = all(
        np.array_equal(a, e) for a, e in zip(answers[:200], expected, strict=True)
    )
    return {
        "points": len(data["lons"]),
        "index_build_s": round(build, 3),
        "indexed_us": round(indexed * 1e6, 1),
        "brute_force_us": round(scanned * 1e6, 1),
        "ratio": round(scanned / indexed, 1),
        "same_answers": agree,
    }


def over_http(organizations: int, rng) -> dict:
    """Time /api/v1/nearest requests against SQLite holding demo organizations."""
    from cso_map.demo.organizations import generate_organizations
    from cso_map.demo.places import gazetteer
    from cso_map.extensions import db
    from cso_map.services.snapshot.build import directory_snapshot
    from cso_map.taxonomy import SERVICE_CATEGORIES

    with tempfile.TemporaryDirectory() as workdir:
        app, _loaded = demo_app(
            f"sqlite:///{workdir}/finder.sqlite3",
            generate_organizations(organizations, seed=5),
        )
        with app.app_context():
            directory_snapshot()
        client = app.test_client()
        data = synthetic(1000, rng)
        lons, lats = data["land_places"]
        codes = SERVICE_CATEGORIES.codes()
        urls = [
            f"/api/v1/nearest?lat={lat:.2f}&lon={lon:.2f}"
            f"&service={codes[i % len(codes)]}&language=spa&free=1"
            for i, (lon, lat) in enumerate(zip(lons[:300], lats[:300], strict=True))
        ]
        towns = gazetteer()["name"].to_numpy()
        pages = [
            f"/es/find?need={codes[i % len(codes)]}&place={towns[i * 7 % len(towns)]}"
            for i in range(100)
        ]
        api = timed(client, urls)
        finder = timed(client, pages)
        with app.app_context():
            db.engine.dispose()
    return {
        "http_median_ms": round(statistics.median(api), 2),
        "http_p95_ms": round(api[int(0.95 * (len(api) - 1))], 2),
        "finder_page_median_ms": round(statistics.median(finder), 2),
        "finder_page_p95_ms": round(finder[int(0.95 * (len(finder) - 1))], 2),
    }


def timed(client, urls: list[str]) -> list[float]:
    """Return the sorted times in ms of GET `urls` (after 20 warm-up requests)."""
    for url in urls[:20]:
        assert client.get(url).status_code == 200, url
    samples = []
    for url in urls:
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(5)
    rows = []
    for size in args.sizes:
        row = {"organizations": size, **in_process(size, rng)}
        if not args.no_http:
            row.update(over_http(size, rng))
        rows.append(row)
    header = (
        f"{'orgs':>7}{'points':>9}{'build s':>9}{'indexed us':>12}{'scan us':>10}"
        f"{'x faster':>10}{'same':>6}{'API median ms':>15}{'p95 ms':>8}"
        f"{'finder page ms':>16}{'p95 ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['organizations']:>7}{row['points']:>9}{row['index_build_s']:>9.3f}"
            f"{row['indexed_us']:>12.1f}{row['brute_force_us']:>10.1f}"
            f"{row['ratio']:>10.1f}{'yes' if row['same_answers'] else 'NO':>6}"
            f"{row.get('http_median_ms', float('nan')):>16.2f}"
            f"{row.get('http_p95_ms', float('nan')):>8.2f}"
            f"{row.get('finder_page_median_ms', float('nan')):>16.2f}"
            f"{row.get('finder_page_p95_ms', float('nan')):>8.2f}"
        )
    print(
        f"\nTargets at 100k: under {TARGET_US:.0f} us in process, "
        f"under {TARGET_HTTP_MS:.0f} ms per request."
    )
    write_results("finder", results=rows)


if __name__ == "__main__":
    main()
