"""The layering rules, read from the code's imports and checked on every module.

geo/, maps/ (and the demo generator) stay free of Flask and SQL; services never
read the request; views never touch the database session; blueprints share code
only through cso_map/web/ and the services, never by importing one another.
Which packages are blueprints, services or web code is derived from the tree.
"""

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
PURE_LAYERS = ("geo", "maps", "demo")


def module_name(path: Path) -> str:
    """Return the dotted name of the file at `path` ("cso_map.web.__init__")."""
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)


def python_files(folder: Path) -> list[Path]:
    """Return the Python files under `folder`, in a stable order."""
    return sorted(folder.glob("**/*.py"))


def binds_blueprint(init_source: str) -> bool:
    """Return whether a package `__init__` binds `bp`: from its views, or its own."""
    for node in ast.parse(init_source).body:
        imports = isinstance(node, ast.ImportFrom) and str(node.module).endswith(
            "views"
        )
        if imports and any(alias.name == "bp" for alias in node.names):
            return True
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            named_bp = any(getattr(t, "id", None) == "bp" for t in node.targets)
            if named_bp and getattr(node.value.func, "id", None) == "Blueprint":
                return True
    return False


def blueprint_packages() -> list[str]:
    """Return the names of the packages of cso_map/ that are blueprints."""
    return sorted(
        init.parent.name
        for init in PACKAGE.glob("*/__init__.py")
        if binds_blueprint(init.read_text(encoding="utf-8"))
    )


BLUEPRINTS = blueprint_packages()


