"""Small modules and functions: no module over 300 lines (pure data excepted), no
function over 60 lines unless the comment above it says why."""

import ast
from pathlib import Path

from cso_map.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "cso_map"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
WHY_LONG = "# Long:"


def is_pure_data(tree: ast.Module) -> bool:
    """Return whether a module holds only imports, constants and its docstring."""
    return all(
        isinstance(node, ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign)
        or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        for node in tree.body
    )


def long_functions(source: str) -> list[str]:
    """Return the functions of `source` over the limit with no comment saying why."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - node.lineno + 1
            explained = first > 1 and lines[first - 2].strip().startswith(WHY_LONG)
            if length > MAX_FUNCTION_LINES and not explained:
                found.append(f"{node.name} ({length} lines)")
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_checks_catch_what_they_look_for():
    body = "\n".join(f"    x = {n}" for n in range(MAX_FUNCTION_LINES))
    assert long_functions(f"def f():\n{body}\n") == ["f (61 lines)"]
    assert long_functions(f"{WHY_LONG} a table\ndef f():\n{body}\n") == []
    assert is_pure_data(ast.parse('"""Words."""\nA = 1\nB: int = 2\n'))
    assert not is_pure_data(ast.parse("A = 1\ndef f():\n    pass\n"))


def test_no_module_is_over_the_limit_unless_it_is_pure_data():
    found = {}
    for path in modules():
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES and not is_pure_data(ast.parse(source)):
            found[str(path.relative_to(PROJECT_ROOT))] = lines
    assert found == {}


def test_no_function_is_over_the_limit_without_a_reason():
    found = {
        str(path.relative_to(PROJECT_ROOT)): long
        for path in modules()
        if (long := long_functions(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(
    source: str, name: str, is_package: bool, known: set[str]
) -> set[str]:
    """Return the modules of `known` a module imports when it is loaded: its
    top-level imports (not those under `if TYPE_CHECKING:`); `from package import
    module` counts as importing that module only."""
    found = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative to the package (`name` is one if __init__)
                package = name.split(".")
                package = package[: len(package) - node.level + is_package]
                base = ".".join([*package, node.module])
            modules = {f"{base}.{alias.name}" for alias in node.names} & known
            found.update(modules or {base})
    return (found & known) - {name}


def import_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one cycle of the import graph (as a path of modules), or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state and (cycle := visit(other)):
                return cycle
        state[module] = 2
        path.pop()
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def late_imports(source: str) -> list[int]:
    """Return the lines of imports inside functions that give no reason (`# here:`)."""
    lines = source.splitlines()
    return [
        node.lineno
        for function in ast.walk(ast.parse(source))
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and "# here:" not in lines[node.lineno - 1]
    ]


def test_the_cycle_and_late_import_checks_catch_them():
    assert import_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert import_cycle({"a": {"b"}, "b": set()}) is None
    known = {"cso_map.a", "cso_map.a.b", "cso_map.c"}
    source = "from cso_map.a import b\nfrom cso_map.c import name\n"
    assert runtime_imports(source, "cso_map.z", False, known) == {
        "cso_map.a.b",
        "cso_map.c",
    }
    typed = "if TYPE_CHECKING:\n    from cso_map.c import name\n"
    assert runtime_imports(typed, "cso_map.z", False, known) == set()
    assert late_imports("def f():\n    import json\n") == [2]
    assert late_imports("def f():\n    import scipy  # here: slow\n") == []


def test_no_runtime_import_cycle():
    paths = {module_name(path): path for path in modules()}
    known = set(paths)
    graph = {
        name: runtime_imports(
            path.read_text(encoding="utf-8"), name, path.name == "__init__.py", known
        )
        for name, path in paths.items()
    }
    assert import_cycle(graph) is None


def test_no_import_is_placed_in_a_function_without_a_reason():
    factory = PACKAGE / "__init__.py"  # create_app's steps import what they mount
    found = {
        str(path.relative_to(PROJECT_ROOT)): lines
        for path in modules()
        if path != factory and (lines := late_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}
