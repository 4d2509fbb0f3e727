"""Loading and writing profiles as JSON: round trips and every kind of bad input."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import mgi

PACKAGED = Path(mgi.__file__).parent / "data" / "profiles" / "huehuetenango-2024.json"


@pytest.fixture
def document() -> dict[str, Any]:
    return mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])


def test_dumping_a_bundled_profile_gives_back_its_packaged_json() -> None:
    text = mgi.dumps_profile(mgi.profiles["huehuetenango-2024"])
    assert text == PACKAGED.read_text(encoding="utf-8")


def test_load_dump_load_gives_an_equal_profile(tmp_path: Path) -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    target = tmp_path / "profile.json"
    mgi.dump_profile(profile, target)
    loaded = mgi.load_profile(target)
    assert loaded == profile
    assert mgi.loads_profile(target.read_bytes()) == profile
    assert mgi.profile_from_dict(json.loads(target.read_text("utf-8"))) == profile
    assert [p.name for p in tmp_path.iterdir()] == ["profile.json"]  # no temporary left


def test_the_caller_s_dict_is_not_changed(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    mgi.profile_from_dict(document)
    document["findings"][0]["domain"] = "parnterships"
    snapshot = copy.deepcopy(document)
    with pytest.raises(mgi.DataError):
        mgi.profile_from_dict(document)
    assert document == snapshot
    snapshot["findings"][0]["domain"] = "migrants_rights"
    assert snapshot == before


def _problems(data: Any, source: str | None = "profile.json") -> list[str]:
    load = mgi.loads_profile if isinstance(data, (str, bytes)) else mgi.profile_from_dict
    with pytest.raises(mgi.DataError) as caught:
        load(data, source=source)
    error = caught.value
    assert isinstance(error, mgi.MGIError)
    assert isinstance(error, ValueError)
    assert error.source == source
    lines = str(error).splitlines()
    assert all(line.startswith(f"{source}: ") for line in lines)
    return [str(problem) for problem in error.problems]


SLUGS = "'migrants_rights', 'whole_of_government', 'partnerships', 'wellbeing', 'crises', \
'safe_orderly_regular'"


def test_unknown_domain_names_the_path_and_suggests(document: dict[str, Any]) -> None:
    document["findings"][3]["domain"] = "parnterships"
    assert _problems(document) == [
        f"$.findings[3].domain: expected one of {SLUGS}, got string 'parnterships' "
        "(did you mean 'partnerships'?)"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["findings"][0].update(kind="strength"),
            "$.findings[0].kind: expected one of 'well_developed', 'potential', got string",
        ),
        (
            lambda d: d["findings"][0].update(domain=3),
            f"$.findings[0].domain: expected one of {SLUGS}, got integer 3 (did you mean "
            "'partnerships'?)",
        ),
        (lambda d: d["findings"][0].update(text=""), "$.findings[0].text: expected some text"),
        (lambda d: d["findings"][1].update(extra=1), "$.findings[1]: extra fields found (extra)"),
        (
            lambda d: d["findings"].__setitem__(2, "text"),
            "$.findings[2]: expected an object, got string",
        ),
        (lambda d: d.pop("title"), "$.title: required field missing"),
        (lambda d: d.update(notes="x"), "$: extra fields found (notes)"),
        (lambda d: d.update(id=7), "$.id: expected a string, got integer 7"),
        (lambda d: d.update(id="Not An Id"), "$.id: expected a lower-case id"),
        (
            lambda d: d.update(introduction="one paragraph"),
            "$.introduction: expected an array, got string",
        ),
        (lambda d: d.update(findings={"a": 1}), "$.findings: expected an array, got object"),
        (lambda d: d.update(published="2024-8"), "$.published: expected a year and month"),
        (
            lambda d: d.update(published="2024-13"),
            "$.published.month: expected a month from 1 to 12, got 13",
        ),
        (lambda d: d.update(published=202408), "$.published: expected a year and month"),
        (
            lambda d: d["place"].update(level="city"),
            "$.place.level: expected one of 'national', 'local', got string 'city'",
        ),
        (lambda d: d["place"].update(country="GT"), "$.place.country: expected an ISO 3166-1"),
        (lambda d: d["place"].update(country=None), "$.place.country: expected a string"),
        (
            lambda d: d["source"].update(url=False),
            "$.source.url: expected a string or null, got boolean false",
        ),
        (lambda d: d.update(place=[]), "$.place: expected an object, got array"),
        (lambda d: d.update(language="spanish"), "$.language: expected a language code"),
    ],
)
def test_each_bad_value_is_located(document: dict[str, Any], change: Any, expected: str) -> None:
    change(document)
    problems = _problems(document)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported(document: dict[str, Any]) -> None:
    document["findings"][0]["domain"] = "nope"
    document["findings"][5]["kind"] = "nope"
    document.pop("language")
    problems = _problems(document)
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"id": "x",', "line 1, column 12: invalid JSON"),
        ("", "line 1, column 1: invalid JSON"),
        ('{"id": "a", "id": "b"}', "line 1, column 1: invalid JSON: the key 'id' appears twice"),
        (
            '{"a": [{}, \n {"b": 1, "b": 2}]}',
            "line 2, column 2: invalid JSON: the key 'b' appears",
        ),
        ('{"n": NaN}', "line 1, column 7: invalid JSON: NaN is not a valid JSON number"),
        ('{"NaN": "NaN",\n "n": [-Infinity]}', "line 2, column 8: invalid JSON: -Infinity is"),
        (b"\xff\xfe{}", "byte 0: not UTF-8 text"),
        ("[]", "$: expected an object, got array"),
        ("null", "$: expected an object, got null"),
        ("[" * 100_000, "invalid JSON"),
    ],
)
def test_malformed_json_is_located(text: str | bytes, expected: str) -> None:
    problems = _problems(text)
    assert any(expected in p for p in problems), problems


def test_no_coercion_of_strings_into_numbers_or_booleans() -> None:
    from mgi._convert import structure

    with pytest.raises(mgi.DataError, match=r"\$: expected an integer, got string '1'"):
        structure("1", int)
    with pytest.raises(mgi.DataError, match=r"\$: expected true or false, got string 'false'"):
        structure("false", bool)
    with pytest.raises(mgi.DataError, match=r"\$: expected an integer, got boolean true"):
        structure(True, int)
    with pytest.raises(mgi.DataError, match=r"\$: expected a string, got integer 1"):
        structure(1, str)


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(mgi.MGIError, match=r"missing\.json: cannot read the file"):
        mgi.load_profile(missing)
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(mgi.DataError, match=r"broken.json: line 1, column 8: invalid JSON"):
        mgi.load_profile(broken)


def test_writing_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(mgi.MGIError, match="cannot write the file"):
        mgi.dump_profile(mgi.profiles["huehuetenango-2024"], tmp_path / "no" / "p.json")


def test_direct_construction_is_checked() -> None:
    with pytest.raises(mgi.InvalidValueError, match="month: expected a month"):
        mgi.YearMonth(2024, 0)
    with pytest.raises(mgi.InvalidValueError, match="domain: expected a domain number"):
        mgi.Finding(7, mgi.FindingKind.POTENTIAL, "x")
    with pytest.raises(mgi.InvalidValueError, match="kind: expected FindingKind"):
        mgi.Finding(1, "potential", "x")  # type: ignore[arg-type]
