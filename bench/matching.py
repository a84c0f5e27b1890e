"""Likely-partner rankings and mentoring suggestions at 10k and 100k organizations.

Run: make bench, or PYTHONPATH=. .venv/bin/python bench/matching.py [--sizes N ...]
Prints a table and writes bench/results/matching.json. Targets (issue 5), at 100k:
partner ranking for a state and a service under 200 ms; mentoring suggestions for
one organization under 500 ms.

Both run on the app's snapshot over SQLite holding the demo generator's
organizations (snapshot already built, as in a running app). Baselines, in the same
run, are the same code without pruning (`prune=False`): partners with every
service's distance to the state measured; mentoring with the organization scored
against every other one (no opt-in, capacity-band or distance pruning: an all-pairs
scan for one organization). Ratios are baseline time / our time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import numpy as np

from bench._setup import demo_app, write_results

TARGET_PARTNERS_MS = 200.0
TARGET_MENTORING_MS = 500.0
QUESTIONS = 20


def timed(function, arguments: list) -> float:
    """Return the median ms of `function(*a)` over `arguments` (after one warm-up)."""
    function(*arguments[0])
    samples = []
    for args in arguments:
        start = time.perf_counter()
        function(*args)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(organizations: int, rng) -> dict:
    """Time both rankings and their baselines on a fresh SQLite database."""
    from cso_map.demo.organizations import generate_organizations
    from cso_map.extensions import db
    from cso_map.services.matching.mentoring import mentoring_suggestions
    from cso_map.services.matching.partners import PartnerQuery, likely_partners
    from cso_map.services.snapshot.build import directory_snapshot
    from cso_map.taxonomy import SERVICE_CATEGORIES
    from cso_map.web.policy import coverage_policy

    with tempfile.TemporaryDirectory() as workdir:
        app, _loaded = demo_app(
            f"sqlite:///{workdir}/matching.sqlite3",
            generate_organizations(organizations, seed=7),
        )
        with app.app_context():
            snapshot = directory_snapshot()
            states = snapshot.regions["code"].to_numpy()
            codes = SERVICE_CATEGORIES.codes()
            questions = [
                (str(rng.choice(states)), codes[int(rng.integers(len(codes)))])
                for _ in range(QUESTIONS)
            ]
            frame = snapshot.organizations
            seekers = frame.loc[frame["seeking_mentor"], "id"].to_numpy()
            chosen = [(str(rng.choice(seekers)),) for _ in range(QUESTIONS)]
            policy = coverage_policy()
            mentoring_suggestions(chosen[0][0], "mentee", policy)  # gap tables, once
            result = {
                "organizations": len(frame),
                "services": len(snapshot.services),
                "partners_ms": timed(
                    lambda r, s: likely_partners(PartnerQuery(r, (s,)), policy),
                    questions,
                ),
                "partners_baseline_ms": timed(
                    lambda r, s: likely_partners(
                        PartnerQuery(r, (s,)), policy, prune=False
                    ),
                    questions,
                ),
                "mentoring_ms": timed(
                    lambda o: mentoring_suggestions(o, "mentee", policy), chosen
                ),
                "mentoring_baseline_ms": timed(
                    lambda o: mentoring_suggestions(o, "mentee", policy, prune=False),
                    chosen,
                ),
            }
            db.engine.dispose()
    for name in ("partners", "mentoring"):
        result[f"{name}_ratio"] = result[f"{name}_baseline_ms"] / result[f"{name}_ms"]
    return {key: round(value, 2) for key, value in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    rows = [{"generated": size, **run(size, rng)} for size in args.sizes]
    header = (
        f"{'orgs':>8}{'services':>10}{'partners ms':>13}{'all-scan ms':>13}{'x':>6}"
        f"{'mentoring ms':>14}{'all-pairs ms':>14}{'x':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['organizations']:>8.0f}{row['services']:>10.0f}"
            f"{row['partners_ms']:>13.1f}{row['partners_baseline_ms']:>13.1f}"
            f"{row['partners_ratio']:>6.1f}{row['mentoring_ms']:>14.1f}"
            f"{row['mentoring_baseline_ms']:>14.1f}{row['mentoring_ratio']:>6.1f}"
        )
    print(
        f"\nTargets at 100k: partners under {TARGET_PARTNERS_MS:.0f} ms, "
        f"mentoring under {TARGET_MENTORING_MS:.0f} ms (median of {QUESTIONS})."
    )
    write_results("matching", results=rows)


if __name__ == "__main__":
    main()
