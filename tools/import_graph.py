"""Measure the import graph of ``src/mgi``: every import counts, at module
level, inside functions and for type checkers only.

    python tools/import_graph.py [SRC]

prints the layer of each module, the imports that run back up a layer, the
import circles, the imports written inside functions and the lines per
module. The layers are those of docs/architecture.md; tests/test_layers.py
holds the code to them.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

# Lowest first; a module may import from its own layer and the ones below.
LAYERS: dict[str, int] = {
    **dict.fromkeys(
        ["errors", "text", "_checks", "_lookup", "_jsonio", "_files", "_formats", "_languages"], 0
    ),
    **dict.fromkeys(["taxonomy", "model", "indicator", "official"], 1),
    **dict.fromkeys(["collections", "_countries"], 2),
    **dict.fromkeys(
        [
            "_convert",
            "documents",
            "_vocabulary",
            "parse",
            "index",
            "sdg",
            "export",
            "results",
            "catalogue",
        ],
        3,
    ),
    "views": 4,
    "_data": 5,
    **dict.fromkeys(["__init__", "cli", "__main__"], 6),
}
LAYER_NAMES = ("ground", "records", "lookups", "features", "views", "data", "face")

# The calls that go up, each named with its reason in docs/architecture.md:
# (importing module, imported module). They are made inside functions (or for
# type checkers only), so importing a lower module never imports a higher one.
UPWARD = {
    ("taxonomy", "_data"),  # a domain named in any language; Domain.sdg
    ("taxonomy", "views"),  # display hooks
    ("model", "_data"),  # Profile.assessment
    ("model", "views"),  # display hooks, Profile.to_text, Profile.wheel_svg
    ("collections", "index"),  # Profiles.search
    ("collections", "_data"),  # filters name countries and languages by any code or name
    ("collections", "views"),  # display hooks
    ("index", "views"),  # display hooks
    ("export", "views"),  # display hooks, Table's repr
    ("sdg", "views"),  # display hooks of a score
    ("parse", "_data"),  # headings are domain names, titles name countries
    ("sdg", "_data"),  # the bundled indicator and results are the defaults
    ("results", "_data"),  # countries named in four languages; domain names to draw
    ("results", "views"),  # display hooks, SdgResults.strip_svg
    ("catalogue", "_data"),  # countries named in four languages
    ("catalogue", "views"),  # display hooks
}


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """Each mgi module ``path`` imports: (module, line, inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(id(child) for child in ast.walk(node) if child is not node)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "mgi":
                names = [alias.name for alias in node.names]
            elif node.module.startswith("mgi."):
                names = [node.module.split(".")[1]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1] for a in node.names if a.name.startswith("mgi.")]
            names += ["__init__" for a in node.names if a.name == "mgi"]
        for name in names:
            if name in LAYERS:
                yield name, node.lineno, id(node) in inside


def graph(src: Path) -> dict[str, list[tuple[str, int, bool]]]:
    found = {}
    for path in sorted(src.glob("*.py")):
        found[path.stem] = [item for item in imports(path) if item[0] != path.stem]
    return found


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def main(src: Path) -> None:
    found = graph(src)
    edges = {module: {name for name, _, _ in items} for module, items in found.items()}
    upward = [
        (module, name, line)
        for module, items in found.items()
        for name, line, _ in items
        if LAYERS[name] > LAYERS.get(module, 6)
    ]
    in_functions = sum(inner for items in found.values() for _, _, inner in items)
    print("modules by layer:")
    for number, layer in enumerate(LAYER_NAMES):
        members = [m for m in found if LAYERS.get(m) == number]
        print(f"  {layer:<9} {', '.join(members)}")
    print(f"imports running back up a layer: {len(upward)}")
    for module, name, line in upward:
        print(f"  {module}.py:{line} -> {name}")
    groups = circles(edges)
    print(f"circles: {len(groups)}")
    for group in groups:
        print(f"  {len(group)} modules: {', '.join(group)}")
    downward = {m: {n for n in names if (m, n) not in UPWARD} for m, names in edges.items()}
    print(f"circles without the named upward calls: {len(circles(downward))}")
    print(f"mgi imports inside functions: {in_functions}")
    print("lines per module:")
    for path in sorted(src.glob("*.py"), key=lambda p: -len(p.read_text().splitlines())):
        print(f"  {len(path.read_text(encoding='utf-8').splitlines()):>5} {path.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "src/mgi")
