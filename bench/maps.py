"""Map size, build time and first frame in Chromium, against plain folium Markers.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/maps.py [--sizes N ...]
Prints a table and writes bench/results/maps.json. Targets (issue 3): the directory
map's HTML at most 2.5 MB at 10k organizations; its first frame in headless Chromium
(software rendering, no tiles) within 0.5 s at 10k and 1.5 s at 100k.

"Ours" is what the app serves: a small map document, plus the points as compact JSON
fetched by the page (both counted). The baseline is the same map with one plain
folium Marker (with a tooltip: folium popups need jQuery) per organization. "First
frame" is the time from navigation until the map has drawn every point (ours: the
canvas layer's first draw with data; baseline: every marker in the page), read
from performance.now() in the map document: the median of three loads in a browser
that has loaded the page once before.
Everything is served from loopback; nothing is fetched from elsewhere.
"""

from __future__ import annotations

import argparse
import functools
import json
import tempfile
import threading
import time
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import shapely

from bench._setup import write_results
from cso_map.config import PROJECT_ROOT
from cso_map.demo.regions import demo_regions
from cso_map.geo.geojson import feature_collection
from cso_map.maps.assets import LEAFLET_DIR, MapAssets
from cso_map.maps.base import base_map
from cso_map.maps.directory_map import build_directory_map
from cso_map.maps.gap_map import GapMapTexts, build_gap_map
from cso_map.maps.points import PointsSource
from cso_map.maps.safe_text import map_text
from cso_map.maps.tiles import Tiles
from cso_map.taxonomy import CSO_TYPES

CHROMIUM = "/usr/bin/chromium"
ASSETS = MapAssets(
    scripts=("/vendor/leaflet/leaflet.js", "/static/js/points-layer.js"),
    styles=("/vendor/leaflet/leaflet.css", "/static/css/map.css"),
)
NO_TILES = Tiles(None)
BASELINE_BROWSER_LIMIT = 10_000  # plain Markers took 33 s at 10k here; 100k never drew
TARGETS = {"html_mb_10k": 2.5, "first_frame_s": {10_000: 0.5, 100_000: 1.5}}
TEXTS = GapMapTexts(
    title="Places per month per 1,000 people in need",
    aliases=(
        *("Region", "Providers", "Capacity", "People in need"),
        *("Places per 1,000", "Status"),
    ),
    gap="Gap",
    no_data="No data",
    unknown="Capacity not reported",
    below_label="under {high}",
    between_label="{low} to under {high}",
    above_label="{low} or more",
    threshold_note="Underserved: under {value}",
    providers_layer="Providers",
    regions_layer="Coverage",
)


def states() -> gpd.GeoDataFrame:
    frame = demo_regions()
    return frame[frame["level"] == "state"].reset_index(drop=True)


def random_points(regions: gpd.GeoDataFrame, count: int, rng) -> dict:
    """Return compact points (as the API serves them) at random places in `regions`."""
    land = shapely.union_all(np.asarray(regions.geometry.values))
    west, south, east, north = regions.total_bounds
    lons = rng.uniform(west, east, count * 3)
    lats = rng.uniform(south, north, count * 3)
    inside = shapely.contains_xy(land, lons, lats)
    lons, lats = lons[inside][:count], lats[inside][:count]
    return {
        "types": CSO_TYPES.codes(),
        "ids": [str(uuid.UUID(int=int(i) + 1)) for i in range(count)],
        "lon": np.round(lons, 4).tolist(),
        "lat": np.round(lats, 4).tolist(),
        "type": rng.integers(0, len(CSO_TYPES.codes()), count).tolist(),
        "approximate": [0] * count,
    }


def bounds_of(regions: gpd.GeoDataFrame):
    west, south, east, north = regions.total_bounds
    return (south, west), (north, east)


def our_map(points: dict, bounds) -> tuple[str, str]:
    """Return the directory map document and its points JSON."""
    source = PointsSource(url="/points.json", service_labels={})
    figure_map = build_directory_map(
        source, CSO_TYPES.codes(), {"ngo": "NGOs"}, "Types", ASSETS, NO_TILES, bounds
    )
    return figure_map.get_root().render(), json.dumps(points, separators=(",", ":"))


def baseline_map(points: dict, bounds) -> str:
    """Return the same map with one plain folium Marker (and tooltip) per point."""
    figure_map = base_map(ASSETS, NO_TILES, bounds)
    for index, (lon, lat) in enumerate(zip(points["lon"], points["lat"], strict=True)):
        folium.Marker([lat, lon], tooltip=map_text(f"Organization {index}")).add_to(
            figure_map
        )
    return figure_map.get_root().render()


