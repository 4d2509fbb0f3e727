"""No caller can change the shared objects: every public record, collection
and table, and every container they hold or hand out, is read-only.  A caller
who needs a variant builds one with ``attrs.evolve``.

The test is systematic: it finds every public class in ``mgi.__all__`` and
in the public submodules, reaches live instances of each (and of every record
class they lead to) from the bundled data and the public functions, and tries
every way of changing them.
"""

from __future__ import annotations

import copy
import enum
import inspect
import numbers
from collections.abc import Iterator
from types import MappingProxyType, ModuleType
from typing import Any, is_typeddict

import attrs
import pytest

import mgi
from mgi import export, index, parse, text, views
from mgi._checks import ReadOnly as _ReadOnly
from mgi._lookup import Lookup

NAMESPACES: list[ModuleType] = [mgi, mgi.sdg, index, export]
# Modules whose public constants are shared by every caller.
TABLES: list[ModuleType] = [mgi, mgi.sdg, text, parse, index, export, views]


def _public_classes() -> list[type]:
    return sorted(
        {
            value
            for namespace in NAMESPACES
            for name in namespace.__all__
            if isinstance(value := getattr(namespace, name), type)
        },
        key=lambda cls: cls.__qualname__,
    )


def _roots() -> list[object]:
    """Live objects: the bundled data and what the public functions return."""
    profile = mgi.profiles["huehuetenango-2024"]
    damaged = profile.to_text().replace("ALIANZAS", "ALIANZA")
    hits = mgi.search('migrantes "trata de personas"') or mgi.search("migrantes")
    return [
        mgi.domains,
        mgi.profiles,
        mgi.profiles.filter(country="GTM"),
        mgi.load_profiles(mgi.profiles),
        hits,
        hits[:2],
        mgi.profiles.search("alianzas", kind="potential"),
        mgi.findings_table(mgi.profiles),
        mgi.summary_table(mgi.profiles),
        mgi.provenance(),
        mgi.sdg.indicator,
        mgi.sdg.subcategories,
        mgi.sdg.score({"1a": "yes_only_legal_status", "3b": "yes"}, partial=True),
        mgi.parse_profile(damaged, strict=False),
        profile.by_domain(),
        mgi.sdg.results,
        mgi.sdg.results.filter(country="CAN"),
        mgi.sdg.shares,
        mgi.sdg.compare(mgi.sdg.score({"1a": "no"}, partial=True), "Canada"),
        mgi.assessments,
        mgi.assessments.filter(level="local"),
        mgi.assessments.published,
        mgi.sdg.results.table(),
    ]


def _public_values(obj: object) -> Iterator[tuple[str, Any]]:
    """The fields and properties a caller reads, by name."""
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield field.name, getattr(obj, field.name)
    for name, member in inspect.getmembers(type(obj)):
        if isinstance(member, property) and not name.startswith("_"):
            if "deprecated" in (member.__doc__ or "").lower():
                continue  # the same value under its new name
            yield name, getattr(obj, name)


def _reachable() -> dict[type, list[object]]:
    """Every object reachable from the roots, by type."""
    found: dict[type, list[object]] = {}
    seen: set[int] = set()
    stack = _roots()
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, numbers.Number, type(None), enum.Enum)):
            continue
        seen.add(id(obj))
        found.setdefault(type(obj), []).append(obj)
        if isinstance(obj, (tuple, frozenset, Lookup, index.Hits)):
            stack.extend(obj)
        elif isinstance(obj, MappingProxyType):
            stack.extend(obj.values())
        else:
            stack.extend(value for _, value in _public_values(obj))
    return found


REACHABLE = _reachable()
# Every record class: the public ones and any other a public object leads to.
RECORD_TYPES = sorted(
    {cls for cls in [*_public_classes(), *REACHABLE] if attrs.has(cls)},
    key=lambda cls: cls.__qualname__,
)
# Collections, search results and the like: read-only objects that are not records.
COLLECTION_TYPES = sorted(
    {cls for cls in [*_public_classes(), *REACHABLE] if issubclass(cls, _ReadOnly)},
    key=lambda cls: cls.__qualname__,
)
ENUM_TYPES = [cls for cls in _public_classes() if issubclass(cls, enum.Enum)]


def test_every_public_class_is_reached() -> None:
    # A new public class needs a root above, so that the tests below try it.
    missing = [
        cls.__qualname__
        for cls in _public_classes()
        if not issubclass(cls, (enum.Enum, BaseException))
        and cls not in REACHABLE
        and not is_typeddict(cls)
    ]
    assert not missing
    assert len(RECORD_TYPES) >= 25
    assert {cls.__name__ for cls in COLLECTION_TYPES} >= {"Domains", "Profiles", "Hits"}


