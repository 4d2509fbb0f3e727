"""The shape every ``mgi`` collection shares: items in a stable order, found
by any of their keys with the one miss rule.

``collection[key]`` raises :class:`mgi.NotFoundError` with suggestions,
``collection.get(key)`` returns ``None``, ``key in collection`` never
raises. Subclasses say which words find an item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, Self, TypeVar, overload

from mgi._checks import ReadOnly
from mgi.errors import NotFoundError, PositionError
from mgi.text import close_matches, fold

__all__ = ["Items", "Lookup", "Ordered"]

T = TypeVar("T")
D = TypeVar("D")

# A key longer than this gets no suggestions: comparing a huge string with
# every name would take seconds, and nothing that long is a typo of a name.
SUGGEST_UP_TO = 200


class Items(ReadOnly, Generic[T]):
    """A read-only tuple of items, equal to a collection of its own type with
    the same items (whatever else it holds only helps find them)."""

    __slots__ = ("__weakref__", "_items")

    _items: tuple[T, ...]

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash((type(self), self._items))


class Lookup(Items[T]):
    """Items in order, and an index from folded words to items.

    Subclasses say which words find an item (``_keys_of``), how a key is
    normalised (``_normalise``) and which words to suggest (``_display_keys``).
    """

    __slots__ = ("_index",)
    _what = "item"

    _index: Mapping[str, T]

    def __init__(self, items: Iterable[T]) -> None:
        ordered = tuple(items)
        index: dict[str, T] = {}
        for item in ordered:
            for key in self._keys_of(item):
                index.setdefault(key, item)
        object.__setattr__(self, "_items", ordered)
        object.__setattr__(self, "_index", MappingProxyType(index))

    def _keys_of(self, item: T) -> Iterable[str]:
        raise NotImplementedError

    def _normalise(self, key: object) -> str | None:
        return fold(key) if isinstance(key, str) else None

    def _display_keys(self) -> Iterable[str]:
        raise NotImplementedError

    def _suggest(self, key: object) -> list[str]:
        if not isinstance(key, str) or len(key) > SUGGEST_UP_TO:
            return []
        return close_matches(key, self._display_keys())

    def _find(self, key: object) -> T | None:
        try:
            normalised = self._normalise(key)
        except Exception:  # an unhashable or odd key is a miss, not a crash
            return None
        return None if normalised is None else self._index.get(normalised)

    def _lookup(self, key: object) -> T:
        found = self._find(key)
        if found is None:
            raise NotFoundError(self._what, key, self._suggest(key))
        return found

    @overload
    def get(self, key: object) -> T | None: ...
    @overload
    def get(self, key: object, default: D) -> T | D: ...

    def get(self, key: object, default: object = None) -> object:
        """The item ``key`` names, or ``default`` when nothing matches; never raises."""
        found = self._find(key)
        return default if found is None else found

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._items,))


class Ordered(Lookup[T], Sequence[T]):
    """A sequence in a stable order whose items are also found by name."""

    __slots__ = ()

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self, key: slice) -> Self: ...
    @overload
    def __getitem__(self, key: str | T) -> T: ...

    def __getitem__(self, key: object) -> object:
        if isinstance(key, slice):
            return self._slice(key)
        if isinstance(key, int) and not isinstance(key, bool):
            try:
                return self._items[key]
            except (IndexError, OverflowError):
                raise PositionError(f"{self._what} position", key, len(self._items)) from None
        return self._lookup(key)

    def _slice(self, key: slice) -> Self:
        return type(self)(self._items[key])

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items or self._find(key) is not None

    def __bool__(self) -> bool:
        return bool(self._items)
