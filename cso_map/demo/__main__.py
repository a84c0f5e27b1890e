"""Rewrite the committed demo files: python -m cso_map.demo [OUTPUT_DIR]."""

import csv
import json
import sys
from pathlib import Path

from cso_map.config import PROJECT_ROOT
from cso_map.demo.indicators import INDICATOR_FIELDS, generate_indicators
from cso_map.demo.organizations import generate_organizations

DEMO_SEED = 2026
DEMO_COUNT = 480


def write_demo_files(directory: Path) -> None:
    """Write organizations.json and indicators.csv for the fixed demo seed."""
    directory.mkdir(parents=True, exist_ok=True)
    records = generate_organizations(DEMO_COUNT, seed=DEMO_SEED)
    with (directory / "organizations.json").open("w", encoding="utf-8") as handle:
        json.dump(records, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    with (directory / "indicators.csv").open(
        "w", encoding="utf-8", newline=""
    ) as handle:
        writer = csv.DictWriter(
            handle, fieldnames=INDICATOR_FIELDS, lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(generate_indicators(seed=DEMO_SEED))


if __name__ == "__main__":
    write_demo_files(
        Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_ROOT / "seed_data"
    )