def _assert_read_only_value(where: str, value: Any) -> None:
    """A held or returned container must be one nobody can change."""
    assert not isinstance(value, (list, dict, set, bytearray)), f"{where} is a {type(value)}"
    if isinstance(value, tuple):
        with pytest.raises(TypeError):
            value[0] = None  # type: ignore[index]
    elif isinstance(value, MappingProxyType):
        with pytest.raises(TypeError):
            value["key"] = None  # type: ignore[index]


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__qualname__)
def test_records_refuse_every_change(cls: type) -> None:
    for record in REACHABLE[cls][:3]:
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, field.name, None)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(record, field.name)
        with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
            record.new_attribute = None  # type: ignore[attr-defined]
        hash(record)  # only immutable values inside
        for name, value in _public_values(record):
            _assert_read_only_value(f"{cls.__qualname__}.{name}", value)


def _slots(cls: type) -> list[str]:
    return [name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ())]


@pytest.mark.parametrize("cls", COLLECTION_TYPES, ids=lambda cls: cls.__name__)
def test_collections_refuse_every_change(cls: type) -> None:
    for collection in REACHABLE[cls]:
        for name in [*_slots(cls), "new_attribute"]:
            with pytest.raises(AttributeError):
                setattr(collection, name, ())
            with pytest.raises(AttributeError):
                delattr(collection, name)
        with pytest.raises(TypeError):
            collection[1] = None
        with pytest.raises(TypeError):
            del collection[1]
        for name in _slots(cls):
            held = getattr(collection, name)
            if isinstance(held, (dict, MappingProxyType)):  # an index by key
                _assert_read_only_value(f"{cls.__name__}.{name}", held)
        for name, value in _public_values(collection):
            _assert_read_only_value(f"{cls.__name__}.{name}", value)


def _callable_without_arguments(obj: object) -> Iterator[tuple[str, Any]]:
    for name, member in inspect.getmembers(type(obj), inspect.isfunction):
        if name.startswith("_"):
            continue
        parameters = list(inspect.signature(member).parameters.values())[1:]
        if all(parameter.default is not parameter.empty for parameter in parameters):
            yield name, getattr(obj, name)


def _spoil(value: Any) -> None:
    """Change a returned container and everything inside it, where one can."""
    if isinstance(value, (list, dict, set)):
        for inner in list(value.values() if isinstance(value, dict) else value):
            _spoil(inner)
        value.clear()
    elif type(value).__name__ == "DataFrame":  # Table.to_frame()
        value.columns = [f"changed {number}" for number in range(len(value.columns))]


def _same(first: Any, second: Any) -> bool:
    equals = getattr(first, "equals", None)  # a DataFrame compares cell by cell
    return bool(equals(second)) if equals is not None else bool(first == second)


@pytest.mark.parametrize("cls", RECORD_TYPES + COLLECTION_TYPES, ids=lambda c: c.__qualname__)
def test_changing_what_a_method_returns_changes_nothing(cls: type) -> None:
    for obj in REACHABLE[cls][:2]:
        for name, method in _callable_without_arguments(obj):
            first = method()
            kept = copy.deepcopy(first)
            _spoil(first)
            assert _same(method(), kept), f"{cls.__qualname__}.{name}() handed out its own state"


@pytest.mark.parametrize("cls", ENUM_TYPES, ids=lambda cls: cls.__qualname__)
def test_enum_members_cannot_be_replaced(cls: type[enum.Enum]) -> None:
    member = next(iter(cls))
    with pytest.raises(AttributeError):
        setattr(cls, member.name, None)
    with pytest.raises(AttributeError):
        delattr(cls, member.name)


@pytest.mark.parametrize("module", TABLES, ids=lambda module: module.__name__)
def test_shared_tables_are_read_only(module: ModuleType) -> None:
    for name in module.__all__:
        value = getattr(module, name)
        _assert_read_only_value(f"{module.__name__}.{name}", value)
        if isinstance(value, MappingProxyType):
            for inner in value.values():
                _assert_read_only_value(f"{module.__name__}.{name}[...]", inner)


def test_lookup_tables_behind_the_reader_are_read_only() -> None:
    from mgi._data import countries

    table = countries()
    with pytest.raises(AttributeError):
        table._by_name = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        table._by_name["atlantis"] = "ATL"  # type: ignore[index]
    with pytest.raises(TypeError):
        views.LABELS["es"][mgi.FindingKind.POTENTIAL] = "changed"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        views.LABELS["es"][mgi.FindingKind.POTENTIAL].page = "changed"  # type: ignore[misc]


def test_variants_come_from_evolve() -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    variant = attrs.evolve(profile, findings=profile.findings[:1])
    assert len(variant.findings) == 1
    assert len(mgi.profiles["huehuetenango-2024"].findings) == 33
    with pytest.raises(mgi.InvalidValueError):
        attrs.evolve(profile, language="Spanish")
