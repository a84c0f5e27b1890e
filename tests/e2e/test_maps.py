"""Maps in Chromium: hostile text never runs, and nothing calls other hosts."""

import copy
import datetime as dt
import uuid

import pytest
from playwright.sync_api import expect

from cso_map.extensions import db
from cso_map.models import Region
from cso_map.services.seeding import insert_organizations
from tests.conftest import fixture_records

pytestmark = pytest.mark.e2e

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


def fired(page) -> list:
    """Return the markers set in any frame (read, never reset)."""
    return [
        value
        for frame in page.frames
        if (value := frame.evaluate("window.xssFired || 0"))
    ]


def map_frame(page):
    """Return the page's map frame once its map script has loaded."""
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_url(lambda url: url.startswith("http"))
    frame.wait_for_function("typeof CSOMap !== 'undefined'")
    return frame


def test_hostile_names_show_as_typed_on_pages_maps_popups_and_tooltips(
    page, live_server, hostile_directory, app
):
    first = hostile_directory[0]
    for path in (
        "/es/organizations?service=legal_advice",
        f"/es/organizations/{first['id']}",
        f"/es/regions/{REGION}",
    ):
        page.goto(live_server + path)
        assert fired(page) == [], path

    page.goto(live_server + "/es/map?service=legal_advice")
    frame = map_frame(page)
    layer = "Object.keys(window).find(k => k.startsWith('points_layer_'))"
    frame.wait_for_function(f"window[{layer}]._data !== undefined")
    for record in hostile_directory:
        frame.evaluate(
            f"id => {{ const l = window[{layer}]; l._open(l._data.ids.indexOf(id)); }}",
            record["id"],
        )
        # The previous popup fades out for a moment: read the newest one.
        expect(frame.locator(".cso-popup strong").last).to_have_text(record["name"])
        expect(frame.locator(".cso-popup p").last).to_contain_text("Asesoría legal")
    assert fired(page) == []

    page.goto(live_server + "/es/gaps?service=legal_advice")
    frame = map_frame(page)
    frame.wait_for_function("Object.keys(window).some(k => k.startsWith('geo_json_'))")
    # Hover the state's inside point, as a person would.
    with app.app_context():
        region = db.session.scalar(db.select(Region).filter_by(code=REGION))
        inside = [region.label_lat, region.label_lon]
    x, y = frame.evaluate(
        """p => {
            const map = window[Object.keys(window).find(k => k.startsWith('map_'))];
            const point = map.latLngToContainerPoint(p);
            return [point.x, point.y];
        }""",
        inside,
    )
    page.locator("iframe").scroll_into_view_if_needed()
    box = page.locator("iframe").bounding_box()
    page.mouse.move(box["x"] + x - 5, box["y"] + y - 5)
    page.mouse.move(box["x"] + x, box["y"] + y, steps=5)
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(REGION_NAME)
    assert fired(page) == []


def test_maps_call_no_one_but_the_app(proxied_page, live_server, app, proxy):
    app.config["TILES"] = "none"
    try:
        for path in ("/es/map", "/es/gaps?service=shelter", "/es/regions/MX-CHP"):
            proxied_page.goto(live_server + path)
            if "iframe" in proxied_page.content():
                map_frame(proxied_page).wait_for_timeout(300)
        assert proxy.page_hosts() == {"127.0.0.1"}
        seen = " ".join(proxy.seen)
        assert "format=points" in seen  # the sandboxed frame's fetch was seen too
        assert "/api/v1/regions" in seen
    finally:
        app.config["TILES"] = "osm"


def test_with_tiles_the_tile_server_is_the_only_other_host(
    proxied_page, live_server, proxy
):
    proxied_page.goto(live_server + "/es/map")
    map_frame(proxied_page).wait_for_timeout(500)
    assert proxy.page_hosts() == {"127.0.0.1", "tile.openstreetmap.org"}


def test_a_region_map_loads_only_when_asked(proxied_page, live_server, proxy):
    proxied_page.goto(live_server + "/es/regions/US-CA")
    assert proxied_page.locator("iframe").count() == 0
    assert "map/frame" not in " ".join(proxy.seen)
    proxied_page.get_by_role("link", name="Mostrar el mapa").click()
    map_frame(proxied_page).wait_for_timeout(300)
    assert "map/frame?region=US-CA" in " ".join(proxy.seen)
