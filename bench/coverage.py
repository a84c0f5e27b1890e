"""Coverage of all 20 services per region, at 10k and 100k organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/coverage.py [--sizes N ...]
Prints a table and writes bench/results/coverage.json. Targets (issue 3), on one core:
- all 20 services x the 80 demo states, 100k organizations: under 1 s;
- all 20 services x 2,500 municipality-sized regions, 100k organizations: under 10 s.

Each run times, on synthetic services placed in the regions, the point-in-polygon
that the app does when locations are saved or imported (not part of a snapshot; on
the precise state boundaries), the spatial work of a snapshot rebuild (radius circles
against the simplified shapes the app measures distances on, then the reach of every
service), and the 20 coverage tables that questions are answered from; the
targets are checked against the 20 tables alone and against rebuild + tables.
Services: 2.5 an organization, a fifth with a radius of 10 to 150 km, a third
listing one to three regions, one in fifty listing the whole country.
With --database it also times the app's own path over SQLite: rebuilding the
snapshot from the demo generator's organizations, then the 20 coverage tables.
"""

from __future__ import annotations

import argparse
import time

import geopandas as gpd
import numpy as np
import shapely

from bench._setup import demo_app, write_results
from cso_map.demo.regions import demo_regions
from cso_map.geo.boundaries import WGS84
from cso_map.geo.coverage import Reach, coverage, radius_reach
from cso_map.geo.locate import locate_points

SERVICES_PER_ORGANIZATION = 2.5
CATEGORIES = 20
TARGETS_S = {"80 demo states": 1.0, "~2,500 cells": 10.0}


def municipality_cells(states: gpd.GeoSeries, count: int) -> gpd.GeoSeries:
    """Return about `count` regions: a square grid over the states, clipped to them."""
    west, south, east, north = states.total_bounds
    area = shapely.union_all(np.asarray(states.values))
    side = np.sqrt(area.area / count)
    xs = np.arange(west, east, side)
    ys = np.arange(south, north, side)
    boxes = shapely.box(*np.meshgrid(xs, ys), *np.meshgrid(xs + side, ys + side))
    cells = shapely.intersection(boxes.ravel(), area)
    cells = cells[~shapely.is_empty(cells) & (shapely.area(cells) > side * side / 20)]
    return gpd.GeoSeries(cells, crs=WGS84)


