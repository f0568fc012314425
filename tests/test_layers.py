"""The package's layers: every import goes down the pipeline, and none goes round.

The layers are those of docs/architecture.rst.  A module imports only from
its own layer or those below; imports inside one layer form no cycle; no
module imports archivedoc inside a function (the one way to hide a cycle),
except the optional Hypothesis strategies.  Imports under ``TYPE_CHECKING``
never run and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Bottom to top.  A module belongs to the layer of its longest prefix here.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("errors", ("archivedoc._errors", "archivedoc._naming")),
    (
        "grammar",
        (
            "archivedoc._grammar",
            "archivedoc._grammar_build",
            "archivedoc._grammar_regex",
            "archivedoc._grammar_cache",
            "archivedoc.grammar",
        ),
    ),
    ("readers", ("archivedoc._readers",)),
    ("model", ("archivedoc._model", "archivedoc._dialect", "archivedoc.model")),
    ("documents", ("archivedoc._io",)),
    ("api", ("archivedoc",)),
    ("dialects", ("archivedoc.dialects", "archivedoc.strategies")),
    (
        "edge",
        (
            "archivedoc._cli",
            "archivedoc.__main__",
            "archivedoc.export",
            "archivedoc.batch",
            "archivedoc._commands",
            "archivedoc._formats",
            "archivedoc._pool",
            "archivedoc._sources",
            "archivedoc._stats",
            "archivedoc._tasks",
            "archivedoc.pdf",
            "archivedoc._pdf_layout",
        ),
    ),
]

#: Imported inside functions on purpose: it needs the optional Hypothesis.
LAZY_OK = {"archivedoc.strategies"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "archivedoc").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def layer(module: str) -> int:
    best, rank = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    if rank < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS and the docs")
    return rank


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The archivedoc modules an import statement loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if MODULES[module].name != "__init__.py":
                package.pop()
            base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
        submodules = [f"{base}.{alias.name}" for alias in node.names]
        names = [name for name in submodules if name in MODULES]
        if len(names) < len(submodules):  # some names are attributes of ``base`` itself
            names.append(base)
    return [name for name in names if name == "archivedoc" or name.startswith("archivedoc.")]


def imports(module: str) -> tuple[set[str], set[str]]:
    """(modules imported when ``module`` runs, those imported inside its functions)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    eager: set[str] = set()
    lazy: set[str] = set()

    def walk(node: ast.AST, in_function: bool) -> None:
        for item in ast.iter_child_nodes(node):
            if isinstance(item, ast.If) and _is_type_checking(item):
                for other in item.orelse:
                    walk(other, in_function)
                continue
            if isinstance(item, (ast.Import, ast.ImportFrom)):
                (lazy if in_function else eager).update(_targets(module, item))
            inside = in_function or isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            walk(item, inside)

    walk(tree, False)
    return eager, lazy


GRAPH = {module: imports(module) for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    eager, lazy = GRAPH[module]
    mine = layer(module)
    upward = sorted(
        f"{target} ({LAYERS[layer(target)][0]})"
        for target in eager | lazy
        if target in MODULES and layer(target) > mine and target not in LAZY_OK
    )
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports from above: {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_imports_inside_functions(module: str) -> None:
    _, lazy = GRAPH[module]
    assert not (lazy - LAZY_OK - {"archivedoc"}), f"{module} imports inside a function"


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle of ``graph`` (module -> modules it imports), or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in graph.get(module, ()):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_there_is_no_import_cycle() -> None:
    graph = {module: sorted(t for t in GRAPH[module][0] if t in MODULES) for module in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


def test_the_checks_can_fail() -> None:
    """A cycle and an upward import are seen (as they were before the layers)."""
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) is None
    assert layer("archivedoc._model.transcript") > layer("archivedoc._readers.transcript")
    assert layer("archivedoc._cli") > layer("archivedoc") > layer("archivedoc._io.parse")
    # The model calls the transcript reader, never the other way round.
    assert "archivedoc._readers.transcript" in GRAPH["archivedoc._model.transcript"][0]


def test_the_architecture_page_lists_every_module() -> None:
    page = (SRC.parent / "docs" / "architecture.rst").read_text(encoding="utf-8")
    for module in MODULES:
        if module == "archivedoc" or module.startswith("archivedoc.dialects."):
            continue
        name = module.rsplit(".", 1)[-1]
        assert name in page, f"docs/architecture.rst does not list {module}"
