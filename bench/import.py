"""Imports: time and peak memory of importing 10k and 100k organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/import.py [--sizes N ...]
Prints a table and writes bench/results/import.json. Targets (issue 7): 100k
organizations imported under 60 s with a peak memory under 2 GB, from our CSV
and from an HSDS package; a page of /hsds/services under 100 ms at 100k.

A source database holds the demo generator's organizations; its public export
(our CSV, the HSDS zip) is imported into a fresh database by `flask import`, run
as a child process so that its wall time and peak memory (the high-water mark of
its resident memory, read from /proc while it runs) are its own. The same file
is then imported again, which replaces every organization in place. The
/hsds/services pages are timed on the imported copy;
the exports that made the files are timed too, with their peak memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from bench._setup import demo_app, write_results
from bench.hsds import timed
from cso_map.demo.organizations import generate_organizations

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60.0
TARGET_MB = 2048.0


def high_water_mb(pid: int) -> float:
    """Return the peak resident memory (VmHWM) of `pid` once it runs flask, else 0.

    A child's own ru_maxrss would start from this benchmark's size at the fork,
    which holds 100k generated records: the memory must be read after the exec.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    if fields.get("Name", "").strip() != "flask" or "VmHWM" not in fields:
        return 0.0
    return int(fields["VmHWM"].split()[0]) / 1024


def run_child(args: list[str], url: str) -> tuple[float, float, str]:
    """Run `flask ...` over `url`; return seconds, peak MB and its output."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CSO_MAP_ENV": "development",
        "FLASK_APP": "app.py",
    }
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(Path(sys.executable).parent / "flask"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    peak = [0.0]
    done = threading.Event()

    def follow() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], high_water_mb(child.pid))

    follower = threading.Thread(target=follow)
    follower.start()
    output = child.stdout.read().decode()
    child.wait()
    seconds = time.perf_counter() - start
    done.set()
    follower.join()
    if child.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{output}")
    return seconds, peak[0], output.strip()


def run(size: int, rng) -> dict:
    """Export `size` demo organizations, then time importing them twice each way."""
    row: dict = {"organizations": size}
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        source = f"sqlite:///{folder}/source.sqlite3"
        demo_app(source, generate_organizations(size, seed=7))
        for kind, name in (("csv", "directory.csv"), ("hsds", "directory.zip")):
            seconds, peak, _ = run_child(["export", kind, str(folder / name)], source)
            row[f"export_{kind}_s"] = round(seconds, 1)
            row[f"export_{kind}_peak_mb"] = round(peak)
            row[f"{kind}_file_mb"] = round((folder / name).stat().st_size / 2**20, 1)
        for kind, command, name in (
            ("csv", "organizations", "directory.csv"),
            ("hsds", "hsds", "directory.zip"),
        ):
            url = f"sqlite:///{folder}/{kind}.sqlite3"
            app, _ = demo_app(url, [])
            args = ["import", command, str(folder / name)]
            seconds, peak, output = run_child(args, url)
            row[f"{kind}_import_s"] = round(seconds, 1)
            row[f"{kind}_peak_mb"] = round(peak)
            row[f"{kind}_output"] = output.splitlines()[-1]
            seconds, peak, _ = run_child(args, url)
            row[f"{kind}_reimport_s"] = round(seconds, 1)
            row[f"{kind}_reimport_peak_mb"] = round(peak)
            if kind == "hsds":
                client = app.test_client()
                first = client.get("/hsds/services?per_page=50").get_json()
                pages = rng.integers(1, first["total_pages"] + 1, 40)
                urls = [f"/hsds/services?per_page=50&page={page}" for page in pages]
                median, p95 = timed(client, urls)
                row["imported_services"] = first["total_items"]
                row["hsds_page_median_ms"] = round(median, 1)
                row["hsds_page_p95_ms"] = round(p95, 1)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    rows = [run(size, rng) for size in args.sizes]
    header = (
        f"{'orgs':>8}{'CSV MB':>8}{'import s':>10}{'peak MB':>9}{'again s':>9}"
        f"{'HSDS MB':>9}{'import s':>10}{'peak MB':>9}{'again s':>9}"
        f"{'/hsds/services ms':>19}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['organizations']:>8}{row['csv_file_mb']:>8.1f}"
            f"{row['csv_import_s']:>10.1f}{row['csv_peak_mb']:>9}"
            f"{row['csv_reimport_s']:>9.1f}{row['hsds_file_mb']:>9.1f}"
            f"{row['hsds_import_s']:>10.1f}{row['hsds_peak_mb']:>9}"
            f"{row['hsds_reimport_s']:>9.1f}{row['hsds_page_median_ms']:>19.1f}"
        )
    print(
        f"\n{'orgs':>8}{'CSV export s':>14}{'peak MB':>9}{'HSDS export s':>15}"
        f"{'peak MB':>9}"
    )
    for row in rows:
        print(
            f"{row['organizations']:>8}{row['export_csv_s']:>14.1f}"
            f"{row['export_csv_peak_mb']:>9}{row['export_hsds_s']:>15.1f}"
            f"{row['export_hsds_peak_mb']:>9}"
        )
    path = write_results(
        "import",
        target_seconds=TARGET_SECONDS,
        target_peak_mb=TARGET_MB,
        rows=rows,
    )
    print(f"\nWrote {path}")


if __name__ == "__main__":
    main()
