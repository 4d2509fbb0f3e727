"""Griffe extension: render the reST touches of ``mgi``'s docstrings as Markdown.

The docstrings are written to read well in ``help()`` and to run as doctests:
they use reST roles (``:class:`Profile```) and bare ``>>>`` examples.  The API
reference renders Markdown, where a role would print as-is and ``>>>`` would
become a nested quote, so before rendering this extension

- turns each role into a cross-reference when it names something in ``mgi``
  (a name that resolves nowhere is left as a reference, so the strict build
  fails on it), or into inline code when it names the standard library, a
  builtin or another installed package;
- fences each run of doctest lines as a ``pycon`` code block.

Used by ``mkdocs.yml`` (``extensions: [tools/griffe_rest.py]``).
"""

from __future__ import annotations

import builtins
import importlib.util
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|exc|data|obj|const):`([~!]?)([\w.]+)`")


class RestDocstrings(griffe.Extension):
    """Rewrite every docstring of the package once it is fully loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _documented(pkg):
            assert obj.docstring is not None
            obj.docstring.value = to_markdown(obj.docstring.value, partial(_find, obj))


def to_markdown(text: str, find: Callable[[str], str | None]) -> str:
    """Fence doctest runs and rewrite roles outside them.

    ``find(name)`` returns the path of the object a role names, or ``None``.
    (Tested in ``tests/test_docs.py``.)
    """
    lines: list[str] = []
    in_example = False
    for line in text.split("\n"):
        starts_example = line.lstrip().startswith(">>>")
        if starts_example and not in_example:
            lines.append(line[: len(line) - len(line.lstrip())] + "```pycon")
            in_example = True
        elif in_example and not line.strip():
            lines.append(_fence_of(lines))
            in_example = False
        lines.append(line if in_example else _ROLE.sub(lambda m: _reference(m, find), line))
    if in_example:
        lines.append(_fence_of(lines))
    return "\n".join(lines)


def _fence_of(lines: list[str]) -> str:
    opening = next(line for line in reversed(lines) if line.lstrip() == "```pycon")
    return opening.removesuffix("pycon")


def _reference(match: re.Match[str], find: Callable[[str], str | None]) -> str:
    short, target = match[1] == "~", match[2]
    shown = target.rsplit(".", 1)[-1] if short else target
    path = find(target)
    if path is None and _is_external(target):
        return f"`{shown}`"
    return f"[`{shown}`][{path or target}]"


def _is_external(target: str) -> bool:
    top = target.split(".", 1)[0]
    if top == "mgi":
        return False
    return hasattr(builtins, top) or importlib.util.find_spec(top) is not None


def _find(obj: griffe.Object | griffe.Alias, target: str) -> str | None:
    """The path of ``target`` as Python would resolve it from ``obj``'s scope."""
    if target == "mgi" or target.startswith("mgi."):
        return _member(obj.package, target.split(".")[1:])
    scope: griffe.Object | griffe.Alias | None = obj
    while scope is not None:
        found = _member(scope, target.split("."))
        if found is not None:
            return found
        scope = scope.parent
    return None


def _member(obj: griffe.Object | griffe.Alias, parts: list[str]) -> str | None:
    package = obj.path.split(".")[0]
    try:
        for part in parts:
            obj = obj.members[part]
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    # A module's ``import json`` is a member too, but not one of ours.
    home = obj.target_path if obj.is_alias else obj.path  # type: ignore[union-attr]
    return obj.path if home.split(".")[0] == package else None


def _documented(obj: griffe.Object) -> list[griffe.Object]:
    found = [obj] if obj.docstring is not None else []
    for member in obj.members.values():
        if not member.is_alias:
            found += _documented(member)  # type: ignore[arg-type]
    return found
