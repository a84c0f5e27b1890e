"""The layering rule: geo/ (and the demo generator) stay free of Flask and SQL."""

import ast
from pathlib import Path

import pytest

from cso_map.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "cso_map"
FRAMEWORK = (
    "flask",
    "flask_sqlalchemy",
    "flask_babel",
    "flask_wtf",
    "werkzeug",
    "wtforms",
)
DATABASE = ("sqlalchemy", "alembic", "flask_migrate")
WEB_AND_SERVICES = (
    "cso_map.extensions",
    "cso_map.models",
    "cso_map.services",
    "cso_map.directory",
    "cso_map.finder",
    "cso_map.partners",
    "cso_map.mentoring",
    "cso_map.links",
    "cso_map.accounts",
    "cso_map.editing",
    "cso_map.admin",
    "cso_map.hsds",
    "cso_map.regions",
    "cso_map.api",
    "cso_map.gaps",
    "cso_map.map_pages",
    "cso_map.map_exports",
)
FORBIDDEN = {
    "geo": (*FRAMEWORK, *DATABASE, "folium", "branca", *WEB_AND_SERVICES),
    "maps": (*FRAMEWORK, *DATABASE, *WEB_AND_SERVICES),
    "demo": (*FRAMEWORK, *DATABASE, "folium", *WEB_AND_SERVICES),
}


def imported_modules(source: str) -> set[str]:
    """Return every module name a Python source imports."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def violations(source: str, forbidden: tuple[str, ...]) -> set[str]:
    """Return the imports of `source` that `forbidden` rules out (or their children)."""
    return {
        name
        for name in imported_modules(source)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    }


def test_the_checker_catches_a_forbidden_import():
    source = "import numpy\nfrom flask import g\nfrom sqlalchemy.orm import Session\n"
    assert violations(source, FORBIDDEN["geo"]) == {"flask", "sqlalchemy.orm"}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_forbidden(layer):
    files = sorted((PACKAGE / layer).glob("**/*.py"))
    assert files
    found = {
        str(path.relative_to(PROJECT_ROOT)): bad
        for path in files
        if (bad := violations(path.read_text(encoding="utf-8"), FORBIDDEN[layer]))
    }
    assert found == {}


def test_services_never_read_the_request():
    found = {}
    for path in sorted((PACKAGE / "services").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "flask":
                names = {alias.name for alias in node.names} & {
                    "request",
                    "session",
                    "g",
                }
                if names:
                    found[path.name] = names
    assert found == {}


def test_templates_and_static_reference_no_third_party_host():
    hosts = (
        "cdn.",
        "unpkg.com",
        "googleapis",
        "jsdelivr",
        "cloudflare",
        "bootstrapcdn",
    )
    files = [*Path(PROJECT_ROOT / "templates").rglob("*.html")]
    files += [*Path(PROJECT_ROOT / "static").rglob("*.*")]
    offenders = [
        str(path)
        for path in files
        if any(host in path.read_text(encoding="utf-8") for host in hosts)
    ]
    assert offenders == []
