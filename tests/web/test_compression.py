"""Pages travel compressed to visitors without an account, and stay light."""

import json
import re
from html import unescape

import brotli
import pytest

HOME = "/es/"
FINDER_RESULTS = "/es/find?need=legal_advice&place=Fresno"
DIRECTORY = "/es/organizations"
GAPS = "/es/gaps?service=legal_advice"
BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends

ASSETS = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(/(?:static|vendor)/[^"]+)"')
FRAMES = re.compile(r'<iframe src="([^"]+)"')
POINTS = re.compile(r'"url":"(/api/v1/organizations\?format=points[^"]*)"')


def transferred(client, url: str) -> tuple[int, str]:
    """Return the bytes sent for `url` (compressed as a browser asks) and its text."""
    response = client.get(url, headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200, url
    body = response.get_data()
    response.close()
    assert int(response.headers["Content-Length"]) == len(body), url
    text = ""
    if response.mimetype == "text/html":
        assert response.headers["Content-Encoding"] in ("zstd", "br"), url
        text = decoded(client, url)
    return len(body), text


def decoded(client, url: str) -> str:
    """Return the text of `url`, asked for as brotli and decompressed here."""
    response = client.get(url, headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    return brotli.decompress(response.get_data()).decode()


def page_weight(client, url: str) -> int:
    """Return the bytes a visit to `url` moves: the page, its assets, its map frame
    with the frame's own assets, and the points the map asks for."""
    size, html = transferred(client, url)
    assets = set(ASSETS.findall(html))
    for frame in FRAMES.findall(html):
        frame_size, frame_html = transferred(client, unescape(frame))
        size += frame_size
        assets |= set(ASSETS.findall(frame_html))
        for points in POINTS.findall(frame_html):
            size += transferred(client, json.loads(f'"{points}"'))[0]
    return size + sum(transferred(client, asset)[0] for asset in assets)


@pytest.mark.parametrize(
    ("url", "limit"),
    [(HOME, 40_000), (FINDER_RESULTS, 40_000), (DIRECTORY, 40_000), (GAPS, 250_000)],
)
def test_pages_weigh_less_than_their_budget(client, directory, url, limit):
    assert page_weight(client, url) < limit


def test_the_gaps_page_counts_its_map_and_the_map_is_most_of_it(client, directory):
    _size, html = transferred(client, GAPS)
    assert len(FRAMES.findall(html)) == 1
    assert page_weight(client, GAPS) > 100_000  # the states' outlines are counted


@pytest.mark.parametrize("encoding", ["gzip", "br", "zstd"])
def test_html_json_css_and_scripts_are_compressed(client, directory, encoding):
    urls = [
        HOME,
        "/api/v1/taxonomy",
        "/static/css/site.css",
        "/vendor/leaflet/leaflet.js",
    ]
    for url in urls:
        with client.get(url, headers={"Accept-Encoding": "identity"}) as response:
            plain = response.get_data()
        with client.get(url, headers={"Accept-Encoding": encoding}) as response:
            assert response.headers.get("Content-Encoding") == encoding, url
            body = response.get_data()
            assert int(response.headers["Content-Length"]) == len(body), url
            assert len(body) < len(plain) / 2, url
            assert "Accept-Encoding" in response.headers["Vary"], url


def test_a_request_with_a_cookie_gets_its_page_uncompressed(client, directory):
    # Pages of accounts hold CSRF tokens: compressed next to reflected text they
    # would leak through their length (BREACH). Only accounts send cookies.
    client.set_cookie("session", "anything")
    response = client.get(DIRECTORY + "?q=token", headers={"Accept-Encoding": BROWSER})
    assert "Content-Encoding" not in response.headers
    assert b"<html" in response.get_data()


def test_without_accept_encoding_pages_come_plain(client, directory):
    response = client.get(HOME)
    assert "Content-Encoding" not in response.headers
    assert response.get_data().startswith(b"<!doctype html>")
