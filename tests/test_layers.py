"""The house points one way: no module imports from a layer above its own,
apart from the upward calls named in docs/architecture.md."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import import_graph  # noqa: E402  (the measuring tool beside the project)

SRC = ROOT / "src" / "mgi"


def test_every_module_has_a_layer() -> None:
    assert {path.stem for path in SRC.glob("*.py")} == set(import_graph.LAYERS)


def test_imports_point_down_apart_from_the_named_calls() -> None:
    found = import_graph.graph(SRC)
    upward = {
        (module, name)
        for module, items in found.items()
        for name, _, _ in items
        if import_graph.LAYERS[name] > import_graph.LAYERS[module]
    }
    assert upward <= import_graph.UPWARD


def test_upward_calls_are_never_made_at_import() -> None:
    for module, items in import_graph.graph(SRC).items():
        source = (SRC / f"{module}.py").read_text(encoding="utf-8").splitlines()
        for name, line, inside in items:
            if (module, name) in import_graph.UPWARD:
                indented = source[line - 1].startswith(" ")
                assert inside or indented, f"{module}.py:{line} imports {name} at import time"


def test_no_circle_without_the_named_calls() -> None:
    found = import_graph.graph(SRC)
    edges = {
        module: {name for name, _, _ in items if (module, name) not in import_graph.UPWARD}
        for module, items in found.items()
    }
    assert import_graph.circles(edges) == []


def test_architecture_page_names_every_upward_call() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module, name in import_graph.UPWARD:
        assert f"`{module}`" in page
        assert f"`{name}`" in page
