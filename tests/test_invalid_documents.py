"""Generated bad documents always raise an mgi error with a location."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import profiles

import mgi

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


def _wrong_type(value: Any) -> Any:
    if isinstance(value, str):
        return 1
    if isinstance(value, (dict, list)):
        return "text"
    return ["not", "this"]


def _assert_located(document: Any) -> None:
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document, source="generated.json")
    assert caught.value.problems
    for problem in caught.value.problems:
        assert problem.location.startswith("$"), problem
        assert problem.message


@settings(max_examples=80, deadline=None)
@given(profiles, st.data())
def test_a_value_of_the_wrong_type_is_located(profile: mgi.Profile, data: st.DataObject) -> None:
    document = mgi.profile_to_dict(profile)
    paths = [p for p in _paths(document) if _parent(document, p)[p[-1]] is not None]
    path = data.draw(st.sampled_from(paths))
    parent = _parent(document, path)
    parent[path[-1]] = _wrong_type(parent[path[-1]])
    _assert_located(document)


@settings(max_examples=60, deadline=None)
@given(profiles, st.data())
def test_a_missing_or_extra_key_is_located(profile: mgi.Profile, data: st.DataObject) -> None:
    document = mgi.profile_to_dict(profile)
    objects = [()] + [p for p in _paths(document) if isinstance(_parent(document, p)[p[-1]], dict)]
    where = data.draw(st.sampled_from(objects))
    target = _parent(document, (*where, None)) if where else document
    if data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(k for k in target if k != "url")))
        del target[key]
    else:
        target[data.draw(st.text(min_size=1, max_size=8).filter(lambda k: k not in target))] = 1
    _assert_located(document)


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