def gap_map(regions: gpd.GeoDataFrame, rng) -> str:
    """Return a gap map of the 80 states (its size does not depend on organizations)."""
    statuses = rng.choice(["gap", "underserved", "served", "no_data"], len(regions))
    ratios = rng.uniform(0, 5, len(regions))
    collection = feature_collection(
        regions["simplified"].values,
        [
            {"code": code, "status": status, "ratio": float(ratio)}
            for code, status, ratio in zip(
                regions["code"], statuses, ratios, strict=True
            )
        ],
    )
    tooltips = [(code, "1", "2", "3", "4", "gap") for code in regions["code"]]
    figure_map = build_gap_map(
        collection,
        tooltips,
        TEXTS,
        lambda value: f"{value:.2f}",
        ASSETS,
        NO_TILES,
        bounds_of(regions),
        providers=PointsSource(url="/points.json"),
        type_codes=CSO_TYPES.codes(),
    )
    return figure_map.get_root().render()


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def serve(directory: Path) -> ThreadingHTTPServer:
    """Serve `directory` and the map assets on a free loopback port."""
    (directory / "vendor").mkdir(exist_ok=True)
    (directory / "vendor" / "leaflet").symlink_to(LEAFLET_DIR, target_is_directory=True)
    (directory / "static").symlink_to(PROJECT_ROOT / "static", target_is_directory=True)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            """Stay quiet."""

    handler = functools.partial(Quiet, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_frame(browser, url: str, ready: str, timeout_s: float, runs: int = 3):
    """Return the median seconds from navigation until `ready` holds, after a warm-up.

    Only one load is made when a load takes longer than 10 s (the slow baseline).
    """
    samples = []
    for attempt in range(runs + 1):
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        try:
            page.goto(url, wait_until="commit")
            page.wait_for_function(ready, polling="raf", timeout=timeout_s * 1000)
            seconds = page.evaluate("performance.now()") / 1000
        finally:
            page.close()
        if seconds > 10:
            return seconds
        if attempt:
            samples.append(seconds)
    return float(np.median(samples))


OURS_READY = """(() => {
  const key = Object.keys(window).find(k => k.startsWith('points_layer_'));
  const layer = key && window[key];
  return !!(layer && layer._data && layer._items && layer._items.singles);
})()"""


def baseline_ready(count: int) -> str:
    return f"document.querySelectorAll('.leaflet-marker-icon').length >= {count}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000]
    )
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(3)
    regions = states()
    bounds = bounds_of(regions)
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        server = serve(Path(workdir))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = playwright = None
        if not args.no_browser and Path(CHROMIUM).exists():
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
        gap_html, gap_s = timed(lambda: gap_map(regions, rng))
        for size in args.sizes:
            points = random_points(regions, size, rng)
            (html, payload), ours_s = timed(lambda p=points: our_map(p, bounds))
            folder = Path(workdir)
            (folder / "points.json").write_text(payload)
            (folder / f"ours-{size}.html").write_text(html)
            baseline, baseline_s = timed(lambda p=points: baseline_map(p, bounds))
            (folder / f"baseline-{size}.html").write_text(baseline)
            row = {
                "organizations": size,
                "ours_html_bytes": len(html.encode()),
                "ours_json_bytes": len(payload.encode()),
                "ours_build_s": round(ours_s, 3),
                "baseline_html_bytes": len(baseline.encode()),
                "baseline_build_s": round(baseline_s, 3),
                "gap_map_html_bytes": len(gap_html.encode()),
                "gap_map_build_s": round(gap_s, 3),
            }
            row["bytes_ratio"] = round(
                row["baseline_html_bytes"]
                / (row["ours_html_bytes"] + row["ours_json_bytes"]),
                1,
            )
            row["build_ratio"] = round(baseline_s / ours_s, 1)
            if browser is not None:
                row["ours_first_frame_s"] = round(
                    first_frame(browser, f"{base}/ours-{size}.html", OURS_READY, 60), 3
                )
                if size <= BASELINE_BROWSER_LIMIT:
                    row["baseline_first_frame_s"] = round(
                        first_frame(
                            browser,
                            f"{base}/baseline-{size}.html",
                            baseline_ready(size),
                            300,
                        ),
                        3,
                    )
                    row["first_frame_ratio"] = round(
                        row["baseline_first_frame_s"] / row["ours_first_frame_s"], 1
                    )
            rows.append(row)
        if browser is not None:
            browser.close()
            playwright.stop()
        server.shutdown()
    print_table(rows)
    write_results(
        "maps",
        targets={"html_mb_10k": 2.5, "first_frame_s": {"10k": 0.5, "100k": 1.5}},
        results=rows,
    )


def print_table(rows: list[dict]) -> None:
    def mb(value) -> str:
        return f"{value / 1e6:.2f}"

    def seconds(row, key) -> str:
        return f"{row[key]:.3f}" if key in row else "not run"

    header = (
        f"{'orgs':>7} | {'ours HTML+JSON MB':>17} {'build s':>8} {'1st frame s':>11} | "
        f"{'Markers MB':>10} {'build s':>8} {'1st frame s':>11} | "
        f"{'x bytes':>7} {'x build':>7} {'x frame':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['organizations']:>7} | "
            f"{mb(row['ours_html_bytes']) + '+' + mb(row['ours_json_bytes']):>17} "
            f"{row['ours_build_s']:>8.3f} {seconds(row, 'ours_first_frame_s'):>11} | "
            f"{mb(row['baseline_html_bytes']):>10} {row['baseline_build_s']:>8.3f} "
            f"{seconds(row, 'baseline_first_frame_s'):>11} | "
            f"{row['bytes_ratio']:>7} {row['build_ratio']:>7} "
            f"{row.get('first_frame_ratio', '-'):>7}"
        )
    gap = rows[0]
    print(
        f"\nGap map (80 states, providers fetched): {mb(gap['gap_map_html_bytes'])} "
        f"MB, built in {gap['gap_map_build_s']:.3f} s, whatever the number of "
        "organizations."
    )


if __name__ == "__main__":
    main()
