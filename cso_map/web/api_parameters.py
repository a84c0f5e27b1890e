"""Query parameters of the JSON APIs (/api/v1 and /hsds): check them (a 400 naming
each bad one) and declare them to the OpenAPI document."""

from __future__ import annotations

from cso_map.errors import InvalidParameters


def validated(form):
    """Return `form` if it validates, else raise a 400 naming each bad parameter."""
    if not form.validate():
        raise InvalidParameters(form.errors_by_field())
    return form


def takes(form_class, not_found: bool = False):
    """Mark a view as reading its query string with `form_class` (and, with
    `not_found`, as answering 404 when a parameter names nothing)."""

    def mark(view):
        view.query_form = form_class
        view.not_found = not_found
        return view

    return mark
