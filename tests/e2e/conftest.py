"""A live server and Debian's Chromium, driven by Playwright."""

import datetime as dt
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.records.seeding import insert_organizations
from tests.conftest import skip_or_fail
from tests.e2e.hostile import REGION, REGION_NAME, hostile_records

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright():
    """Start Playwright once per session (its sync API cannot be nested)."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    """Yield Debian's headless Chromium (Playwright's own download cannot work here)."""
    instance = playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
    )
    yield instance
    instance.close()


@pytest.fixture
def live_server(app, directory):
    """Serve the app (over the fixture directory) on a free loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture
def page(browser, live_server):
    """Yield a fresh page in a fresh context that records every request it makes."""
    context = browser.new_context(
        locale="es-MX", viewport={"width": 360, "height": 740}
    )
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def proxy():
    """Run a recording proxy on loopback for the module's browser."""
    from tests.e2e.proxy import RecordingProxy

    server = RecordingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def proxied_browser(playwright, proxy):
    """Yield a Chromium whose every request, loopback included, goes via `proxy`."""
    address = f"http://127.0.0.1:{proxy.server_address[1]}"
    instance = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[
            *CHROMIUM_FLAGS,
            f"--proxy-server={address}",
            "--proxy-bypass-list=<-loopback>",
        ],
    )
    yield instance
    instance.close()


@pytest.fixture
def proxied_page(proxied_browser, live_server, proxy):
    """Yield a fresh page whose requests the proxy records (from a clean slate)."""
    context = proxied_browser.new_context(
        locale="es-MX", viewport={"width": 1000, "height": 800}
    )
    proxy.seen.clear()
    yield context.new_page()
    context.close()


@pytest.fixture
def hostile_directory(app, directory):
    """Add hostile organizations and give a state a hostile name, then restore it."""
    records = hostile_records()
    with app.app_context():
        insert_organizations(records, today=dt.date.today(), is_demo=False)
        region = db.session.scalar(db.select(Region).filter_by(code=REGION))
        names = region.name_en, region.name_es
        region.name_en = region.name_es = REGION_NAME
        db.session.commit()
    yield records
    with app.app_context():
        region = db.session.scalar(db.select(Region).filter_by(code=REGION))
        region.name_en, region.name_es = names
        db.session.commit()
