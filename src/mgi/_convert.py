"""The one cattrs converter between JSON-shaped data and ``mgi`` records.

It is strict where cattrs is lenient by default: a string is never read as a
number or a list, a number never as a string, unknown keys are rejected, and
every problem is reported with its JSON path.  Imported only when data is
first loaded, so ``import mgi`` stays cheap.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from mgi.errors import DataError, InvalidValueError, Problem, _shown
from mgi.model import (
    DOMAIN_SLUGS,
    Finding,
    FindingKind,
    Level,
    MigofKind,
    NameUse,
    YearMonth,
)
from mgi.text import close_matches

__all__ = ["structure", "unstructure"]

T = TypeVar("T")


def _describe(value: object) -> str:
    if value is None:
        return "null"
    names = {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        dict: "object",
    }
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    shown = _shown(value) if isinstance(value, (int, float, str)) else ""
    return f"{names.get(type(value), type(value).__name__)} {shown}".rstrip()


def _exactly(kind: type, label: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise InvalidValueError(f"expected {label}, got {_describe(value)}")
        return value

    return structure


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValueError(f"expected a number, got {_describe(value)}")
    return float(value)


def _structure_optional_str(value: Any, _: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise InvalidValueError(f"expected a string or null, got {_describe(value)}")
    return value  # type: ignore[no-any-return,unused-ignore]


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    values = [member.value for member in kind]

    def structure(value: Any, __: Any) -> Any:
        if isinstance(value, str) and value in values:
            return kind(value)
        hint = close_matches(value, values) if isinstance(value, str) else []
        raise InvalidValueError(
            f"expected one of {', '.join(map(repr, values))}, got {_describe(value)}"
            + (f" (did you mean {hint[0]!r}?)" if hint else "")
        )

    return structure


def _tuple_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, list):
            raise InvalidValueError(f"expected an array, got {_describe(value)}")
        return items(value, type_)

    return structure


def _record_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    return _record_hook_with(converter, kind)


def _structure_domain(value: Any, _: Any) -> int:
    if isinstance(value, str) and value in DOMAIN_SLUGS:
        return DOMAIN_SLUGS.index(value) + 1
    hint = close_matches(value, DOMAIN_SLUGS, limit=1) if isinstance(value, str) else []
    raise InvalidValueError(
        f"unknown domain {_shown(value)}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
        if isinstance(value, str)
        else f"expected a domain slug such as 'partnerships', got {_describe(value)}"
    )


def _structure_year_month(value: Any, _: Any) -> YearMonth:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"expected a year and month like '2024-08', got {_describe(value)}"
        )
    return YearMonth.parse(value)


def _build() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _exactly(str, "a string"))
    converter.register_structure_hook(int, _exactly(int, "an integer"))
    converter.register_structure_hook(bool, _exactly(bool, "true or false"))
    converter.register_structure_hook(float, _structure_float)
    # Class hooks also match subclasses: each StrEnum needs its own, or the
    # str hook would let any string through.
    for kind in (Level, FindingKind, NameUse, MigofKind):
        converter.register_structure_hook(kind, _enum_hook(kind))
    converter.register_structure_hook(str | None, _structure_optional_str)
    converter.register_structure_hook(YearMonth, _structure_year_month)
    converter.register_unstructure_hook(YearMonth, str)
    converter.register_structure_hook_factory(
        lambda t: is_sequence(t) and getattr(t, "__origin__", None) is tuple, _tuple_hook
    )
    converter.register_structure_hook_factory(attrs.has, _record_hook)
    # A finding names its domain by slug in JSON and by number in Python.
    converter.register_structure_hook(
        Finding,
        _record_hook_with(converter, Finding, domain=override(struct_hook=_structure_domain)),
    )
    converter.register_unstructure_hook(
        Finding,
        make_dict_unstructure_fn(
            Finding,
            converter,
            domain=override(unstruct_hook=lambda number: DOMAIN_SLUGS[number - 1]),
        ),
    )
    return converter


def _record_hook_with(
    converter: cattrs.Converter, kind: type, **overrides: Any
) -> Callable[[Any, Any], Any]:
    fields: Callable[[Any, Any], Any] = make_dict_structure_fn(
        kind, converter, _cattrs_forbid_extra_keys=True, **overrides
    )

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise InvalidValueError(f"expected an object, got {_describe(value)}")
        return fields(value, type_)

    return structure


_converter = _build()


def structure(data: Any, kind: type[T], source: str | None = None) -> T:
    """Turn JSON-shaped ``data`` into a ``kind`` record, or raise DataError."""
    try:
        return _converter.structure(data, kind)
    except Exception as error:  # every failure becomes located problems
        raise DataError(_problems(error, "$"), source) from error


def unstructure(record: object) -> Any:
    """Turn a record into JSON-shaped data (dicts, lists, strings, numbers)."""
    return _converter.unstructure(record)


def _problems(error: BaseException, path: str) -> list[Problem]:
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        found: list[Problem] = []
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step = f".{note.name}" if hasattr(note, "name") else f"[{note.index!r}]"
            found.extend(_problems(inner, path + step))
        for inner in without:
            found.extend(_problems(inner, path))
        return found
    if isinstance(error, InvalidValueError):
        where = f"{path}.{error.field}" if error.field else path
        return [Problem(where, error.message)]
    return [Problem(path, format_exception(error, None))]
