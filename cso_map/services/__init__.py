"""Use cases: the only code that touches both `db.session` and `geo/`.

Functions here take plain values (codes, ids, dataclasses), never Flask's `request`,
`session` or `g`, and return models or dataclasses the web layer renders.
"""
