"""Generated bad documents always raise an mgi error with a location."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st
from tests.mutations import break_keys, break_type, broken, error_from, json_values
from tests.strategies import profiles

import mgi


def _assert_located(document: Any) -> None:
    before = copy.deepcopy(document)
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document, source="generated.json")
    assert caught.value.problems
    for problem in caught.value.problems:
        assert problem.location.startswith("$"), problem
        assert problem.message
    assert document == before  # what the caller passed is read, never changed


@settings(max_examples=80, deadline=None)
@given(profiles, st.data())
def test_a_value_of_the_wrong_type_is_located(profile: mgi.Profile, data: st.DataObject) -> None:
    document = mgi.profile_to_dict(profile)
    break_type(document, data)
    _assert_located(document)


@settings(max_examples=60, deadline=None)
@given(profiles, st.data())
def test_a_missing_or_extra_key_is_located(profile: mgi.Profile, data: st.DataObject) -> None:
    document = mgi.profile_to_dict(profile)
    break_keys(document, data)
    _assert_located(document)


@pytest.mark.parametrize(
    ("path", "key"),
    [((), "title"), (("place",), "country"), (("findings", 3), "kind"), (("source",), "url")],
)
def test_a_key_renamed_to_an_unknown_one_is_located(path: tuple[Any, ...], key: str) -> None:
    # As many keys as before: an unknown key is refused whatever the count.
    document = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    target = document
    for step in path:
        target = target[step]
    target["unknown"] = target.pop(key)
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document)
    where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
    assert mgi.Problem(f"${where}", "extra fields found (unknown)") in caught.value.problems


@settings(max_examples=60, deadline=None)
@given(profiles, st.sampled_from(["2024", "2024-00", "24-08", "2024-8-1", "août 2024", ""]))
def test_a_bad_date_is_located(profile: mgi.Profile, date: str) -> None:
    document = mgi.profile_to_dict(profile)
    document["published"] = date
    _assert_located(document)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_json_value_gives_a_profile_or_an_mgi_error(value: Any) -> None:
    try:
        mgi.profile_from_dict(value)
        mgi.loads_profile(json.dumps(value))
    except mgi.MGIError:
        pass


# Values Python itself cannot print or convert must still give a located error.
TOO_MANY_DIGITS = sys.get_int_max_str_digits() + 1


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("1" * TOO_MANY_DIGITS, "line 1, column 1"),
        ('{"id":\n  %s}' % ("9" * TOO_MANY_DIGITS), "line 2, column 3"),
        ('{"id": -%s}' % ("9" * TOO_MANY_DIGITS), "line 1, column 9"),
    ],
)
def test_a_number_too_long_to_convert_is_located(text: str, location: str) -> None:
    with pytest.raises(mgi.DataError) as caught:
        mgi.loads_profile(text, source="long.json")
    (problem,) = caught.value.problems
    assert problem.location == location
    assert f"more than {TOO_MANY_DIGITS - 1} digits" in problem.message


@pytest.mark.parametrize(
    "value",
    [10**TOO_MANY_DIGITS, "x" * 1_000_000, list(range(100_000)), float("inf"), object()],
    ids=["huge-int", "huge-str", "huge-list", "inf", "object"],
)
def test_any_value_in_any_field_gives_a_short_located_error(value: object) -> None:
    document = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    document["place"]["country"] = value
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document)
    (problem,) = caught.value.problems
    assert problem.location == "$.place.country"
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize(
    "key",
    [10**TOO_MANY_DIGITS, "x" * 200_000, ("a", ["b"])],
    ids=["huge-int", "huge-str", "unhashable"],
)
def test_a_key_python_cannot_print_is_a_short_miss(key: Any) -> None:
    for collection in (mgi.domains, mgi.profiles, mgi.sdg.subcategories):
        assert collection.get(key) is None
        assert key not in collection
        with pytest.raises(mgi.NotFoundError) as caught:
            collection[key]
        assert len(str(caught.value)) < 200


@settings(max_examples=40, deadline=None)
@given(st.lists(profiles, min_size=1, max_size=4, unique_by=lambda p: p.id), st.data())
def test_every_broken_line_of_json_lines_is_located(
    items: list[mgi.Profile], data: st.DataObject
) -> None:
    lines = mgi.dumps_profiles(items).splitlines()
    spoilt = data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1))
    for index in spoilt:
        document = broken(mgi.profile_to_dict(items[index]), data)
        lines[index] = json.dumps(document, ensure_ascii=False)
    with pytest.raises(mgi.DataError) as caught:
        mgi.loads_profiles("\n".join(lines), source="profiles.jsonl")
    located = {
        int(problem.location.split(",")[0].removeprefix("line "))
        for problem in caught.value.problems
    }
    assert located == {index + 1 for index in spoilt}
    assert all(", $" in problem.location for problem in caught.value.problems)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["", "{", "[]", "null", '{"id": "a"}', "\u2028"]) | st.text(max_size=20),
        max_size=5,
    )
)
def test_any_json_lines_text_gives_profiles_or_located_errors(lines: list[str]) -> None:
    error = error_from(mgi.DataError, mgi.loads_profiles, "\n".join(lines))
    assert error is None or all(p.location.startswith("line ") for p in error.problems)


def test_a_json_lines_file_reports_every_bad_line(tmp_path: Path) -> None:
    good = mgi.dumps_profiles(mgi.profiles).strip()
    lines = [good, '{"id": "x"}', "", "[]", good]
    path = tmp_path / "profiles.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(path)
    assert caught.value.source == str(path)
    located = [problem.location for problem in caught.value.problems]
    assert located[0] == "line 2, $.title"
    assert "line 4, $" in located
    assert located[-1] == "line 5, $.id"  # the id of line 1 again


def test_half_a_surrogate_pair_is_refused_at_load_with_its_path() -> None:
    # JSON may escape half a surrogate pair, which no UTF-8 file can hold:
    # every loader refuses it, naming where it is.
    text = mgi.dumps_profile(mgi.profiles["huehuetenango-2024"])
    spoilt = text.replace('"title": "', '"title": "\\ud800', 1)
    line = spoilt.replace("\n", "") + "\n"
    for load in (mgi.loads_profile, mgi.loads_profiles):
        with pytest.raises(mgi.DataError, match=r"\$\.title: U\+D800, half of a surrogate"):
            load(spoilt if load is mgi.loads_profile else line)
    pair = text.replace('"title": "', '"title": "\\ud83d\\ude00', 1)
    assert mgi.loads_profile(pair).title.startswith("😀")


def test_a_profile_that_cannot_be_written_as_utf8_is_an_mgi_error(tmp_path: Path) -> None:
    # A profile built in Python may still hold one: writing says so, and
    # leaves no file behind.
    profile = attrs.evolve(mgi.profiles["huehuetenango-2024"], title="\ud800 title")
    for dump in (mgi.dump_profile, lambda p, path: mgi.dump_profiles([p], path)):
        with pytest.raises(mgi.MGIError, match="U\\+D800, half of a surrogate pair"):
            dump(profile, tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []
