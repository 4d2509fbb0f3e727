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

A collection cannot be changed: it is a value, equal to another of its kind
with the same items, and its own copy.

>>> import copy
>>> mgi.profiles.filter(country="GTM") == mgi.profiles.filter(year=2024)
True
>>> copy.deepcopy(mgi.domains) is mgi.domains
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, Self, TypeAlias, TypeVar, Unpack, overload

from mgi.errors import DataError, NotFoundError, Problem
from mgi.model import Domain, FindingKind, Level, Profile, _finding_kind
from mgi.text import close_matches, fold

if TYPE_CHECKING:
    from mgi.index import Hits, Index, SearchCriteria

__all__ = ["DomainKey", "Domains", "Profiles"]

#: What ``mgi.domains[...]`` accepts: a number 1-6, a slug, an SDG code
#: (``PD_3``), any known name in any language, or a Domain.
DomainKey: TypeAlias = int | str | Domain

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
K = TypeVar("K")
D = TypeVar("D")


class _ReadOnly:
    """Objects whose attributes no caller can set or delete."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    # Nothing can change it, so a copy is the object itself.
    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: object) -> Self:
        return self


class _Collection(_ReadOnly, Generic[K, T]):
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

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash((type(self), self._items))


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
    """Profiles found by id, narrowed by :meth:`filter`, searched with :meth:`search`.

    Build one from Profile objects, or load one with :func:`mgi.load_profiles`
    (JSON files, directories, JSON Lines). Ids are unique: the same id twice
    raises :class:`mgi.DataError` naming both places it came from.

    >>> import mgi
    >>> mgi.profiles.ids
    ('huehuetenango-2024',)
    >>> len(mgi.profiles.filter(level="national")), len(mgi.profiles.filter(country="guatemala"))
    (0, 1)
    >>> profiles = mgi.Profiles([mgi.profiles["huehuetenango-2024"]])
    >>> profiles.source_of("huehuetenango-2024")
    'item 0'
    >>> mgi.Profiles(list(profiles) * 2)
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: profile id 'huehuetenango-2024' appears twice: item 0 and item 1
    """

    __slots__ = ("_search_index", "_sources")
    _what = "profile"

    _sources: Mapping[str, str]
    _search_index: Index | None

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self._init([(profile, f"item {number}") for number, profile in enumerate(profiles)])

    @classmethod
    def _with_sources(cls, pairs: Iterable[tuple[Profile, str]]) -> Profiles:
        """A collection of (profile, where it came from) pairs."""
        made = cls.__new__(cls)
        made._init(pairs)
        return made

    def _init(self, pairs: Iterable[tuple[Profile, str]]) -> None:
        ordered = sorted(pairs, key=lambda pair: pair[0].id)
        for (before, first), (after, second) in pairwise(ordered):
            if before.id == after.id:
                raise DataError(
                    [Problem("", f"profile id {after.id!r} appears twice: {first} and {second}")]
                )
        sources = MappingProxyType({profile.id: source for profile, source in ordered})
        object.__setattr__(self, "_sources", sources)
        object.__setattr__(self, "_search_index", None)
        super().__init__(profile for profile, _ in ordered)

    def _keys_of(self, item: Profile) -> Iterable[str]:
        yield fold(item.id)

    def _display_keys(self) -> Iterable[str]:
        return (profile.id for profile in self._items)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every profile id, in order."""
        return tuple(profile.id for profile in self._items)

    def source_of(self, key: str) -> str:
        """Where the profile came from: a file (and line), or its place in
        the objects given to :class:`Profiles`."""
        return self._sources[self[key].id]

    def filter(
        self,
        *,
        country: str | None = None,
        level: Level | str | None = None,
        language: str | None = None,
        year: int | None = None,
        domain: DomainKey | None = None,
        kind: FindingKind | str | None = None,
    ) -> Profiles:
        """The profiles that match every given criterion.

        ``country`` is an ISO 3166-1 alpha-3 code or the country's name as the
        profile writes it (case and accents ignored); ``level`` is
        ``'national'`` or ``'local'``. With ``domain`` and/or ``kind``, only
        profiles with at least one such finding are kept.

        >>> import mgi
        >>> mgi.profiles.filter(country="guatemala", domain="crises", kind="potential").ids
        ('huehuetenango-2024',)
        """
        wanted_level = member(Level, level, "level") if level is not None else None
        wanted_country = fold(country) if country is not None else None
        number = _domains()[domain].number if domain is not None else None
        wanted_kind = _finding_kind(kind) if kind is not None else None
        with_findings = domain is not None or kind is not None
        return Profiles._with_sources(
            (profile, self._sources[profile.id])
            for profile in self._items
            if (wanted_country is None or wanted_country in _country_keys(profile))
            and (wanted_level is None or profile.place.level is wanted_level)
            and (language is None or profile.language == language)
            and (year is None or profile.published.year == year)
            and (not with_findings or profile.select(number, wanted_kind))
        )

    def search(self, query: str, **criteria: Unpack[SearchCriteria]) -> Hits:
        """Findings, titles and introductions that match ``query``, best first.

        Words match words that begin with them, ignoring case and accents;
        double quotes make a phrase (see :mod:`mgi.index` for the rules and
        the ranking). The criteria (:class:`mgi.index.SearchCriteria`):
        ``domain`` and ``kind`` keep findings of that domain or kind;
        ``part`` ('title', 'introduction' or 'finding') one part of the
        profiles; ``country``, ``level``, ``language`` and ``year`` are those
        of :meth:`filter`; ``limit`` stops after that many hits, which is
        faster than slicing. An unknown domain, kind or part raises
        :class:`mgi.NotFoundError`.

        >>> import mgi
        >>> hits = mgi.profiles.search("TRABAJADORES migrante", kind="potential")
        >>> [(hit.domain, hit.position) for hit in hits]
        [(4, 2), (4, 3)]
        >>> hits[0].text[:50]
        'Implementar programas locales para atraer a trabaj'
        """
        from mgi.index import search_in

        return search_in(self, query, criteria)

    def __repr__(self) -> str:
        if len(self._items) > 6:
            return f"Profiles({', '.join(self.ids[:3])}, … {len(self._items) - 3} more)"
        return f"Profiles({', '.join(self.ids)})"

    def _repr_html_(self) -> str:
        from mgi.views import profiles_html

        return profiles_html(self)

    def _repr_markdown_(self) -> str:
        from mgi.views import profiles_markdown

        return profiles_markdown(self)


def _country_keys(profile: Profile) -> tuple[str, str]:
    return fold(profile.place.country), fold(profile.place.country_name)


def _domains() -> Domains:
    from mgi._data import domains

    return domains()


def member(kind: type[E], value: E | str, what: str) -> E:
    """The member of the enum ``kind`` that ``value`` is or names (case,
    accents, spaces and underscores aside); :class:`mgi.NotFoundError` if none."""
    if isinstance(value, kind):
        return value
    folded = fold(value).replace(" ", "_") if isinstance(value, str) else None
    for candidate in kind:
        if folded == candidate.value:
            return candidate
    raise NotFoundError(what, value, [candidate.value for candidate in kind])
