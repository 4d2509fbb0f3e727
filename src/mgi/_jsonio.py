"""The one strict JSON reader: UTF-8 only, no key given twice, no NaN or
Infinity, and every problem located by line and column.

>>> parse_json('{"a": 1, "a": 2}', "mine.json")
Traceback (most recent call last):
...
mgi.errors.DataError: mine.json: line 1, column 1: invalid JSON: the key 'a' appears twice ...
"""

from __future__ import annotations

import json
import json.scanner
import re
import sys
from collections.abc import Iterator
from typing import Any

from mgi.errors import DataError, Problem
from mgi.text import half_pair, lone_surrogate

__all__ = ["decode_text", "parse_json"]


def parse_json(data: bytes | str, source: str | None = None) -> Any:
    r"""Parse JSON text strictly: UTF-8, no duplicate keys, no NaN or
    Infinity, and no lone surrogate (half of a UTF-16 pair, which is not a
    character and cannot be written back as UTF-8), whether written as an
    escape or, in a ``str``, as itself.

    >>> parse_json(r'{"title": ["ok", "\ud800"]}')
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: $.title[1]: U+D800, half of a surrogate pair, is not a character
    """
    text = decode_text(data, source)
    # Only a str can hold a surrogate itself: strict UTF-8 decoding refuses one.
    found = lone_surrogate(text) if isinstance(data, str) else None
    if found is not None:
        problem = Problem(_line_column(text, found), half_pair(text[found]))
        raise DataError([problem], source)
    try:
        parsed = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DataError([Problem(where, f"invalid JSON: {error.msg}")], source) from None
    except _BadJSON as error:
        raise DataError([Problem(_where(text, error), f"invalid JSON: {error}")], source) from None
    except RecursionError:
        raise DataError([Problem("", "invalid JSON: nested too deeply")], source) from None
    except ValueError as error:  # an integer longer than Python converts
        raise DataError([_long_number(text, error)], source) from None
    # Rare: find the lone ones.  A one-character search is the fast one (a
    # search for "\\u" reads the text ten times slower).
    if "\\" in text and re.search(_SURROGATE_ESCAPE, text):
        problems = [Problem(path, half_pair(char)) for path, char in _lone_surrogates(parsed)]
        if problems:
            raise DataError(problems, source)
    return parsed


_SURROGATE_ESCAPE = r"\\u[dD][89a-fA-F]"  # compiled by re on first use


def _lone_surrogates(value: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """The JSON path and the character of every lone surrogate in ``value``."""
    if isinstance(value, str):
        found = lone_surrogate(value)
        if found is not None:
            yield path, value[found]
    elif isinstance(value, dict):
        for key, item in value.items():
            step = f".{key}" if re.fullmatch(r"[A-Za-z_]\w*", key) else f"[{key!r}]"
            yield from _lone_surrogates(key, f"{path}{step} (the key)")
            yield from _lone_surrogates(item, path + step)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, f"{path}[{index}]")


def decode_text(data: bytes | str, source: str | None = None) -> str:
    """The text of UTF-8 ``data`` (a leading byte order mark is dropped)."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError([Problem(f"byte {error.start}", "not UTF-8 text")], source) from None


def _long_number(text: str, error: ValueError) -> Problem:
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", text) if limit else None
    if found is None:
        return Problem("", f"invalid JSON: {error}")
    message = f"invalid JSON: a number with more than {limit} digits"
    return Problem(_line_column(text, found.start()), message)


def _line_column(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    return f"line {line}, column {position - text.rfind(chr(10), 0, position)}"


class _BadJSON(ValueError):
    pass


class _BadConstant(_BadJSON):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):  # rare: find the key for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _BadJSON(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise _BadConstant(f"{name} is not a valid JSON number")


# JSON strings, skipped whole, and the words NaN and Infinity outside them.
_CONSTANTS = r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)'  # compiled by re on first use


def _where(text: str, error: _BadJSON) -> str:
    """Where the problem the fast parser found is: the word NaN or Infinity,
    or the object with a key given twice (found by parsing again, slowly,
    with positions: only ever for a bad document)."""
    if isinstance(error, _BadConstant):
        found = next((token for token in re.finditer(_CONSTANTS, text) if token[1]), None)
        return _line_column(text, found.start()) if found else ""
    try:
        _Locating().decode(text)
    except _At as at:
        return _line_column(text, at.position)
    except (ValueError, RecursionError):
        pass
    return ""


class _At(Exception):
    def __init__(self, position: int) -> None:
        self.position = position


class _Locating(json.JSONDecoder):
    """The pure-Python decoder, which knows where each object starts."""

    def __init__(self) -> None:
        super().__init__(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
        self.parse_object = _object_at
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def _object_at(start: tuple[str, int], *rest: Any) -> Any:
    try:
        return json.decoder.JSONObject(start, *rest)  # type: ignore[attr-defined]
    except _BadJSON:
        raise _At(start[1] - 1) from None
