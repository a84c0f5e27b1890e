"""Folium map builders from plain data, and the one safe-text helper for map text.

Import rule (checked by tests/test_layering.py): modules here may import folium,
branca, mapclassify, numpy and cso_map.geo, and never flask, sqlalchemy or the web
and service layers. Text and URLs come in already translated and built.
"""
