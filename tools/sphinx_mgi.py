"""Sphinx extension: link ``mgi``'s docstrings the way Python reads them.

The docstrings are written for ``help()`` and doctest, in reST: a role such as
``:class:`Profile``` names an object as the code around the docstring would,
from the module that defines it (``mgi.model``), while the reference documents
each public object under the name users import (``mgi.Profile``).  Sphinx
alone resolves a role from where the object is *documented*, and knows
nothing of the standard library without a network inventory.  So:

- each role in a docstring is resolved as Python resolves the name from the
  docstring's scope (its class, its module, then an import), and pointed at
  the real object (``mgi.model.Profile``);
- a reference, a role or a type annotation, to an object that the reference
  documents under another name goes to that name (``mgi.Profile``);
- a reference to the standard library, a builtin or another installed
  package is shown as inline code;
- a role that names nothing, or names an object of ``mgi`` that the
  reference leaves out, stays unresolved, and the nitpicky build fails on it.
  An annotation naming an undocumented helper (a type variable, a private
  class) is shown as code: the signature is right, there is just no page.

It also gives each type alias the ``#:`` comment written above it in its own
module when the reference documents it under ``mgi`` (``mgi.DomainKey``).

Used by ``docs/conf.py``; tested in ``tests/test_docs.py``.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.util
import inspect
import re
import sys
from types import ModuleType
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer

PACKAGE = "mgi"
_ROLE = re.compile(r":(?:py:)?(class|func|meth|attr|mod|exc|data|obj|const):`(~?)([\w.]+)`")
_MISSING = object()
# Values whose identity says nothing: equal ints or strings may be one object.
_PLAIN = (int, float, str, bytes, bool, tuple, frozenset, type(None))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-docstring", _process_docstring)
    app.connect("env-updated", _collect_documented)
    app.connect("missing-reference", _missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# -- docstrings ------------------------------------------------------------------


def _process_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    scopes = _scopes(name, obj)
    if what == "data":
        home = _own_comment(name, obj, lines)
        scopes += [home] if home else []
    lines[:] = [_ROLE.sub(lambda match: _pointed(match, scopes), line) for line in lines]


def _own_comment(name: str, value: Any, lines: list[str]) -> ModuleType | None:
    """Give an alias documented under another module the comment at its home.

    A type alias such as ``mgi.DomainKey`` has no docstring of its own (its
    value's is that of ``types.UnionType``): its ``#:`` comment is in the
    module that defines it.  Returns that module.
    """
    parent, _, attribute = name.rpartition(".")
    if isinstance(value, _PLAIN):
        return None
    for module in _modules_holding(value, attribute):
        comment = ModuleAnalyzer.for_module(module.__name__).find_attr_docs().get(("", attribute))
        if comment and module.__name__ != parent:
            lines[:] = list(comment)
            return module
    return None


def _scopes(name: str, obj: Any) -> list[Any]:
    """Where a name in ``obj``'s docstring is looked up, innermost first: the
    object itself, the class or module it is documented in, their modules."""
    parent = _walk(name.rpartition(".")[0]) if "." in name else None
    found = [scope for scope in (obj, parent) if inspect.isclass(scope) or inspect.ismodule(scope)]
    for scope in (obj, parent):
        home = getattr(scope, "__module__", None)
        if isinstance(home, str) and (home == PACKAGE or home.startswith(f"{PACKAGE}.")):
            found.append(sys.modules[home])
    return found


def _pointed(match: re.Match[str], scopes: list[Any]) -> str:
    role, short, target = match[1], match[2] == "~", match[3]
    real = _resolve(target, scopes)
    if real is None or not real.startswith(f"{PACKAGE}."):
        return match[0]  # unresolved or outside mgi: missing-reference decides
    shown = target.rsplit(".", 1)[-1] if short else target
    return f":{role}:`{shown} <{real}>`"


def _resolve(target: str, scopes: list[Any]) -> str | None:
    """The real path of what ``target`` names from ``scopes``, as Python finds it."""
    first, *rest = target.split(".")
    for scope in scopes:
        if _member(scope, first) is not _MISSING:
            return _real_path(scope, first, rest)
    module = _import(first)
    return None if module is None else _real_path(None, first, rest, start=module)


def _real_path(owner: Any, attribute: str, rest: list[str], start: Any = _MISSING) -> str | None:
    value = _member(owner, attribute) if start is _MISSING else start
    for part in rest:
        owner, attribute = value, part
        value = _member(owner, part)
        if value is _MISSING:
            return None
    if inspect.ismodule(value):
        return str(value.__name__)
    if (inspect.isclass(value) or inspect.isroutine(value)) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    if inspect.ismodule(owner):
        return f"{owner.__name__}.{attribute}"
    if inspect.isclass(owner):
        return f"{owner.__module__}.{owner.__qualname__}.{attribute}"
    return None


# -- references ------------------------------------------------------------------


def _missing_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    documented = _DOCUMENTED
    for candidate in _candidates(target, node.get("py:module"), node.get("py:class")):
        name = documented.get(candidate)
        if name is not None:
            domain = env.domains["py"]
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, "obj", name, node, contnode
            )
    if _is_outside(target):
        return contnode
    if "refexplicit" not in node:  # a type annotation, not a role in a text
        return contnode
    return None


def _candidates(target: str, module: str | None, cls: str | None) -> list[str]:
    """Real paths ``target`` may stand for, seen from a documented object's place."""
    found = [target]
    context = [f"{module}.{cls}", module] if cls else [module]
    for scope_name in filter(None, context):
        scope = _walk(scope_name)
        if scope is not None:
            found.append(_resolve(target, [scope]) or "")
    return [path for path in found if path]


# The documented name of each object, by every real path that leads to it:
# collected once all pages are read, used while references are resolved.
_DOCUMENTED: dict[str, str] = {}


def _collect_documented(app: Sphinx, env: BuildEnvironment) -> list[str]:
    _DOCUMENTED.clear()
    found = _DOCUMENTED
    names = sorted(env.domains["py"].objects, key=lambda name: (name.count("."), name))
    for name in names:
        found.setdefault(name, name)
        parent, _, attribute = name.rpartition(".")
        real = _resolve(name, [])
        if real is not None:
            found.setdefault(real, name)
        value = _walk(name)
        if parent and not isinstance(value, _PLAIN) and value is not None:
            for module in _modules_holding(value, attribute):
                found.setdefault(f"{module.__name__}.{attribute}", name)
    return []  # no page needs reading again


def _modules_holding(value: Any, attribute: str) -> list[ModuleType]:
    return [
        module
        for module_name, module in sorted(sys.modules.items())
        if module_name.startswith(f"{PACKAGE}.") and vars(module).get(attribute, _MISSING) is value
    ]


def _is_outside(target: str) -> bool:
    """Whether ``target`` names a builtin or something of another package."""
    top = target.split(".", 1)[0]
    if top == PACKAGE:
        return False
    return top == "None" or hasattr(builtins, top) or _import(top) is not None


def _walk(dotted: str) -> Any:
    first, *rest = dotted.split(".")
    value: Any = _import(first)
    for part in rest:
        value = _member(value, part)
        if value is _MISSING:
            return None
    return value


def _member(owner: Any, name: str) -> Any:
    """``owner.name``, importing a submodule not imported yet; ``_MISSING`` if none."""
    try:
        return getattr(owner, name)
    except AttributeError:
        pass
    if inspect.ismodule(owner):
        module = _import(f"{owner.__name__}.{name}")
        if module is not None:
            return module
    return _MISSING


def _import(name: str) -> ModuleType | None:
    try:
        if importlib.util.find_spec(name) is None:
            return None
        return importlib.import_module(name)
    except (ImportError, ValueError):
        return None
