"""Reading imported text files: UTF-8 only, CSV rows with their columns checked."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l

from cso_map.services.exchange.uploads import UploadError

if TYPE_CHECKING:
    from flask_babel.speaklater import LazyString


def not_utf8(name: str) -> LazyString:
    """Return the message for a file that is not UTF-8 text."""
    return _l(
        "%(name)s is not UTF-8 text (it may be Latin-1 or Windows-1252): "
        "save it as “CSV UTF-8” and try again",
        name=name,
    )


def decode_text(raw: bytes, name: str) -> str:
    """Return UTF-8 text (a byte-order mark is allowed), refusing other encodings."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError(not_utf8(name)) from error


def csv_rows(
    text: str, name: str, required: tuple[str, ...], known: tuple[str, ...] = ()
) -> list[dict]:
    """Return the rows of CSV text, refusing missing (and unknown) columns."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [column.strip() for column in reader.fieldnames or []]
    reader.fieldnames = columns
    missing = [column for column in required if column not in columns]
    if missing:
        raise UploadError(
            _l(
                "%(name)s: missing columns: %(columns)s",
                name=name,
                columns=", ".join(missing),
            )
        )
    unknown = [column for column in columns if known and column not in known]
    if unknown:
        raise UploadError(
            _l(
                "%(name)s: unknown columns: %(columns)s",
                name=name,
                columns=", ".join(unknown),
            )
        )
    try:
        return [
            {
                key: (value or "").strip()
                for key, value in row.items()
                if key is not None
            }
            for row in reader
        ]
    except csv.Error as error:
        raise UploadError(
            _l("%(name)s is not valid CSV: %(error)s", name=name, error=str(error))
        ) from error


def read_csv_file(
    path: Path, required: tuple[str, ...], known: tuple[str, ...] = ()
) -> list[dict]:
    """Return the rows of a UTF-8 CSV file (see `csv_rows`)."""
    return csv_rows(
        decode_text(path.read_bytes(), path.name), path.name, required, known
    )
