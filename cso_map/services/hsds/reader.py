"""Reading Open Referral HSDS 3.0 data: a tabular package (zip or folder of CSVs)
or HSDS JSON (a list of nested organizations or services), into our records.

Tables are read one after another, parents first, each row going straight into
the organization record it belongs to, so memory holds the records and not the
tables (an HSDS package of 100k organizations has millions of rows). JSON is
first flattened into the same tables. Terms of our own taxonomies are recognized
by id; other taxonomies' terms reach our service categories through a mapping
table (`cso_map/data/hsds_category_mapping.csv`, or one given on the command
line). A zip is checked in Python before anything in it is read: only HSDS table
names, at most one folder, no links, bounded sizes.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from cso_map.models import Region
from cso_map.services.hsds.reading.builder import RecordBuilder
from cso_map.services.hsds.reading.mapping import read_mapping
from cso_map.services.hsds.reading.tables import hsds_tables


def hsds_records(path: Path, mapping: Path | None, regions: list[Region]) -> list[dict]:
    """Return the organization records of an HSDS package, folder or JSON file."""
    builder = RecordBuilder(read_mapping(mapping), regions)
    with ExitStack() as stack:
        for table, rows in hsds_tables(path, stack):
            builder.take(table, rows)
    return builder.finish()