def imported_names(source: str, module: str = "cso_map.module") -> set[str]:
    """Return every name `source` imports or reaches through an imported module.

    `from a import b` gives "a" and "a.b" (b may be a module); relative imports
    are resolved against `module`; `import flask` then `flask.g` gives "flask.g".
    """
    tree = ast.parse(source)
    names, aliases = set(), {}
    package = module.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.add(alias.name)
                aliases[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level] if node.level else []
            origin = ".".join([*base, *([node.module] if node.module else [])])
            names.add(origin)
            names.update(f"{origin}.{alias.name}" for alias in node.names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain = dotted(node)
            root, _, rest = chain.partition(".")
            if root in aliases and rest:
                names.add(f"{aliases[root]}.{rest}")
    return names


def dotted(node: ast.AST) -> str:
    """Return an attribute chain as text ("db.session.get"), or "" if it is not one."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return ".".join([node.id, *reversed(parts)]) if isinstance(node, ast.Name) else ""


def violations(source: str, forbidden, module: str = "cso_map.module") -> set[str]:
    """Return the imports of `source` that `forbidden` rules out (or their children)."""

    def ruled_out(name: str) -> bool:
        return any(name == bad or name.startswith(bad + ".") for bad in forbidden)

    found = {name for name in imported_names(source, module) if ruled_out(name)}
    return {name for name in found if name.rpartition(".")[0] not in found}


def web_or_database_parts() -> list[str]:
    """Return the modules and packages of cso_map/ that use Flask or the database."""
    parts = set()
    for path in python_files(PACKAGE):
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if top in ("__init__", *PURE_LAYERS):
            continue
        if violations(path.read_text(encoding="utf-8"), (*FRAMEWORK, *DATABASE)):
            parts.add(f"cso_map.{top}")
    return sorted(parts)


WEB_AND_SERVICES = web_or_database_parts()
FORBIDDEN = {
    "geo": (*FRAMEWORK, *DATABASE, "folium", "branca", *WEB_AND_SERVICES),
    "maps": (*FRAMEWORK, *DATABASE, *WEB_AND_SERVICES),
    "demo": (*FRAMEWORK, *DATABASE, "folium", *WEB_AND_SERVICES),
}
REQUEST_BOUND = (
    "flask.request",
    "flask.g",
    "flask.session",
    "flask.globals",
    "cso_map.i18n",
    "cso_map.formatting",
    "cso_map.templating",
    "cso_map.web",
    *(f"cso_map.{name}" for name in BLUEPRINTS),
)
DATABASE_SESSION = ("cso_map.extensions.db",)


def touches_the_session(source: str) -> bool:
    """Return whether `source` reads `db.session` (however `db` was reached)."""
    return any(
        isinstance(node, ast.Attribute)
        and (dotted(node) == "db.session" or dotted(node).endswith(".db.session"))
        for node in ast.walk(ast.parse(source))
    )


def defines_routes(source: str) -> bool:
    """Return whether `source` attaches a route to a blueprint (`@bp.get(...)`)."""
    return any(
        isinstance(decorator, ast.Call) and dotted(decorator.func).startswith("bp.")
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
    )


def view_modules() -> list[Path]:
    """Return every views.py, *_views.py and route module (the API's resources)."""
    return [
        path
        for name in BLUEPRINTS
        for path in python_files(PACKAGE / name)
        if path.stem == "views"
        or path.stem.endswith("_views")
        or defines_routes(path.read_text(encoding="utf-8"))
    ]


def view_violations(source: str) -> set[str]:
    """Return how a view's `source` reaches the database session, if it does."""
    found = violations(source, DATABASE_SESSION)
    return found | ({"db.session"} if touches_the_session(source) else set())


def other_blueprints(source: str, module: str) -> set[str]:
    """Return the imports by `module` of blueprint packages other than its own."""
    own = module.split(".")[1]
    others = [f"cso_map.{name}" for name in BLUEPRINTS if name != own]
    return violations(source, others, module)


def found_in(paths, check) -> dict[str, set[str]]:
    """Return what `check(source, module)` finds, by file, for every file with some."""
    return {
        str(path.relative_to(PROJECT_ROOT)): bad
        for path in paths
        if (bad := check(path.read_text(encoding="utf-8"), module_name(path)))
    }


def test_the_checker_catches_a_forbidden_import():
    source = "import numpy\nfrom flask import g\nfrom sqlalchemy.orm import Session\n"
    assert violations(source, FORBIDDEN["geo"]) == {"flask", "sqlalchemy.orm"}


def test_blueprints_and_web_code_are_found_in_the_tree():
    assert binds_blueprint("from .views import bp\n")
    assert binds_blueprint("from cso_map.links.views import bp\n")
    assert binds_blueprint("from flask import Blueprint\nbp = Blueprint('api', 'x')\n")
    assert not binds_blueprint("from cso_map.web.forms import QueryForm\n")
    registered = {
        node.module.split(".")[1]
        for node in ast.walk(ast.parse((PACKAGE / "__init__.py").read_text()))
        if isinstance(node, ast.ImportFrom)
        and any(alias.name == "bp" for alias in node.names)
    }
    assert registered
    assert registered <= set(BLUEPRINTS)
    assert {"cso_map.extensions", "cso_map.models", "cso_map.services"} <= set(
        WEB_AND_SERVICES
    )
    assert {f"cso_map.{name}" for name in BLUEPRINTS} <= set(WEB_AND_SERVICES)


@pytest.mark.parametrize("layer", PURE_LAYERS)
def test_layer_imports_nothing_forbidden(layer):
    files = python_files(PACKAGE / layer)
    assert files
    assert found_in(files, lambda source, _: violations(source, FORBIDDEN[layer])) == {}


def test_the_request_checker_catches_request_bound_imports():
    source = (
        "from flask import current_app, request\n"
        "from flask.globals import g\n"
        "import flask\n"
        "value = flask.session.get('x')\n"
        "from cso_map import formatting\n"
        "from cso_map.i18n import current_language\n"
        "from flask_babel import lazy_gettext\n"
    )
    assert violations(source, REQUEST_BOUND) == {
        "flask.request",
        "flask.globals",
        "flask.session",
        "cso_map.formatting",
        "cso_map.i18n",
    }


def test_services_never_read_the_request():
    files = python_files(PACKAGE / "services")
    assert len(files) > len(list((PACKAGE / "services").glob("*.py")))  # packages too
    found = found_in(
        files, lambda source, module: violations(source, REQUEST_BOUND, module)
    )
    assert found == {}


def test_the_view_checker_catches_the_database_session():
    assert view_violations("from cso_map.extensions import csrf, limiter\n") == set()
    assert view_violations("from cso_map.extensions import db\n") == {
        "cso_map.extensions.db"
    }
    assert view_violations("x = extensions.db.session.get(User, 1)\n") == {"db.session"}
    route = "@bp.get('/')\ndef index():\n    return ''\n"
    assert defines_routes(route)
    assert not defines_routes("def index(): pass\n")


def test_views_never_touch_the_database_session():
    files = view_modules()
    assert PACKAGE / "api" / "coverage.py" in files
    assert found_in(files, lambda source, _: view_violations(source)) == {}


def test_the_blueprint_checker_catches_an_import_of_another_blueprint():
    module = "cso_map.regions.brief_views"
    source = (
        "from cso_map.partners.views import tier_labels\n"
        "from ..mentoring import reasons\n"
        "from cso_map import finder\n"
        "from cso_map.regions.views import bp\n"
        "from .views import bp\n"
        "from cso_map.web.labels import tier_labels\n"
    )
    assert other_blueprints(source, module) == {
        "cso_map.partners.views",
        "cso_map.mentoring",
        "cso_map.finder",
    }


def test_no_blueprint_imports_another():
    files = [path for name in BLUEPRINTS for path in python_files(PACKAGE / name)]
    assert found_in(files, other_blueprints) == {}


def test_shared_and_app_level_code_imports_no_blueprint():
    factory = PACKAGE / "__init__.py"  # it mounts them
    files = python_files(PACKAGE / "web")
    files += [path for path in sorted(PACKAGE.glob("*.py")) if path != factory]
    blueprints = [f"cso_map.{name}" for name in BLUEPRINTS]
    found = found_in(
        files, lambda source, module: violations(source, blueprints, module)
    )
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
        if any(host.encode() in path.read_bytes() for host in hosts)  # icons too
    ]
    assert offenders == []
