"""Fictional demo data: libpysal regions, GeoNames places, generated organizations.

Nothing here touches Flask or the database: it produces plain records that
`cso_map.services.records.seeding` loads. `python -m cso_map.demo` rewrites the
committed files in seed_data/ (see seed_data/README.md for provenance).
"""