def synthetic_services(regions: gpd.GeoSeries, organizations: int, rng) -> dict:
    """Return arrays describing services placed at random points in the regions."""
    count = int(organizations * SERVICES_PER_ORGANIZATION)
    west, south, east, north = regions.total_bounds
    lons = rng.uniform(west, east, count * 3)
    lats = rng.uniform(south, north, count * 3)
    inside = shapely.contains_xy(
        shapely.union_all(np.asarray(regions.values)), lons, lats
    )
    lons, lats = lons[inside][:count], lats[inside][:count]
    radii = np.where(rng.random(count) < 0.2, rng.uniform(10, 150, count), np.nan)
    listing = rng.random(count) < 0.33
    listed_services = np.repeat(np.flatnonzero(listing), 2)
    listed_regions = rng.integers(0, len(regions), len(listed_services))
    national = np.flatnonzero(rng.random(count) < 0.02)
    return {
        "lons": lons,
        "lats": lats,
        "radii": radii,
        "capacity": np.where(
            rng.random(count) < 0.85, rng.integers(5, 400, count), np.nan
        ),
        "category": rng.integers(0, CATEGORIES, count),
        "listed": (
            np.concatenate([listed_services, np.repeat(national, len(regions) // 2)]),
            np.concatenate(
                [listed_regions, np.tile(np.arange(len(regions) // 2), len(national))]
            ),
        ),
    }


def run_pipeline(
    precise: gpd.GeoSeries, drawn: gpd.GeoSeries, services: dict, demand: np.ndarray
) -> dict:
    """Time import-time point-in-polygon (on the `precise` shapes), the snapshot's
    spatial work (on the `drawn` ones, as the app measures distances), 20 tables."""
    start = time.perf_counter()
    located = locate_points(
        services["lons"], services["lats"], np.asarray(precise.values)
    )
    locate = time.perf_counter() - start
    start = time.perf_counter()
    owners = np.arange(len(located))
    circles = radius_reach(services["lons"], services["lats"], services["radii"], drawn)
    reach = Reach.union(
        services["listed"],
        (owners[located >= 0], located[located >= 0]),
        circles,
    )
    spatial = time.perf_counter() - start
    start = time.perf_counter()
    for category in range(CATEGORIES):
        keep = services["category"] == category
        coverage(reach.restrict(keep), services["capacity"], demand)
    tables = time.perf_counter() - start
    return {
        "import_locate_s": round(locate, 3),
        "snapshot_spatial_s": round(spatial, 3),
        "coverage_20_s": round(tables, 3),
        "snapshot_and_tables_s": round(spatial + tables, 3),
        "pairs": len(reach.service),
    }


def database_run(size: int) -> dict:
    """Time the app's path: snapshot rebuilt from SQLite, then 20 coverage tables."""
    import datetime as dt
    import tempfile

    from cso_map.demo.organizations import generate_organizations
    from cso_map.extensions import db
    from cso_map.services.analysis.coverage import CoverageQuery, region_coverage
    from cso_map.services.snapshot.build import build_snapshot, directory_snapshot
    from cso_map.taxonomy import SERVICE_CATEGORIES
    from cso_map.web.policy import coverage_policy

    with tempfile.TemporaryDirectory() as workdir:
        app, _loaded = demo_app(
            f"sqlite:///{workdir}/bench.sqlite3", generate_organizations(size, seed=11)
        )
        with app.app_context():
            start = time.perf_counter()
            build_snapshot(0, dt.date.today())
            rebuild = time.perf_counter() - start
            directory_snapshot()  # cache it, as a running app would
            policy = coverage_policy()
            start = time.perf_counter()
            for code in SERVICE_CATEGORIES.codes():
                region_coverage(CoverageQuery(code), policy)
            tables = time.perf_counter() - start
            db.engine.dispose()
    return {"snapshot_s": round(rebuild, 3), "coverage_20_s": round(tables, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--cells", type=int, default=2500)
    parser.add_argument("--database", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    states = demo_regions()
    states = states[states["level"] == "state"]
    precise = gpd.GeoSeries(states.geometry.values, crs=WGS84)
    drawn = gpd.GeoSeries(states["simplified"].values, crs=WGS84)
    cells = municipality_cells(drawn, args.cells)
    geographies = {"80 demo states": (precise, drawn), "~2,500 cells": (cells, cells)}
    rows = []
    for name, (regions, drawn) in geographies.items():
        demand = rng.integers(0, 200_000, len(regions)).astype(float)
        demand[rng.random(len(regions)) < 0.03] = np.nan
        for size in args.sizes:
            services = synthetic_services(regions, size, rng)
            result = run_pipeline(regions, drawn, services, demand)
            rows.append(
                {
                    "geography": name,
                    "regions": len(regions),
                    "organizations": size,
                    "services": len(services["lons"]),
                    **result,
                    "target_s": TARGETS_S[name],
                    "tables_met": result["coverage_20_s"] < TARGETS_S[name],
                    "rebuild_and_tables_met": (
                        result["snapshot_and_tables_s"] < TARGETS_S[name]
                    ),
                }
            )
    database = (
        [{"organizations": size, **database_run(size)} for size in args.sizes]
        if args.database
        else []
    )
    header = (
        f"{'geography':<16}{'regions':>8}{'orgs':>9}{'services':>9}{'pairs':>9}"
        f"{'import PIP s':>13}{'rebuild s':>10}{'20 tables s':>12}{'both s':>8}"
        f"{'target':>7}  met (tables / both)"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['geography']:<16}{row['regions']:>8}{row['organizations']:>9}"
            f"{row['services']:>9}{row['pairs']:>9}{row['import_locate_s']:>13.3f}"
            f"{row['snapshot_spatial_s']:>10.3f}{row['coverage_20_s']:>12.3f}"
            f"{row['snapshot_and_tables_s']:>8.3f}{row['target_s']:>7.1f}  "
            f"{'yes' if row['tables_met'] else 'NO'} / "
            f"{'yes' if row['rebuild_and_tables_met'] else 'NO'}"
        )
    for row in database:
        print(
            f"SQLite, {row['organizations']} demo organizations: snapshot rebuilt "
            f"in {row['snapshot_s']} s, then 20 coverage tables in "
            f"{row['coverage_20_s']} s"
        )
    write_results("coverage", results=rows, database=database)


if __name__ == "__main__":
    main()
