"""The contract a dependent builds on: public names, collection protocols,
pickling, and type checking of a downstream module."""

from __future__ import annotations

import ast
import enum
import inspect
import pickle
import random
import shutil
import subprocess
import sys
import textwrap
import venv
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import mgi
from mgi import errors

HUEHUETENANGO = "huehuetenango-2024"


def test_dir_is_the_table_of_public_names() -> None:
    assert dir(mgi) == mgi.__all__
    assert set(mgi.__all__) == {*mgi._PUBLIC, "__version__", "provenance", "schema", "search"}
    for name in mgi.__all__:
        assert getattr(mgi, name) is not None


def test_type_checkers_see_every_public_name() -> None:
    # The imports for type checkers re-export exactly the table's names.
    tree = ast.parse(Path(mgi.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    seen = {
        alias.asname
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom) and node.module != "typing"
        for alias in node.names
        if alias.asname == alias.name
    }
    wanted = {name for name, home in mgi._PUBLIC.items() if home != "_data"}
    assert seen == wanted


def test_types_a_dependent_annotates_with_are_public() -> None:
    for name in ["DomainKey", "SearchCriteria", "Cell", "Score", "Category", "Response"]:
        assert name in mgi.__all__
    assert "parse_json" not in mgi.__all__
    assert "read_file" not in mgi.__all__


def test_domains_are_a_mapping_from_number() -> None:
    domains = mgi.domains
    assert isinstance(domains, Mapping)
    assert list(domains) == [1, 2, 3, 4, 5, 6]
    assert dict(domains)[3] is domains["alianzas"]
    assert [domain.number for domain in domains.values()] == [1, 2, 3, 4, 5, 6]
    assert [number for number, domain in domains.items() if number != domain.number] == []
    assert 0 not in domains
    assert 7 not in domains
    with pytest.raises(mgi.NotFoundError):
        domains[0]


@pytest.mark.parametrize("name", ["profiles", "subcategories"])
def test_profiles_and_subcategories_are_sequences(name: str) -> None:
    collection = mgi.profiles if name == "profiles" else mgi.sdg.subcategories
    assert isinstance(collection, Sequence)
    items = tuple(collection)
    assert collection[0] is items[0]
    assert collection[-1] is items[-1]
    assert list(reversed(collection)) == list(reversed(items))
    assert tuple(collection[::2]) == items[::2]
    assert type(collection[:1]) is type(collection)
    draw = random.Random(2024)  # seeded: the test never fails by chance
    chosen = {draw.choice(collection) for _ in range(1_000)}
    assert chosen == set(items)
    assert collection.index(items[-1]) == len(items) - 1
    with pytest.raises(IndexError):
        collection[len(items)]
    with pytest.raises(mgi.NotFoundError):
        collection[len(items)]


@pytest.mark.parametrize("name", ["results", "shares", "assessments"])
def test_results_shares_and_assessments_are_sequences(name: str) -> None:
    collection = getattr(mgi.sdg, name) if name != "assessments" else mgi.assessments
    assert isinstance(collection, Sequence)
    items = tuple(collection)
    assert collection[0] is items[0]
    assert collection[-1] is items[-1]
    assert list(reversed(collection)) == list(reversed(items))
    assert tuple(collection[::2]) == items[::2]
    assert type(collection[:1]) is type(collection)
    assert collection.index(items[-1]) == len(items) - 1
    assert {random.choice(collection) for _ in range(50)} <= set(items)
    with pytest.raises(mgi.PositionError):
        collection[len(items)]


def test_a_position_outside_is_a_readable_index_error() -> None:
    with pytest.raises(mgi.PositionError, match=r"unknown profile position 5 \(there is 1\)"):
        mgi.profiles[5]


def _public_objects() -> list[object]:
    profile = mgi.profiles[HUEHUETENANGO]
    score = mgi.sdg.score({"3a": "yes"}, partial=True)
    hits = mgi.search("migrantes")
    return [
        mgi.domains,
        mgi.domains[1],
        mgi.domains[1].names[0],
        mgi.domains[1].migof,
        mgi.domains[1].sdg,
        mgi.profiles,
        mgi.profiles.filter(country="GTM"),
        profile,
        profile.place,
        profile.findings[0],
        profile.published,
        profile.source,
        profile.for_domain(3),
        mgi.provenance(),
        mgi.sdg.indicator,
        mgi.sdg.subcategories,
        mgi.sdg.subcategories[0],
        score,
        score.domains[0],
        score.answers[0],
        mgi.Category.MEETS,
        mgi.Response.YES,
        mgi.Level.LOCAL,
        mgi.findings_table(profile),
        mgi.findings_table(hits),
        score.table(),
        hits,
        hits[0],
        hits.query,
        mgi.parse_profile(profile.to_text(), strict=False),
        mgi.profile_to_dict(profile),
        mgi.schema("profile"),
        mgi.sdg.results,
        mgi.sdg.results.filter(country="Russia"),
        mgi.sdg.results[0],
        mgi.sdg.results[0].sources[0],
        mgi.sdg.shares,
        mgi.sdg.shares[0],
        mgi.sdg.compare(score, "CAN"),
        mgi.sdg.compare(score, "CAN").values[0],
        mgi.assessments,
        mgi.assessments.filter(country="GTM"),
        mgi.assessments[0],
        mgi.assessments.published,
        mgi.provenance().sources[0],
        mgi.domains[1].subareas[0],
        hits.query.terms[0],
        mgi.Problem("line 2, $.title", "required field missing"),
        mgi.FindingKind.POTENTIAL,
        mgi.MigofKind.PRINCIPLE,
        mgi.NameUse.HEADING,
        mgi.Part.TITLE,
    ]


def _errors() -> list[BaseException]:
    return [
        mgi.MGIError("plain"),
        mgi.NotFoundError("domain", "parnterships", ["partnerships"]),
        mgi.PositionError("profile position", 5, 1),
        mgi.InvalidValueError("expected a month from 1 to 12, got 13", "month"),
        mgi.ResponseError("sub-category 2a: expected 'yes' or 'no'", ["2a"]),
        mgi.DataError([mgi.Problem("line 2, $.title", "required field missing")], "a.jsonl"),
        mgi.ParseError("expected a bulleted finding", 12, "Some words", "page.txt"),
        mgi.FileError("missing.json", "read the file", "No such file or directory", 2),
        mgi.MissingDependencyError("to_frame() needs pandas"),
    ]


@pytest.mark.parametrize("value", _public_objects(), ids=lambda value: type(value).__name__)
def test_every_public_object_pickles(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value


def test_every_public_class_is_among_the_pickled_objects() -> None:
    # TypedDicts are dicts at run time: a document is tried as a dict.
    documents = {"ProfileDocument", "PlaceDocument", "FindingDocument", "SourceDocument"}
    seen = {type(value) for value in _public_objects()}
    seen |= {
        type(member)
        for value in _public_objects()
        if isinstance(value, enum.Enum)
        for member in type(value)
    }
    classes = {
        name
        for name in mgi.__all__
        if inspect.isclass(getattr(mgi, name))
        and not issubclass(getattr(mgi, name), BaseException | Warning)
        and name not in documents | {"SearchCriteria"}  # a TypedDict of keyword arguments
    }
    missing = sorted(
        name for name in classes if not any(issubclass(kind, getattr(mgi, name)) for kind in seen)
    )
    assert missing == []


@pytest.mark.parametrize("error", _errors(), ids=lambda error: type(error).__name__)
def test_every_error_pickles_with_its_fields(error: BaseException) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_every_error_class_is_tried() -> None:
    tried = {type(error) for error in _errors()}
    public = {getattr(errors, name) for name in errors.__all__} - {mgi.Problem, mgi.MGIWarning}
    assert public <= tried


def test_problems_carry_their_place_as_fields() -> None:
    with pytest.raises(mgi.DataError) as caught:
        mgi.loads_profiles('{"id": "x"}\n', source="a.jsonl")
    problem = caught.value.problems[0]
    assert (caught.value.source, problem.line, problem.path) == ("a.jsonl", 1, "$.title")
    with pytest.raises(mgi.FileError) as missing:
        mgi.load_profile(Path("no", "such", "file.json"))
    assert missing.value.errno == 2
    assert missing.value.path.endswith("file.json")


DOWNSTREAM = """
from __future__ import annotations

import mgi


def names(key: mgi.DomainKey) -> list[str]:
    return [name.text for name in mgi.domains[key].names]


def potential(profile: mgi.Profile, domain: mgi.DomainKey) -> tuple[mgi.Finding, ...]:
    return profile.select(domain=domain, kind="potential")


def label(score: mgi.Score) -> str:
    category: mgi.Category = score.category
    return category.label


def first(criteria: mgi.SearchCriteria) -> mgi.Hit | None:
    hits: mgi.Hits = mgi.search("migrantes", **criteria)
    return hits[0] if hits else None


def cells(table: mgi.Table) -> list[mgi.Cell]:
    return [cell for row in table.rows for cell in row]


def answer() -> mgi.Response:
    return mgi.Response("yes")


def everything() -> list[mgi.Domain]:
    return list(mgi.domains.values())


def document_keys(profile: mgi.Profile) -> tuple[str, mgi.DomainSlug, str | None]:
    document: mgi.ProfileDocument = mgi.profile_to_dict(profile)
    finding: mgi.FindingDocument = document["findings"][0]
    place: mgi.PlaceDocument = document["place"]
    source: mgi.SourceDocument = document["source"]
    return document["$schema"] + place["level"], finding["domain"], source["url"]


def schema_id(name: mgi.SchemaName) -> object:
    return mgi.schema(name)["$id"]
def latest(country: str) -> mgi.Category:
    results: mgi.SdgResults = mgi.sdg.results.filter(country=country)
    result: mgi.SdgResult = results.latest(country)
    return result.category


def agree(score: mgi.Score) -> bool:
    comparison: mgi.Comparison = mgi.sdg.compare(score, "Canada", 2021)
    values: tuple[mgi.ComparedValue, ...] = comparison.differences
    return not values


def assessed(country: str) -> list[int | None]:
    entries: mgi.Assessments = mgi.assessments.filter(country=country, level="local")
    first: mgi.Assessment | None = mgi.profiles[0].assessment
    return [entry.year for entry in entries] + [first.year if first else None]
"""


@pytest.fixture(scope="module")
def wheel_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh virtual environment with the built wheel
    installed: what a dependent's type checker sees."""
    pytest.importorskip("mypy")
    root = Path(__file__).parent.parent
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(root)],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("mgi-*.whl")
    environment = folder / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(built)], check=True, capture_output=True
    )
    return python


