"""Maps in Chromium: hostile text never runs, and nothing calls other hosts."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from cso_map.extensions import db
from cso_map.models import Region
from tests.e2e.hostile import REGION, REGION_NAME, fired

pytestmark = pytest.mark.e2e


def map_frame(page):
    """Return the page's map frame once its map script has loaded."""
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_url(lambda url: url.startswith("http"))
    frame.wait_for_function("typeof CSOMap !== 'undefined'")
    return frame


def points_frame(page, layer):
    """Return the map frame once its points have loaded, reloading the page once.

    Under a full parallel run on PostgreSQL the points request has been seen to
    get no answer for a minute (cause not found; see the closing notes): the
    requests made are printed, and a second load must succeed.
    """
    frame = map_frame(page)
    try:
        frame.wait_for_function(f"window[{layer}]._data !== undefined", timeout=45_000)
    except PlaywrightTimeout:
        print("points not loaded; requests:", page.requests)
        page.reload()
        frame = map_frame(page)
        frame.wait_for_function(f"window[{layer}]._data !== undefined", timeout=60_000)
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
    layer = "Object.keys(window).find(k => k.startsWith('points_layer_'))"
    frame = points_frame(page, layer)
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
    page.locator("iframe").scroll_into_view_if_needed()
    # Measure only once the map has stopped moving (fitting its bounds animates).
    the_map = "window[Object.keys(window).find(k => k.startsWith('map_'))]"
    frame.wait_for_function(
        f"() => {{ const m = {the_map}; return m && !m._animatingZoom"
        " && !(m._panAnim && m._panAnim._inProgress); }"
    )
    x, y = frame.evaluate(
        f"p => {{ const point = {the_map}.latLngToContainerPoint(p);"
        " return [point.x, point.y]; }",
        inside,
    )
    # Hover through the map element, which Playwright places where it is at that
    # moment (the page may still shift as it loads; fixed page coordinates would not).
    the_map_element = frame.locator(".folium-map")
    the_map_element.hover(position={"x": x - 5, "y": y - 5})
    the_map_element.hover(position={"x": x, "y": y})
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
