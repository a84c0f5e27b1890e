"""A map's own page states its language and title and lets people zoom (no app)."""

from cso_map.maps.assets import MapAssets
from cso_map.maps.base import base_map
from cso_map.maps.page import LOCKED_ZOOM, map_page_html
from cso_map.maps.tiles import Tiles

ASSETS = MapAssets(scripts=("/vendor/leaflet.js",), styles=())


def test_the_page_has_language_title_heading_and_landmark():
    figure_map = base_map(ASSETS, Tiles(None), ((0.0, 0.0), (2.0, 2.0)))
    html = map_page_html(figure_map, "es", "Mapa <b>1</b> · CSO Map")
    assert html.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert "<title>Mapa &lt;b&gt;1&lt;/b&gt; · CSO Map</title>" in html
    assert '<h1 class="map-title">Mapa &lt;b&gt;1&lt;/b&gt; · CSO Map</h1>' in html
    assert html.index('<main class="map-page">') < html.index('class="folium-map"')


def test_the_page_lets_people_zoom_where_folium_would_not():
    figure_map = base_map(ASSETS, Tiles(None), ((0.0, 0.0), (2.0, 2.0)))
    assert LOCKED_ZOOM in figure_map.get_root().render()  # folium's own page
    html = map_page_html(figure_map, "en", "Map")
    assert "user-scalable" not in html
    assert '<meta name="viewport" content="width=device-width,' in html
