"""The tables of an HSDS package (zip or folder) or JSON file, in reading order.

A zip is checked in Python before anything in it is read: only HSDS table
names, at most one folder, no links, bounded sizes.
"""

from __future__ import annotations

import csv
import io
import operator
import stat
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING

from flask_babel import lazy_gettext as _l

from cso_map.services.exchange.uploads import UploadError
from cso_map.services.hsds.reading.json_tables import json_tables
from cso_map.services.records import cells as cell
from cso_map.services.records.text_files import not_utf8

if TYPE_CHECKING:
    from flask_babel.speaklater import LazyString

HSDS_TABLES = (
    "organizations",
    "programs",
    "services",
    "attributes",
    "service_at_location",
    "locations",
    "phones",
    "contacts",
    "addresses",
    "schedules",
    "funding",
    "service_areas",
    "required_documents",
    "languages",
    "accessibility",
    "taxonomy_terms",
    "metadata",
    "meta_table_descriptions",
    "cost_options",
    "organization_identifiers",
    "taxonomies",
)
# The tables we read, parents before children; attributes last (they point at all).
READ_ORDER = (
    "taxonomies",
    "taxonomy_terms",
    "organizations",
    "locations",
    "addresses",
    "services",
    "phones",
    "languages",
    "schedules",
    "service_areas",
    "service_at_location",
    "attributes",
)


ATTRIBUTE_COLUMNS = ("link_id", "taxonomy_term_id", "value")
MAX_MEMBERS = len(HSDS_TABLES) + 1


MAX_UNCOMPRESSED = 2 * 1024 * 1024 * 1024


Rows = Iterable[tuple[object, dict]]


def hsds_tables(path: Path, stack: ExitStack) -> Iterator[tuple[str, Rows]]:
    """Yield each HSDS table of a zip, folder or JSON file, in READ_ORDER."""
    suffix = path.suffix.lower()
    if path.is_dir():
        files = {f"{table}.csv": path / f"{table}.csv" for table in READ_ORDER}
        if not files["organizations.csv"].is_file():
            raise UploadError(_l("the package has no organizations.csv"))
        for name, file in files.items():
            if file.is_file():
                handle = stack.enter_context(file.open("rb"))
                table = name.removesuffix(".csv")
                yield table, _csv_rows(handle, name, table)
    elif suffix == ".zip":
        archive = stack.enter_context(_checked_zip(path))
        members = {info.filename.split("/")[-1]: info for info in archive.infolist()}
        if "organizations.csv" not in members:
            raise UploadError(_l("the package has no organizations.csv"))
        for table in READ_ORDER:
            if f"{table}.csv" in members:
                handle = stack.enter_context(archive.open(members[f"{table}.csv"]))
                yield table, _csv_rows(handle, f"{table}.csv", table)
    elif suffix == ".json":
        tables = json_tables(path)
        for table in READ_ORDER:
            rows = tables[table].values()
            if table == "attributes":
                rows = (
                    (where, tuple(row.get(c) for c in ATTRIBUTE_COLUMNS))
                    for where, row in rows
                )
            yield table, rows
    else:
        raise UploadError(
            _l("%(name)s: use an HSDS .zip, a folder or a .json file", name=path.name)
        )


def _checked_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip whose members are only HSDS tables (and datapackage.json)."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UploadError(_l("%(name)s is not a zip file", name=path.name)) from error
    members = archive.infolist()
    problem = None
    if not members or len(members) > MAX_MEMBERS + 1:
        problem = _l("%(name)s: too many files for an HSDS package", name=path.name)
    elif sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
        problem = _l("%(name)s: the files inside are too large", name=path.name)
    for member in members:
        if problem:
            break
        problem = _member_problem(path.name, member)
    if problem:
        archive.close()
        raise UploadError(problem)
    return archive


def _member_problem(name: str, member: zipfile.ZipInfo) -> LazyString | None:
    """Return why a zip member is refused, or None."""
    parts = member.filename.rstrip("/").split("/")
    if (
        len(parts) > 2
        or "\\" in member.filename
        or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
        or stat.S_ISLNK(member.external_attr >> 16)
    ):
        return _l(
            "%(name)s: %(member)r is not allowed in a package",
            name=name,
            member=member.filename,
        )
    if member.is_dir() or parts[-1] == "datapackage.json":
        return None
    if parts[-1].removesuffix(".csv") not in HSDS_TABLES or not parts[-1].endswith(
        ".csv"
    ):
        return _l(
            "%(name)s: %(member)r is not an HSDS table",
            name=name,
            member=member.filename,
        )
    return None


def _csv_rows(
    handle: IO[bytes], name: str, table: str
) -> Iterator[tuple[object, object]]:
    """Yield (place, row) of a UTF-8 CSV stream, refusing other encodings.

    The place is one object for the whole file that reads the current line when
    shown (rows are read one at a time); an attribute row is only (link_id,
    taxonomy_term_id, value): there are millions.
    """
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [column.strip() for column in next(reader, [])]
        if "id" not in header:
            raise UploadError(
                _l("%(name)s: missing columns: %(columns)s", name=name, columns="id")
            )
        place = cell.LinePlace(name, reader)
        if table == "attributes":
            indexes = [
                header.index(c) if c in header else None for c in ATTRIBUTE_COLUMNS
            ]
            if None not in indexes:
                pick = operator.itemgetter(*indexes)
                for values in reader:
                    yield place, pick(values)
                return
            for values in reader:
                row = dict(zip(header, values, strict=False))
                yield place, tuple(row.get(c) for c in ATTRIBUTE_COLUMNS)
            return
        for values in reader:
            yield place, dict(zip(header, values, strict=False))
    except UnicodeDecodeError as error:
        raise UploadError(not_utf8(name)) from error
    except (csv.Error, IndexError) as error:
        raise UploadError(
            _l("%(name)s is not valid CSV: %(error)s", name=name, error=str(error))
        ) from error
    finally:
        text.close()  # and the file under it, as soon as its table is read
