"""Uploaded files kept between the dry run and the confirmation of an import.

Each upload is stored under a random token in its own folder, named after its
kind with the suffix that kind allows (never the name the browser sent); folders
older than an hour are removed whenever a new upload arrives.
"""

from __future__ import annotations

import secrets
import shutil
import time
from pathlib import Path
from typing import BinaryIO

from flask_babel import lazy_gettext as _l

from cso_map.services.exchange.uploads import UploadError

LIFETIME_SECONDS = 3600
SUFFIXES = {
    "organizations": (".csv", ".geojson", ".json"),
    "hsds": (".zip", ".json"),
    "regions": (".geojson", ".json", ".gpkg", ".zip"),
    "indicators": (".csv",),
}


def stage_upload(folder: Path, kind: str, filename: str, stream: BinaryIO) -> str:
    """Store an upload of `kind`; return its token."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in SUFFIXES[kind]:
        raise UploadError(
            _l(
                "This kind of import takes %(suffixes)s files",
                suffixes=", ".join(SUFFIXES[kind]),
            )
        )
    remove_expired(folder)
    token = secrets.token_urlsafe(24)
    place = folder / token
    place.mkdir(parents=True)
    with (place / f"{kind}{suffix}").open("wb") as handle:
        shutil.copyfileobj(stream, handle)
    return token


def staged_path(folder: Path, token: str) -> Path | None:
    """Return the stored file of `token` (its stem is its kind), or None if expired."""
    if not token.replace("-", "").replace("_", "").isalnum():
        return None
    place = folder / token
    files = [f for f in place.iterdir() if f.stem in SUFFIXES] if place.is_dir() else []
    if not files or time.time() - files[0].stat().st_mtime > LIFETIME_SECONDS:
        return None
    return files[0]


def discard(folder: Path, token: str) -> None:
    """Remove the stored file of `token`."""
    if staged_path(folder, token) is not None:
        shutil.rmtree(folder / token, ignore_errors=True)


def remove_expired(folder: Path) -> None:
    """Remove uploads older than their lifetime."""
    if not folder.is_dir():
        return
    for place in folder.iterdir():
        if time.time() - place.stat().st_mtime > LIFETIME_SECONDS:
            shutil.rmtree(place, ignore_errors=True)
