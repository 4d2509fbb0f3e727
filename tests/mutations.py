"""Ways to break a valid JSON-shaped document, for tests of located errors."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st

E = TypeVar("E", bound=BaseException)

# Any JSON value.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

# Keys whose field has a default: leaving them out is no error.
OPTIONAL_KEYS = frozenset({"url", "note", "$schema"})


def paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (keys and indexes)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*path, index))
    return found


def parent(document: Any, path: tuple[Any, ...]) -> Any:
    """The object or array holding the value at ``path``."""
    for step in path[:-1]:
        document = document[step]
    return document


def wrong_type(value: Any) -> Any:
    """A value of another JSON type than ``value``."""
    if isinstance(value, str):
        return 1
    if isinstance(value, (dict, list)):
        return "text"
    return ["not", "this"]


def break_type(document: Any, data: st.DataObject) -> None:
    """Give one non-null value inside ``document`` another type, in place."""
    found = [p for p in paths(document) if parent(document, p)[p[-1]] is not None]
    path = data.draw(st.sampled_from(found))
    holder = parent(document, path)
    holder[path[-1]] = wrong_type(holder[path[-1]])


def break_keys(document: Any, data: st.DataObject) -> None:
    """Remove a required key from one object in ``document``, or add an
    unknown one, in place."""
    objects = [()] + [p for p in paths(document) if isinstance(parent(document, p)[p[-1]], dict)]
    where = data.draw(st.sampled_from(objects))
    target = parent(document, (*where, None)) if where else document
    required = sorted(key for key in target if key not in OPTIONAL_KEYS)
    if required and data.draw(st.booleans()):
        del target[data.draw(st.sampled_from(required))]
    else:
        target[data.draw(st.text(min_size=1, max_size=8).filter(lambda k: k not in target))] = 1


def broken(document: Any, data: st.DataObject) -> Any:
    """A copy of ``document`` with a wrong type, a missing key or an extra key."""
    document = copy.deepcopy(document)
    data.draw(st.sampled_from([break_type, break_keys]))(document, data)
    return document


def error_from(kind: type[E], work: Callable[..., object], *args: Any, **kwargs: Any) -> E | None:
    """The ``kind`` error ``work(*args, **kwargs)`` raises, or None when it
    returns; any other error propagates (and fails the test)."""
    try:
        work(*args, **kwargs)
    except kind as error:
        return error
    return None
