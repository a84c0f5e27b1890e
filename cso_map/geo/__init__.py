"""Pure spatial analysis on shapely/geopandas objects and numpy arrays.

Import rule (checked by tests/test_layering.py): modules here may import geopandas,
shapely, pyproj, numpy, pandas and libpysal, and never flask, sqlalchemy, folium or
anything of the web and service layers. Coordinates are WGS84 lon/lat degrees.
"""
