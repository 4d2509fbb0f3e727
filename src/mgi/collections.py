"""Read-only collections: the domains, profiles and SDG sub-categories.

Each is a real :mod:`collections.abc` type, so the standard library's
helpers treat it as what it is:

- :class:`Domains` is a ``Mapping`` from domain number (1-6) to
  :class:`~mgi.Domain`: ``mgi.domains[3]`` is domain 3, iteration gives the
  numbers, ``.values()`` the domains in order;
- :class:`Profiles` and :class:`Subcategories` are ``Sequence`` types in a
  stable order (profile id; sub-category key): ``[0]``, ``[-1]``, slices,
  ``reversed`` and ``random.choice`` work as on a tuple.

Besides its own keys (numbers; positions), each is looked up by the words
people use, with one rule for misses:

- ``collection[key]`` returns the item or raises :class:`mgi.NotFoundError`
  (a ``KeyError``) that names the key and suggests close matches;
- ``collection.get(key)`` returns ``None`` (or a given default), never raises;
- ``key in collection`` never raises.

>>> import mgi
>>> mgi.domains[3] is mgi.domains["ALIANZAS"] is mgi.domains.get("partnerships")
True
>>> mgi.domains.get("nothing") is None, "nothing" in mgi.domains
(True, False)
>>> list(mgi.domains), mgi.domains.values()[5].slug
([1, 2, 3, 4, 5, 6], 'safe_orderly_regular')
>>> mgi.profiles[0] is mgi.profiles[-1] is mgi.profiles["huehuetenango-2024"]
True

A collection cannot be changed: it is a value, equal to another of its kind
with the same items, its own copy, and it pickles.

>>> import copy, pickle
>>> mgi.profiles.filter(country="GTM") == mgi.profiles.filter(year=2024)
True
>>> copy.deepcopy(mgi.domains) is mgi.domains
True
>>> pickle.loads(pickle.dumps(mgi.domains)) == mgi.domains
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, Unpack

from mgi._languages import language as _language_of
from mgi._lookup import Ordered
from mgi.errors import DataError, InvalidValueError, NotFoundError, Problem
from mgi.indicator import Subcategory
from mgi.model import FindingKind, FindingKindName, Profile, finding_kind
from mgi.taxonomy import (
    DomainKey,
    Domains,  # at home in mgi.taxonomy, named here too as in 0.2.0
    Level,
    LevelName,
    domain_number,
    level_of,
)
from mgi.text import close_matches, fold

if TYPE_CHECKING:
    from mgi._countries import Countries
    from mgi._languages import Languages
    from mgi.index import Hits, SearchCriteria

__all__ = ["DomainKey", "Domains", "Profiles", "Subcategories", "SubcategoryKey"]

T = TypeVar("T")
D = TypeVar("D")

#: What ``mgi.sdg.subcategories[...]`` accepts besides a position: a key like
#: ``'1a'``, an English name, or a Subcategory.
SubcategoryKey: TypeAlias = str | Subcategory


class Profiles(Ordered[Profile]):
    """Profiles in id order: a sequence, found by id, narrowed by
    :meth:`filter`, searched with :meth:`search`.

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

    __slots__ = ("_sources",)
    _what = "profile"

    _sources: Mapping[str, str]

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
        super().__init__(profile for profile, _ in ordered)

    def __reduce__(self) -> tuple[Any, ...]:
        pairs = tuple((profile, self._sources[profile.id]) for profile in self._items)
        return (_profiles_from_pairs, (pairs,))

    def _slice(self, key: slice) -> Profiles:
        return Profiles._with_sources((p, self._sources[p.id]) for p in self._items[key])

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
        return self._sources[self._lookup(key).id]

    def filter(
        self,
        *,
        country: str | None = None,
        level: Level | LevelName | None = None,
        language: str | None = None,
        year: int | str | None = None,
        domain: DomainKey | None = None,
        kind: FindingKind | FindingKindName | None = None,
    ) -> Profiles:
        """The profiles that match every given criterion.

        ``country`` is an ISO 3166-1 code, alpha-3 or alpha-2, or the
        country's name in English, Spanish, French or Portuguese (case and
        accents ignored); ``level`` is ``'national'`` or ``'local'`` (or
        ``'city'``); ``language`` a BCP 47 tag in any case (``'ES'``,
        ``'es-GT'``: a region falls back to its language), a three-letter
        ISO 639 code or a language's name; ``year`` a year as a number or
        in digits. With ``domain`` and/or ``kind``, only profiles with at
        least one such finding are kept.

        A value that names nothing (no country, language or year by that
        name) raises :class:`mgi.NotFoundError` with suggestions; a value
        that names something no profile has gives an empty collection.

        >>> import mgi
        >>> mgi.profiles.filter(country="gt", language="ES", year="2024").ids
        ('huehuetenango-2024',)
        >>> mgi.profiles.filter(country="guatemala", domain="crises", kind="potential").ids
        ('huehuetenango-2024',)
        >>> mgi.profiles.filter(country="France", language="fr-CA").ids
        ()
        >>> mgi.profiles.filter(country="guatemla")
        Traceback (most recent call last):
        ...
        mgi.errors.NotFoundError: unknown country 'guatemla' (did you mean 'Guatemala' or 'Guam'?)
        """
        items = self._items
        wanted_level = level_of(level) if level is not None else None
        wanted_country = _country_code(country, items) if country is not None else None
        wanted_language = _language_code(language, items) if language is not None else None
        wanted_year = _year(year, items) if year is not None else None
        number = domain_number(domain) if domain is not None else None
        wanted_kind = finding_kind(kind) if kind is not None else None
        with_findings = domain is not None or kind is not None
        languages = _canonical_languages(items) if wanted_language is not None else {}
        return Profiles._with_sources(
            (profile, self._sources[profile.id])
            for profile in items
            if (wanted_country is None or profile.place.country == wanted_country)
            and (wanted_level is None or profile.place.level is wanted_level)
            and (wanted_language is None or languages[profile.language] == wanted_language)
            and (wanted_year is None or profile.published.year == wanted_year)
            and (not with_findings or profile.select(number, wanted_kind))
        )

    def search(self, query: str, **criteria: Unpack[SearchCriteria]) -> Hits:
        """Findings, titles and introductions that match ``query``, best first.

        Words match words that begin with them, ignoring case and accents;
        double quotes make a phrase (see :mod:`mgi.index` for the rules and
        the ranking). The criteria (:class:`mgi.SearchCriteria`):
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
        from mgi import index  # searching is a feature above the collections

        return index.search_in(self, query, criteria)

    def __repr__(self) -> str:
        if len(self._items) > 6:
            return f"Profiles({', '.join(self.ids[:3])}, … {len(self._items) - 3} more)"
        return f"Profiles({', '.join(self.ids)})"

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.profiles_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.profiles_markdown(self)


def _profiles_from_pairs(pairs: tuple[tuple[Profile, str], ...]) -> Profiles:
    return Profiles._with_sources(pairs)


def _country_code(country: object, profiles: Sequence[Profile]) -> str:
    """The alpha-3 code of the country ``country`` names: by the country
    table (codes and names), else as a profile of ``profiles`` writes it."""
    if not isinstance(country, str):
        raise InvalidValueError(
            f"expected a country code or name as a string, got {type(country).__name__}",
            "country",
        )
    table = _bundled_countries()
    found = table.lookup(country)
    if found is not None:
        return found
    folded = fold(country)
    for profile in profiles:  # a country the table does not know, as a profile gives it
        if folded in (fold(profile.place.country), fold(profile.place.country_name)):
            return profile.place.country
    written = {profile.place.country_name for profile in profiles}
    raise NotFoundError("country", country, _suggestions(country, table.suggest(country), written))


def _language_code(language: object, profiles: Sequence[Profile]) -> str:
    """The code of the language ``language`` names: a tag, an ISO 639 code
    or a name (see :meth:`Profiles.filter`)."""
    if not isinstance(language, str):
        raise InvalidValueError(
            f"expected a language tag such as 'es' as a string, got {type(language).__name__}",
            "language",
        )
    table = _bundled_languages()
    found = table.lookup(language)
    if found is None:
        bare = _language_of(language)
        if bare is not None and bare in {profile.language for profile in profiles}:
            return bare  # a code outside ISO 639 that a profile uses
        written = sorted({profile.language for profile in profiles})
        # Nothing near: the languages the profiles are in are the best hint.
        hint = _suggestions(language, table.suggest(language), written) or written[:3]
        raise NotFoundError("language", language, hint)
    return found


def _canonical_languages(profiles: Sequence[Profile]) -> dict[str, str]:
    """Each language code of ``profiles`` as :func:`_language_code` gives it
    (``'spa'`` is ``'es'``)."""
    table = _bundled_languages()
    return {code: table.lookup(code) or code for code in {p.language for p in profiles}}


def _year(year: object, profiles: Sequence[Profile]) -> int:
    """The year ``year`` names: a whole number or its digits, 1900 to 2999."""
    text = year.strip() if isinstance(year, str) else None
    if isinstance(year, int) and not isinstance(year, bool):
        found: int | None = year
    else:
        found = int(text) if text is not None and text.isascii() and text.isdigit() else None
    if found is None or not 1900 <= found <= 2999:
        years = sorted({str(profile.published.year) for profile in profiles})
        shown = year if isinstance(year, str) else str(year)
        raise NotFoundError("year", year, close_matches(shown, years) if years else [])
    return found


def _suggestions(key: str, first: list[str], more: Iterable[str]) -> list[str]:
    """``first``, then what in ``more`` is close to ``key``: three at most."""
    found = list(first)
    for match in close_matches(key, more):
        if match not in found:
            found.append(match)
    return found[:3]


# -- the collections' calls up to the bundled data (see docs/architecture.md) ----
# A filter reads countries and languages by every name and code they have.


def _bundled_countries() -> Countries:
    from mgi._data import countries

    return countries()


def _bundled_languages() -> Languages:
    from mgi._data import languages

    return languages()


_SUBCATEGORY_KEY = re.compile(r"[1-6][a-e]")


class Subcategories(Ordered[Subcategory]):
    """The 30 sub-categories of SDG indicator 10.7.2 in order: a sequence,
    whose items are also found by key or English name.

    >>> import mgi
    >>> mgi.sdg.subcategories["6E"] is mgi.sdg.subcategories["6.e"] is mgi.sdg.subcategories[-1]
    True
    >>> mgi.sdg.subcategories["public education"].key
    '1b'
    >>> mgi.sdg.subcategories.get("7a") is None, "7a" in mgi.sdg.subcategories
    (True, False)
    >>> mgi.sdg.subcategories["social protecton"]
    Traceback (most recent call last):
    ...
    mgi.errors.NotFoundError: unknown sub-category 'social protecton' (did you mean '1d'?)
    """

    __slots__ = ()
    _what = "sub-category"

    def _keys_of(self, item: Subcategory) -> Iterable[str]:
        yield item.key
        yield fold(item.name)

    def _normalise(self, key: object) -> str | None:
        if isinstance(key, Subcategory):
            return key.key if key in self._items else None
        if not isinstance(key, str):
            return None
        folded = fold(key)
        compact = folded.replace(" ", "")
        return compact if _SUBCATEGORY_KEY.fullmatch(compact) else folded

    def _display_keys(self) -> Iterable[str]:
        for item in self._items:
            yield item.key
            yield item.name

    def _suggest(self, key: object) -> list[str]:
        # Suggest keys (what a responses file should use), whatever was near.
        found: list[str] = []
        for match in super()._suggest(key):
            wanted = self._index[self._normalise(match) or ""].key
            if wanted not in found:
                found.append(wanted)
        return found

    def __repr__(self) -> str:
        return f"Subcategories({', '.join(item.key for item in self._items)})"
