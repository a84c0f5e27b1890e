"""The folded text each organization is searched by."""

from __future__ import annotations

from collections.abc import Iterable

from cso_map.text import fold


def organization_search_text(
    name: str,
    alternate_name: str | None,
    description: str | None,
    service_names: Iterable[str | None],
    cities: Iterable[str | None],
) -> str:
    """Return the searchable text of an organization, folded for accent-free matching.

    Cities are left out by the caller for organizations that hide their location, so
    that a search by town cannot reveal where they are.
    """
    parts = [name, alternate_name, description, *service_names, *cities]
    return fold(" ".join(part for part in parts if part))
