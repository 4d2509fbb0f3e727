"""The documentation stays true: examples run, every public name is documented.

The ``python`` examples in README.md and docs/ run as doctests (pytest's
``--doctest-glob=*.md``); this module checks what doctest cannot: that no
example escapes it, that the command-line examples print what they show, that
every public name has a docstring with an example and a place in the API
reference, and that the data page mirrors ``provenance.json``.
"""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mgi

ROOT = Path(__file__).parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```$", re.M | re.S)


def _blocks(language: str) -> list[tuple[str, str]]:
    """Each fenced block in ``language``, with where it is (page:line)."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match[1] == language:
                line = text.count("\n", 0, match.start()) + 1
                found.append((f"{page.relative_to(ROOT)}:{line}", match[2]))
    return found


# -- examples ------------------------------------------------------------------


@pytest.mark.parametrize(("where", "code"), _blocks("python"))
def test_every_python_block_is_a_doctest(where: str, code: str) -> None:
    first = code.lstrip().splitlines()[0] if code.strip() else ""
    assert first.startswith(">>> "), f"{where}: a python block must be a doctest"
    # Doctest reads the closing fence as expected output without this line.
    assert code.endswith("\n\n"), f"{where}: end the block with an empty line"


def _commands() -> list[tuple[str, str, str]]:
    found = []
    for where, block in _blocks("console"):
        parts = re.split(r"^\$ (.*)\n", block, flags=re.M)
        assert parts[0] == "", f"{where}: a console block starts with a '$ ' command"
        for command, output in zip(parts[1::2], parts[2::2], strict=True):
            found.append((where, command, output))
    return found


@pytest.mark.parametrize(("where", "command", "shown"), _commands())
def test_console_examples_print_what_they_show(where: str, command: str, shown: str) -> None:
    words = shlex.split(command)
    assert words[0] == "mgi", f"{where}: only 'mgi' commands belong in console blocks"
    result = subprocess.run(
        [sys.executable, "-m", "mgi", *words[1:]],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,  # examples name files such as docs/examples/... from the root
    )
    printed = result.stdout + result.stderr
    checker = doctest.OutputChecker()
    assert checker.check_output(shown, printed, doctest.ELLIPSIS), (
        f"{where}: $ {command}\n--- shown ---\n{shown}--- printed ---\n{printed}"
    )
    # A command fails exactly when it explains why on standard error.
    assert (result.returncode != 0) == bool(result.stderr), f"{where}: $ {command}"


def test_docs_examples_are_collected_by_pytest() -> None:
    from tomllib import loads

    config = loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    options = config["ini_options"]
    assert "docs" in options["testpaths"]
    assert "README.md" in options["testpaths"]
    assert "--doctest-glob=*.md" in options["addopts"]


# -- docstrings ----------------------------------------------------------------

PUBLIC = [name for name in mgi.__all__ if name != "__version__"]
# The public names of the public submodules (such as mgi.sdg) count too.
PUBLIC_DEEP = PUBLIC + [
    f"{name}.{member}"
    for name in PUBLIC
    if inspect.ismodule(getattr(mgi, name))
    for member in getattr(mgi, name).__all__
]


def _value(dotted: str) -> Any:
    value: Any = mgi
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def _documented_object(value: Any) -> Any:
    """Where ``value``'s docstring is, or None for a type alias or a constant."""
    if inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value):
        return value
    if type(value).__module__.startswith("mgi."):
        return type(value)  # a loaded collection: its class holds the docs
    return None


@pytest.mark.parametrize(
    "name", [name for name in PUBLIC_DEEP if _documented_object(_value(name)) is not None]
)
def test_every_public_name_has_an_example(name: str) -> None:
    doc = inspect.getdoc(_documented_object(_value(name))) or ""
    assert ">>>" in doc, f"mgi.{name} needs a docstring with a runnable example"


@pytest.mark.parametrize("name", [n for n in PUBLIC_DEEP if inspect.isclass(_value(n))])
def test_every_public_method_has_a_docstring(name: str) -> None:
    cls = _value(name)
    missing = [
        attribute
        for attribute, value in vars(cls).items()
        if not attribute.startswith("_")
        and (inspect.isfunction(value) or isinstance(value, (property, classmethod)))
        and not inspect.getdoc(getattr(cls, attribute))
    ]
    assert not missing, f"mgi.{name}: document {', '.join(missing)}"


def test_every_public_name_is_in_the_api_reference() -> None:
    reference = "".join(
        page.read_text(encoding="utf-8") for page in (ROOT / "docs" / "reference").glob("*.md")
    )
    rendered = set(re.findall(r"^::: mgi\.(\w+)$", reference, re.M))
    missing = sorted(set(mgi.__all__) - rendered)
    assert not missing, f"add '::: mgi.NAME' to a page in docs/reference/ for {missing}"


def test_public_fields_and_members_have_docstrings() -> None:
    """What the reference shows: without a docstring a member would be left out."""
    griffe = pytest.importorskip("griffe")
    package = griffe.load("mgi", search_paths=[str(ROOT / "src")])
    missing = []
    for name in PUBLIC_DEEP:
        obj = package[name]
        obj = obj.final_target if obj.is_alias else obj
        if obj.is_class:
            missing += [
                f"{name}.{member}"
                for member, value in obj.members.items()
                if not member.startswith("_") and not value.docstring
            ]
    assert not missing, f"add docstrings to {missing}"


# -- the reference's docstring conversion --------------------------------------


def _griffe_rest() -> Any:
    pytest.importorskip("griffe")
    spec = importlib.util.spec_from_file_location("griffe_rest", ROOT / "tools/griffe_rest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doctest_runs_become_code_blocks_and_roles_become_links() -> None:
    to_markdown = _griffe_rest().to_markdown
    paths = {"Profile": "mgi.model.Profile"}
    text = "See :class:`Profile` and :func:`json.loads`.\n\n>>> 1 + 1\n2\n\nAfter."
    assert to_markdown(text, paths.get).split("\n") == [
        "See [`Profile`][mgi.model.Profile] and `json.loads`.",
        "",
        "```pycon",
        ">>> 1 + 1",
        "2",
        "```",
        "",
        "After.",
    ]


def test_a_role_naming_nothing_stays_a_link_so_the_build_fails() -> None:
    to_markdown = _griffe_rest().to_markdown
    assert to_markdown(":meth:`~Profile.nothing`", lambda name: None) == (
        "[`nothing`][Profile.nothing]"
    )


# -- the data page ---------------------------------------------------------------


def test_the_data_page_mirrors_the_provenance_file() -> None:
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    data = json.loads((ROOT / "src/mgi/data/provenance.json").read_text(encoding="utf-8"))
    expected = [data["data_version"], data["updated"], *data["not_found"]]
    for source in data["sources"]:
        expected.append(source["topic"])
        expected += [s for s in source["sources"] if s.startswith(("http", "github:"))]
    missing = [text for text in expected if text not in page]
    assert not missing, f"docs/data.md does not say: {missing}"
