"""Public pages set no cookies, load nothing from elsewhere, send protective headers."""

import logging
import re
import runpy

import pytest

from cso_map.config import PROJECT_ROOT

PUBLIC = [
    "/es/",
    "/en/",
    "/es/organizations",
    "/en/organizations?q=legal&service=legal_advice",
    "/es/regions",
    "/es/regions/MX-ZAC",
    "/api/v1/organizations",
    "/api/v1/taxonomy",
    "/es/nowhere",
    "/es/organizations?page=abc",
]


def test_no_public_page_sets_a_cookie(client, directory):
    urls = [
        *PUBLIC,
        f"/es/organizations/{directory['bravo']}",
        f"/api/v1/organizations/{directory['bravo']}",
        "/",
    ]
    for url in urls:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
    assert client.get_cookie("session") is None


@pytest.mark.parametrize("url", PUBLIC)
def test_every_response_has_the_security_headers(client, url):
    headers = client.get(url).headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_pages_load_assets_only_from_the_site_itself(client, directory):
    html = client.get(f"/es/organizations/{directory['bravo']}").get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    own = "http://localhost/"  # the page in each language, by absolute address
    external = [
        s
        for s in sources
        if s.startswith(("http://", "https://", "//")) and not s.startswith(own)
    ]
    assert external == [
        "https://www.wikipedia.org/",
        "https://centro-legal.example.org",
        "https://www.openstreetmap.org/directions?route=%3B36.74000%2C-119.78000",
    ]  # exit, website, directions (links a person follows, not assets)
    assert re.search(r'<link rel="stylesheet" href="/static/css/site.css">', html)


def test_outside_links_do_not_leak_the_referrer(client, directory):
    html = client.get(f"/es/organizations/{directory['bravo']}").get_data(as_text=True)
    for link in re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', html):
        assert (
            'rel="noopener noreferrer"' in link or 'rel="noreferrer noopener"' in link
        ), link


def test_every_public_page_has_an_exit_control(client):
    for url in ("/es/", "/en/organizations", "/es/regions", "/es/nowhere"):
        html = client.get(url).get_data(as_text=True)
        assert "data-exit" in html
        assert "exit.js" in html


def test_organization_text_is_escaped_and_only_web_links_are_links(app, client):
    import datetime as dt

    from cso_map.services.records.seeding import insert_organizations
    from tests.conftest import fixture_records

    record = fixture_records()[2]
    record["name"] = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    record["website"] = "javascript:alert(3)"
    record["description"] = "${alert(4)} `);alert(5);//"
    with app.app_context():
        insert_organizations([record], today=dt.date.today(), is_demo=False)
    html = client.get(f"/es/organizations/{record['id']}").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    listing = client.get("/es/organizations").get_data(as_text=True)
    assert "<script>alert(1)" not in listing


def test_searches_leave_no_trace_in_any_log(client, directory, caplog):
    canary = "canary-zx81-papeles"
    caplog.set_level(logging.DEBUG)
    client.get(f"/es/organizations?q={canary}&region=MX-ZAC")
    client.get(f"/api/v1/organizations?q={canary}", headers={"X-Forwarded-For": canary})
    client.get(f"/es/organizations?q={canary}&page=abc")
    assert canary not in caplog.text
    assert "127.0.0.1" not in caplog.text


def test_the_production_server_keeps_no_access_log():
    config = runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))
    assert config["accesslog"] is None
    assert config["disable_redirect_access_to_syslog"] is True
