"""Identifiers given by callers never become file paths, and the packaged data
is read through importlib.resources Traversables only.  (That the data loads
from an installed wheel and from a zip is tested in test_packaging.)"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import mgi
from mgi.text import _NO_APOSTROPHES, _NOT_WORD, MAX_MARKS, fold

SRC = Path(__file__).resolve().parents[1] / "src" / "mgi"

PATH_KEYS = [
    "../../etc/passwd",
    "/etc/passwd",
    "..\\..\\windows\\win.ini",
    "taxonomy.json",
    "data/taxonomy.json",
    "profiles/huehuetenango-2024.json",
    "huehuetenango-2024.json",
    "file:///etc/passwd",
    "~/.ssh/id_rsa",
    "%2e%2e%2fx",
]
# Lookups ignore case and punctuation: these are the bundled id, found in
# memory like any other spelling of it.
SPELLINGS = ["./huehuetenango-2024", "huehuetenango-2024\x00", "HUEHUETENANGO 2024"]


def _collections() -> list[object]:
    return [mgi.domains, mgi.profiles, mgi.sdg.subcategories]


@pytest.mark.parametrize("key", PATH_KEYS)
def test_a_path_is_a_normal_miss(key: str) -> None:
    for collection in _collections():
        assert collection.get(key) is None  # type: ignore[attr-defined]
        assert key not in collection  # type: ignore[operator]
        with pytest.raises(mgi.NotFoundError):
            collection[key]  # type: ignore[index]
    with pytest.raises(mgi.NotFoundError, match="unknown country"):
        mgi.profiles.filter(country=key)  # a path names no country
    with pytest.raises(mgi.ResponseError, match="unknown sub-category"):
        mgi.sdg.score({key: "yes"}, partial=True)


@pytest.mark.parametrize("key", SPELLINGS)
def test_a_spelling_of_an_id_is_the_bundled_object(key: str) -> None:
    assert mgi.profiles[key] is mgi.profiles["huehuetenango-2024"]


def test_no_lookup_opens_a_file() -> None:
    # A fresh interpreter, its data loaded, then an audit hook that records
    # every file opened or listed while keys that look like paths are looked up.
    code = f"""
        import sys, mgi
        keys = {PATH_KEYS + SPELLINGS!r}
        def look_up(key):
            for collection in (mgi.domains, mgi.profiles, mgi.sdg.subcategories):
                collection.get(key), key in collection
                try:
                    collection[key]
                except KeyError:
                    pass
            try:
                mgi.profiles.filter(country=key)
            except KeyError:
                pass
            list(mgi.search(key))
            try:
                mgi.parse_profile(mgi.profiles["huehuetenango-2024"].to_text(), country=key)
            except mgi.MGIError:
                pass
        look_up("warm-up")  # loads the data and the modules a miss uses
        opened = []
        watched = {{"open", "os.listdir", "os.scandir", "os.stat", "glob.glob"}}
        sys.addaudithook(lambda event, args: event in watched and opened.append(args[0]))
        for key in keys:
            look_up(key)
        print(opened)
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_command_reads_only_the_file_it_is_named(tmp_path: Path) -> None:
    # An id never holds "/" or ".": such an argument is a file, read as one;
    # anything else is looked up in memory.
    missing = tmp_path / "nowhere" / "passwd"
    result = subprocess.run(
        [sys.executable, "-m", "mgi", "show", str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == f"mgi: error: {missing}: cannot read the file: No such file or directory\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mgi", "show", "huehuetenango"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.stderr.startswith("mgi: error: unknown profile 'huehuetenango'")


# -- keys of any shape or size --------------------------------------------------------


def _fold_directly(text: str) -> str:
    """What fold means, without its guard against long runs of marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.translate(_NO_APOSTROPHES)).strip()


# Runs longer than fold's guard, drawn at that length rather than filtered
# (filtering most draws away fails Hypothesis's health check at random).
_long_marks = st.text(
    st.sampled_from("\u0301\u0316\u0327\u0345\u0f73\uff9e\U0001e944"),
    min_size=MAX_MARKS + 1,
    max_size=3 * MAX_MARKS,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=5) | _long_marks, max_size=6))
def test_fold_gives_the_same_answer_for_long_runs_of_marks(parts: list[str]) -> None:
    text = "".join(parts)
    assert fold(text) == _fold_directly(text)


def test_a_key_of_a_million_marks_is_a_quick_miss() -> None:
    # Normalising such a run takes Python minutes; fold drops the marks first.
    code = """
        import mgi
        key = "partnerships" + "\\u0301\\u0316" * 500_000
        print(mgi.domains[key].slug, mgi.sdg.subcategories.get("1" + "\\u0f73" * 10**6))
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split() == ["partnerships", "None"]


# -- packaged data: Traversables only ---------------------------------------------------

# Where each way of reaching files may be used.  Package data is read in
# _data.py only: by the package's own loader (get_data, given the module's
# path as pkgutil.get_data does; it works in folders, wheels and zips), or
# through importlib.resources Traversables, never opened as a path.  The other
# modules open files a user names (documents.py and _jsonio.py: profiles; sdg.py:
# responses; cli.py: the command's input and output).
ALLOWED = {
    "__file__": set(),
    "os.path": {"documents.py", "_files.py", "cli.py"},
    "as_file": set(),
    "importlib.resources": {"_data.py"},
    "files": {"_data.py"},
    "open": {"documents.py", "_files.py", "cli.py"},
    "Path": {"documents.py", "sdg.py", "cli.py", "export.py"},  # export: Table.to_csv(path)
    "read": {"_data.py", "documents.py", "_files.py", "cli.py"},
}
_READS = {"read_bytes", "read_text", "iterdir", "joinpath", "open", "fdopen"}


def _uses(tree: ast.AST) -> set[str]:
    """The ways of reaching files that the code of a module uses."""
    found = set()
    for node in ast.walk(tree):
        # A name, or a string as in getattr(module, "__file__").
        if getattr(node, "id", None) == "__file__" or getattr(node, "value", None) == "__file__":
            found.add("__file__")
        elif isinstance(node, ast.Attribute):
            if node.attr == "path" and isinstance(node.value, ast.Name) and node.value.id == "os":
                found.add("os.path")
            if node.attr == "as_file":
                found.add("as_file")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names]
            if any(
                name.startswith(("importlib.resources", "importlib_resources")) for name in names
            ):
                found.add("importlib.resources")
            if any(name == "as_file" for name in names):
                found.add("as_file")
        elif isinstance(node, ast.Call):
            called = node.func
            name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
            if name in ("open", "fdopen"):
                found.add("open")
            if name in ("Path", "PurePath"):
                found.add("Path")
            if name == "files":
                found.add("files")
            if name in _READS and isinstance(called, ast.Attribute):
                found.add("read")
    return found


def test_package_data_is_read_through_traversables_only() -> None:
    misplaced = []
    for module in sorted(SRC.rglob("*.py")):
        for use in _uses(ast.parse(module.read_text(encoding="utf-8"))):
            if module.name not in ALLOWED[use]:
                misplaced.append(f"{module.relative_to(SRC)}: {use}")
    assert not misplaced, misplaced


def test_the_check_finds_what_it_looks_for() -> None:
    code = "import os\nfrom importlib.resources import as_file\nopen(os.path.join(__file__))"
    assert _uses(ast.parse("getattr(mgi, '__file__')")) == {"__file__"}
    assert _uses(ast.parse(code)) == {
        "__file__",
        "os.path",
        "as_file",
        "importlib.resources",
        "open",
    }
