"""Read-only, indexed collections of domains and profiles.

Every collection follows one rule for misses:

- ``collection[key]`` returns the item or raises :class:`mgi.NotFoundError`
  (a ``KeyError``) that names the key and suggests close matches;
- ``collection.get(key)`` returns ``None`` (or a given default), never raises;
- ``key in collection`` never raises;
- iteration follows a stable order (domain number; profile id).

>>> import mgi
>>> mgi.domains[3] is mgi.domains["ALIANZAS"] is mgi.domains.get("partnerships")
True
>>> mgi.domains.get("nothing") is None, "nothing" in mgi.domains
(True, False)
>>> [p.id for p in mgi.profiles.filter(country="GTM", level="local", year=2024)]
['huehuetenango-2024']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from types import MappingProxyType
from typing import Generic, TypeAlias, TypeVar, overload

from mgi.errors import MGIError, NotFoundError
from mgi.model import Domain, Level, Profile
from mgi.text import close_matches, fold

__all__ = ["DomainKey", "Domains", "Profiles"]

#: What ``mgi.domains[...]`` accepts: a number 1-6, a slug, an SDG code
#: (``PD_3``), any known name in any language, or a Domain.
DomainKey: TypeAlias = int | str | Domain

T = TypeVar("T")
K = TypeVar("K")
D = TypeVar("D")


class _Collection(Generic[K, T]):
    """Shared lookup rules; subclasses say how keys are normalised."""

    __slots__ = ("_index", "_items")
    _what = "item"

    _items: tuple[T, ...]
    _index: Mapping[str, T]

    def __init__(self, items: Iterable[T]) -> None:
        ordered = tuple(items)
        index: dict[str, T] = {}
        for item in ordered:
            for key in self._keys_of(item):
                index.setdefault(key, item)
        object.__setattr__(self, "_items", ordered)
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _keys_of(self, item: T) -> Iterable[str]:
        raise NotImplementedError

    def _normalise(self, key: object) -> str | None:
        return fold(key) if isinstance(key, str) else None

    def _suggest(self, key: object) -> list[str]:
        return close_matches(key, self._display_keys()) if isinstance(key, str) else []

    def _display_keys(self) -> Iterable[str]:
        raise NotImplementedError

    def __getitem__(self, key: K) -> T:
        found = self.get(key)
        if found is None:
            raise NotFoundError(self._what, key, self._suggest(key))
        return found

    @overload
    def get(self, key: K) -> T | None: ...
    @overload
    def get(self, key: K, default: D) -> T | D: ...

    def get(self, key: K, default: object = None) -> object:
        """The item for ``key``, or ``default`` when nothing matches."""
        try:
            normalised = self._normalise(key)
        except Exception:  # an unhashable or odd key is a miss, not a crash
            return default
        if normalised is None:
            return default
        return self._index.get(normalised, default)

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


class Domains(_Collection[DomainKey, Domain]):
    """The six MGI domains, found by number, slug, SDG code or any name.

    >>> import mgi
    >>> mgi.domains["MIGRANTS' RIGHTS"].number
    1
    >>> mgi.domains["Movilidad en situaciones de crisis"].slug
    'crises'
    >>> [d.number for d in mgi.domains]
    [1, 2, 3, 4, 5, 6]
    """

    __slots__ = ()
    _what = "domain"

    def _keys_of(self, item: Domain) -> Iterable[str]:
        yield str(item.number)
        yield fold(item.slug)
        yield fold(item.sdg_code)
        for name in item.names:
            yield fold(name.text)

    def _normalise(self, key: object) -> str | None:
        if isinstance(key, Domain):
            return str(key.number) if key in self._items else None
        if isinstance(key, int) and not isinstance(key, bool):
            return str(key)
        return super()._normalise(key)

    def _display_keys(self) -> Iterable[str]:
        for domain in self._items:
            yield domain.slug
            yield from (name.text for name in domain.names)

    def _suggest(self, key: object) -> list[str]:
        # Suggest slugs (what a program should write), whatever name was near.
        found: list[str] = []
        for match in super()._suggest(key):
            slug = self._index[fold(match)].slug
            if slug not in found:
                found.append(slug)
        return found

    def __repr__(self) -> str:
        return "Domains(" + ", ".join(f"{d.number}={d.slug}" for d in self._items) + ")"


class Profiles(_Collection[str, Profile]):
    """Profiles found by id and narrowed by :meth:`filter`.

    Ids are unique: building a collection with the same id twice raises
    :class:`mgi.MGIError`.

    >>> import mgi
    >>> mgi.profiles.ids
    ('huehuetenango-2024',)
    >>> len(mgi.profiles.filter(level="national")), len(mgi.profiles.filter(country="guatemala"))
    (0, 1)
    """

    __slots__ = ()
    _what = "profile"

    def __init__(self, profiles: Iterable[Profile]) -> None:
        ordered = sorted(profiles, key=lambda profile: profile.id)
        for before, after in pairwise(ordered):
            if before.id == after.id:
                raise MGIError(f"two profiles have the id {before.id!r}")
        super().__init__(ordered)

    def _keys_of(self, item: Profile) -> Iterable[str]:
        yield fold(item.id)

    def _display_keys(self) -> Iterable[str]:
        return (profile.id for profile in self._items)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every profile id, in order."""
        return tuple(profile.id for profile in self._items)

    def filter(
        self,
        *,
        country: str | None = None,
        level: Level | str | None = None,
        language: str | None = None,
        year: int | None = None,
    ) -> Profiles:
        """The profiles that match every given criterion.

        ``country`` is an ISO 3166-1 alpha-3 code or the country's name as the
        profile writes it (case and accents ignored); ``level`` is
        ``'national'`` or ``'local'``.
        """
        wanted_level = _level(level) if level is not None else None
        wanted_country = fold(country) if country is not None else None
        return Profiles(
            profile
            for profile in self._items
            if (wanted_country is None or wanted_country in _country_keys(profile))
            and (wanted_level is None or profile.place.level is wanted_level)
            and (language is None or profile.language == language)
            and (year is None or profile.published.year == year)
        )

    def __repr__(self) -> str:
        return f"Profiles({', '.join(self.ids)})"


def _country_keys(profile: Profile) -> tuple[str, str]:
    return fold(profile.place.country), fold(profile.place.country_name)


def _level(level: Level | str) -> Level:
    if isinstance(level, Level):
        return level
    for member in Level:
        if isinstance(level, str) and fold(level) == member.value:
            return member
    raise NotFoundError("level", level, [member.value for member in Level])
