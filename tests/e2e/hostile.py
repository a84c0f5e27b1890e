"""security.md's XSS corpus, organizations named with it, and how to see it fire."""

import copy
import uuid

from tests.conftest import fixture_records

# security.md's corpus, each payload setting a marker instead of calling alert().
CORPUS = [
    '<img src=x onerror="window.xssFired=1">',
    "${window.xssFired=2}",
    "\\`);window.xssFired=3;//",
    "</script><script>window.xssFired=4</script>",
    '"><svg onload="window.xssFired=5">',
]
REGION = "MX-ZAC"
REGION_NAME = "".join(CORPUS[i] for i in (0, 1, 2, 4))  # fits the 120-character name


def hostile_records() -> list[dict]:
    """Return copies of a fixture organization named, and with services named, badly."""
    template = next(r for r in fixture_records() if r["key"] == "bravo")
    records = []
    for number, text in enumerate(CORPUS):
        record = copy.deepcopy(template)
        record["id"] = str(uuid.uuid4())
        record["key"] = f"hostile{number}"
        record["name"] = text
        record["description"] = text
        location_id = str(uuid.uuid4())
        record["locations"][0]["id"] = location_id
        record["locations"][0]["lon"] += number * 2.0  # apart, so never grouped
        for service in record["services"]:
            service["id"] = str(uuid.uuid4())
            service["name"] = text
            service["location_ids"] = [location_id]
        records.append(record)
    return records


def fired(page) -> list:
    """Return the markers set in any frame (read, never reset)."""
    return [
        value
        for frame in page.frames
        if (value := frame.evaluate("window.xssFired || 0"))
    ]