def _mypy(python: Path, tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on ``source``, finding mgi in the wheel's environment
    only (run from a folder outside the project)."""
    module = tmp_path / "downstream.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    command += ["--python-executable", str(python), str(module)]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)


def _pyright_command() -> str | None:
    """pyright beside this Python (the dev extra installs it), or on PATH."""
    beside = Path(sys.executable).parent / "pyright"
    return str(beside) if beside.exists() else shutil.which("pyright")


def _pyright(python: Path, tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    module = tmp_path / "downstream.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    command = [str(_pyright_command()), "--pythonpath", str(python), str(module)]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)


def test_a_downstream_module_type_checks_strictly(wheel_python: Path, tmp_path: Path) -> None:
    result = _mypy(wheel_python, tmp_path, DOWNSTREAM)
    assert result.returncode == 0, result.stdout
    assert "site-packages" not in result.stdout


def test_a_downstream_module_passes_pyright(wheel_python: Path, tmp_path: Path) -> None:
    if _pyright_command() is None:
        pytest.skip("pyright is not installed (the dev extra installs it)")
    result = _pyright(wheel_python, tmp_path, DOWNSTREAM)
    assert result.returncode == 0, result.stdout
    bad = _pyright(wheel_python, tmp_path, DOWNSTREAM + MISSPELT)
    assert bad.returncode == 1
    assert bad.stdout.count(" - error:") == 3, bad.stdout


MISSPELT = """

bad = mgi.profiles[0].select(kind="potentail")
worse = mgi.profiles.filter(level="regional")
worst = mgi.search("migrantes", part="titel")
"""


def test_a_misspelt_word_fails_type_checking(wheel_python: Path, tmp_path: Path) -> None:
    result = _mypy(wheel_python, tmp_path, DOWNSTREAM + MISSPELT)
    assert result.returncode == 1
    assert result.stdout.count("error:") == 3, result.stdout


def test_a_misspelt_document_key_fails_type_checking(wheel_python: Path, tmp_path: Path) -> None:
    source = DOWNSTREAM + '\n\ntitle = mgi.profile_to_dict(mgi.profiles[0])["titel"]\n'
    source += 'slug: mgi.DomainSlug = "rights"\n'
    source += 'schema = mgi.schema("profiel")\n'
    result = _mypy(wheel_python, tmp_path, source)
    assert result.returncode == 1
    assert result.stdout.count("error:") == 3, result.stdout
