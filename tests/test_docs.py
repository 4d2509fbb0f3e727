"""The documentation stays true: examples run, every public name is documented.

The ``python`` examples in README.md and docs/ run as doctests (pytest's
``--doctest-glob=*.md``); this module checks what doctest cannot: that no
example escapes it, that the command-line examples print what they show, that
every public name has a docstring with an example and a place in the API
reference, and that the data page mirrors ``provenance.json``.
"""

from __future__ import annotations

import doctest
import inspect
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.scripts import load_script

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


# The reference pages document each name with an autodoc directive inside an
# eval-rst block (MyST would parse a docstring as Markdown otherwise).
EVAL_RST = re.compile(r"^```\{eval-rst\}\n(.*?)^```$", re.M | re.S)
AUTODOC = re.compile(r"^\.\. auto(?:module|class|exception|function|data):: mgi\.(\w+)$", re.M)
HOW_TO_DOCUMENT = (
    "add\n\n```{eval-rst}\n.. autoclass:: mgi.NAME\n   :members:\n```\n\n"
    "(or autofunction, autodata, autoexception) to a page in docs/reference/"
)


def _autodoc_names(page: str) -> set[str]:
    return {name for block in EVAL_RST.findall(page) for name in AUTODOC.findall(block)}


def test_every_public_name_is_in_the_api_reference() -> None:
    reference = (ROOT / "docs" / "reference").glob("*.md")
    documented = set().union(
        *(_autodoc_names(page.read_text(encoding="utf-8")) for page in reference)
    )
    missing = sorted(set(mgi.__all__) - documented)
    assert not missing, f"{HOW_TO_DOCUMENT} for {missing}"


def test_only_directives_in_eval_rst_blocks_count() -> None:
    page = (
        "```{autoclass} mgi.Profile\n```\n\n"  # MyST would read the docstring as Markdown
        ".. autoclass:: mgi.Place\n\n"  # text in a Markdown page
        "```{eval-rst}\n.. autoclass:: mgi.Level\n   :members:\n\n"
        ".. autodata:: mgi.LevelName\n```\n"
    )
    assert _autodoc_names(page) == {"Level", "LevelName"}


@pytest.mark.parametrize("page", PAGES[1:], ids=lambda page: str(page.relative_to(ROOT)))
def test_pages_hold_no_mkdocs_syntax(page: Path) -> None:
    """MyST would print these as text, without a warning to fail the build."""
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"^::: ", text, re.M), f"{HOW_TO_DOCUMENT}, not '::: mgi.NAME'"
    assert "][mgi." not in text, "link to an object as [`NAME`](#mgi.NAME)"
    assert "--8<--" not in text, "include a file with the {include} directive"


def test_public_fields_and_members_have_docstrings() -> None:
    """What the reference shows: without a docstring a member would be left out."""
    pycode = pytest.importorskip("sphinx.pycode")
    missing = []
    for name in PUBLIC_DEEP:
        cls = _value(name)
        if not inspect.isclass(cls):
            continue
        analyzer = pycode.ModuleAnalyzer.for_module(cls.__module__)
        analyzer.analyze()
        attribute_docs = analyzer.find_attr_docs()
        prefix = f"{cls.__qualname__}."
        for tag in analyzer.tagorder:
            member = tag.removeprefix(prefix)
            if member == tag or "." in member or member.startswith("_"):
                continue
            documented = (cls.__qualname__, member) in attribute_docs or inspect.getdoc(
                vars(cls).get(member)
            )
            if not documented:
                missing.append(f"{name}.{member}")
    assert not missing, f"add docstrings to {missing}"


# -- the reference's cross-references (tools/sphinx_mgi.py) ---------------------------


def _sphinx_mgi() -> Any:
    pytest.importorskip("sphinx")
    return load_script("tools/sphinx_mgi.py")


def test_roles_in_a_docstring_point_where_python_finds_the_name() -> None:
    lines = [
        "A :class:`Finding`, :meth:`~Profile.select` and :class:`mgi.NotFoundError`;",
        ":func:`json.loads` and :class:`Nothing` are left to the build.",
    ]
    _sphinx_mgi()._process_docstring(None, "class", "mgi.Profile", mgi.Profile, None, lines)
    assert lines == [
        "A :class:`Finding <mgi.model.Finding>`, :meth:`select <mgi.model.Profile.select>`"
        " and :class:`mgi.NotFoundError <mgi.errors.NotFoundError>`;",
        ":func:`json.loads` and :class:`Nothing` are left to the build.",
    ]


def test_a_re_exported_alias_gets_the_comment_written_at_its_home() -> None:
    lines = ["Represent a PEP 604 union type"]  # what the alias's value says of itself
    _sphinx_mgi()._process_docstring(None, "data", "mgi.LevelName", mgi.LevelName, None, lines)
    assert lines == [
        "The values of :class:`Level <mgi.taxonomy.Level>`, and ``'city'``, another word for"
        " ``'local'``.",
        "",
    ]


def test_the_build_links_what_is_documented_and_fails_on_what_is_not(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'tools')!r})\n"
        "extensions = ['sphinx.ext.autodoc', 'sphinx_mgi']\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Test\n====\n\n"
        ".. autoclass:: mgi.Place\n\n"
        "Under its home's name :class:`mgi.model.Place`, outside :func:`json.loads`,\n"
        "nowhere :class:`mgi.Nowhere`, left out of the reference :class:`mgi.model.Finding`.\n",
        encoding="utf-8",
    )
    _sphinx_mgi()  # skips without Sphinx
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    warnings = re.findall(r"WARNING: (.*)", result.stderr)
    assert warnings == [
        "py:class reference target not found: mgi.Nowhere [ref.class]",
        "py:class reference target not found: mgi.model.Finding [ref.class]",
    ], result.stderr
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    linked = r'<a class="reference internal" href="#mgi\.Place"[^>]*><code[^>]*><span class="pre">'
    assert re.search(linked + r"mgi\.model\.Place<", page)
    assert re.search(r'<code class="xref py py-func[^>]*><span class="pre">json\.loads', page)
    assert not re.search(r"<a [^>]*><code[^>]*><span class=\"pre\">json", page)


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
