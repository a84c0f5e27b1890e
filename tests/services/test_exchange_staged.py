"""Staged uploads: stored under a random token with the kind's own name, for an hour."""

import io
import os
import time

import pytest

from cso_map.services.exchange.staged import (
    LIFETIME_SECONDS,
    discard,
    remove_expired,
    stage_upload,
    staged_path,
)
from cso_map.services.exchange.uploads import UploadError


def age(path, seconds):
    """Make `path` look `seconds` old."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_an_upload_is_stored_under_its_kind_not_the_browsers_name(tmp_path):
    token = stage_upload(
        tmp_path, "regions", "../../Evil Name.GeoJSON", io.BytesIO(b"{}")
    )
    path = staged_path(tmp_path, token)
    assert path == tmp_path / token / "regions.geojson"
    assert path.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == [token]


def test_tokens_differ_between_uploads(tmp_path):
    first = stage_upload(tmp_path, "indicators", "a.csv", io.BytesIO(b"x"))
    second = stage_upload(tmp_path, "indicators", "a.csv", io.BytesIO(b"x"))
    assert first != second
    assert len(first) >= 32


@pytest.mark.parametrize(
    ("kind", "filename"),
    [
        ("indicators", "rows.xlsx"),
        ("organizations", "data.zip"),
        ("hsds", "x"),
        ("regions", ""),
    ],
)
def test_a_suffix_the_kind_does_not_take_is_refused(tmp_path, kind, filename):
    with pytest.raises(UploadError, match="This kind of import takes"):
        stage_upload(tmp_path, kind, filename, io.BytesIO(b"x"))
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_the_message_lists_the_suffixes_allowed(tmp_path):
    with pytest.raises(UploadError) as refused:
        stage_upload(tmp_path, "hsds", "x.csv", io.BytesIO(b"x"))
    assert str(refused.value) == "This kind of import takes .zip, .json files"


@pytest.mark.parametrize("token", ["../etc", "a/b", "a.b", "", "  "])
def test_a_token_with_other_characters_names_nothing(tmp_path, token):
    assert staged_path(tmp_path, token) is None


def test_an_unknown_token_names_nothing(tmp_path):
    assert staged_path(tmp_path, "no-such_token") is None


def test_an_upload_older_than_its_lifetime_is_expired(tmp_path):
    token = stage_upload(tmp_path, "organizations", "x.csv", io.BytesIO(b"x"))
    path = staged_path(tmp_path, token)
    age(path, LIFETIME_SECONDS - 60)
    assert staged_path(tmp_path, token) == path
    age(path, LIFETIME_SECONDS + 60)
    assert staged_path(tmp_path, token) is None


def test_a_folder_without_a_kinds_file_names_nothing(tmp_path):
    (tmp_path / "token1").mkdir()
    (tmp_path / "token1" / "other.csv").write_text("x")
    assert staged_path(tmp_path, "token1") is None


def test_a_new_upload_removes_the_expired_ones(tmp_path):
    old = stage_upload(tmp_path, "regions", "a.json", io.BytesIO(b"1"))
    kept = stage_upload(tmp_path, "regions", "b.json", io.BytesIO(b"2"))
    age(tmp_path / old, LIFETIME_SECONDS + 1)
    new = stage_upload(tmp_path, "regions", "c.json", io.BytesIO(b"3"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept, new])


def test_removing_expired_uploads_of_a_missing_folder_does_nothing(tmp_path):
    remove_expired(tmp_path / "absent")
    assert not (tmp_path / "absent").exists()


def test_discard_removes_the_upload_and_only_it(tmp_path):
    gone = stage_upload(tmp_path, "hsds", "p.zip", io.BytesIO(b"1"))
    kept = stage_upload(tmp_path, "hsds", "p.zip", io.BytesIO(b"2"))
    discard(tmp_path, gone)
    assert staged_path(tmp_path, gone) is None
    assert [p.name for p in tmp_path.iterdir()] == [kept]
    discard(tmp_path, "../" + kept)  # not a token: nothing happens
    assert staged_path(tmp_path, kept) is not None
