"""The official SDG 10.7.2 results as collections: find, filter, compare, export.

``mgi.sdg.results`` holds every bundled official result (an
:class:`~mgi.SdgResult` per country, round year and domain or overall);
``mgi.sdg.shares`` the regional percentages of series SG_CPA_MIGRP.  A
country is named by its ISO 3166-1 alpha-3 code or by a name, in any case
and with or without accents; a name that is no country raises
:class:`mgi.NotFoundError` with suggestions, while a country without
results gives an empty collection.

>>> import mgi
>>> results = mgi.sdg.results
>>> len(results), len(results.filter(domain="overall")), results.years
(278, 200, (2019, 2021, 2023))
>>> canada = results["canada"]
>>> [result.slug for result in canada.filter(year=2021, category="fully meets")]
['whole_of_government', 'partnerships', 'wellbeing', 'crises', 'safe_orderly_regular']
>>> results.filter(country="Kanada")
Traceback (most recent call last):
...
mgi.errors.NotFoundError: unknown country 'Kanada' (did you mean 'Canada', 'Uganda' or 'Rwanda'?)

The values are categories as the UN publishes them, not the percentages
behind them; a comparison with your own responses scored by
:func:`mgi.sdg.score` is :func:`mgi.sdg.compare`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias, overload

import attrs

from mgi._lookup import Items, Ordered
from mgi.errors import DataError, InvalidValueError, NotFoundError, PositionError, Problem
from mgi.export import Cell, Table
from mgi.indicator import Category, SdgDomain
from mgi.official import RegionalShare, ResultSource, SdgResult
from mgi.taxonomy import DOMAIN_SLUGS, DomainKey, domain_number
from mgi.text import close_matches, fold

if TYPE_CHECKING:
    from mgi._countries import Countries

__all__ = [
    "OVERALL_WORDS",
    "RESULT_COLUMNS",
    "SHARE_COLUMNS",
    "WIDE_COLUMNS",
    "CategoryKey",
    "RegionalShares",
    "ResultsDocument",
    "SdgResults",
    "category_of",
    "collections_of",
]

#: What a ``category=`` parameter takes: a Category, its number 1-4, its
#: label or name in any case (``'partially meets'``, ``'PARTIALLY_MEETS'``).
CategoryKey: TypeAlias = Category | int | str

OVERALL_WORDS = ("overall", "_T", "all domains", "total")
"""The words that stand for the overall value in a ``domain=`` parameter
(case and accents aside)."""

RESULT_COLUMNS = (
    "country",
    "country_name",
    "year",
    "domain",
    "domain_slug",
    "breakdown",
    "category",
    "label",
    "sources",
)
"""The columns of :meth:`SdgResults.table`: one row per result; ``domain``
and ``domain_slug`` are empty for the overall value; ``sources`` gives the
sources' keys, separated by ``' | '``."""

WIDE_COLUMNS = ("country", "country_name", "year", "overall", *DOMAIN_SLUGS)
"""The columns of ``SdgResults.table(wide=True)``: one row per country and
year, the category of the overall value and of each domain (empty where
none is published)."""

SHARE_COLUMNS = ("area", "year", "percent", "source")
"""The columns of :meth:`RegionalShares.table`."""

SEPARATOR = " | "


# -- the packaged document --------------------------------------------------------


@attrs.frozen
class ResultRow:
    """One result as the packaged file gives it: its sources by key."""

    country: str
    country_name: str
    year: int
    domain: int | None
    category: Category
    sources: tuple[str, ...]


@attrs.frozen
class ShareRow:
    """One regional percentage as the packaged file gives it."""

    area: str
    year: int
    percent: float
    source: str


@attrs.frozen
class ResultsDocument:
    """The packaged ``sdg-results.json``."""

    about: str
    sources: tuple[ResultSource, ...]
    aliases: dict[str, tuple[str, ...]]
    """Names the sources give to countries that the country table does not know."""
    results: tuple[ResultRow, ...]
    shares: tuple[ShareRow, ...]


def collections_of(
    document: ResultsDocument, name: str | None = None
) -> tuple[SdgResults, RegionalShares]:
    """The results and the shares of a packaged document, each with its
    source records; a source key the document does not define raises
    :class:`mgi.DataError` naming where."""
    by_key = {source.key: source for source in document.sources}
    problems = []

    def source(key: str, where: str) -> ResultSource | None:
        if key not in by_key:
            problems.append(Problem(where, f"unknown source {key!r}"))
        return by_key.get(key)

    results = []
    for index, row in enumerate(document.results):
        found = [source(key, f"$.results[{index}].sources") for key in row.sources]
        sources = tuple(item for item in found if item is not None)
        results.append((row, sources))
    shares = [
        (row, source(row.source, f"$.shares[{index}].source"))
        for index, row in enumerate(document.shares)
    ]
    if problems:
        raise DataError(problems, name)
    return (
        SdgResults(
            (
                SdgResult(r.country, r.country_name, r.year, r.domain, r.category, s)
                for r, s in results
            ),
            document.aliases,
        ),
        RegionalShares(RegionalShare(r.area, r.year, r.percent, s) for r, s in shares if s),
    )


# -- keys -------------------------------------------------------------------------


def _order(result: SdgResult) -> tuple[str, int, int]:
    return result.country, result.year, result.domain or 0


def category_of(key: CategoryKey) -> Category:
    """The :class:`~mgi.Category` that ``key`` is, numbers or names; a
    :class:`mgi.NotFoundError` naming the labels if none.

    >>> category_of(3), category_of("partially MEETS"), category_of("fully_meets")
    (<Category.MEETS: 3>, <Category.PARTIALLY_MEETS: 2>, <Category.FULLY_MEETS: 4>)
    """
    if isinstance(key, Category):
        return key
    if isinstance(key, int) and not isinstance(key, bool) and 1 <= key <= 4:
        return Category(key)
    if isinstance(key, str):
        wanted = fold(key).replace("_", " ")
        for category in Category:
            if wanted in (fold(category.label), str(category.value)):
                return category
    labels = [category.label for category in Category]
    suggestions = close_matches(key, labels) if isinstance(key, str) else labels
    raise NotFoundError("category", key, suggestions)


def _domain_of(key: DomainKey) -> int | None:
    """A domain number, or ``None`` for a word meaning the overall value."""
    if isinstance(key, str) and fold(key) in {fold(word) for word in OVERALL_WORDS}:
        return None
    return domain_number(key)


def _what(domain: int | None) -> str:
    return "overall" if domain is None else f"domain {domain}"


def _bundled_countries() -> Countries:
    """The bundled country table, which names countries in four languages
    (one of this module's two calls up to the bundled data)."""
    from mgi._data import countries

    return countries()


# -- the results --------------------------------------------------------------------


class SdgResults(Items[SdgResult], Sequence[SdgResult]):
    """Official SDG 10.7.2 results in order of country, year and domain
    (overall first): a sequence, narrowed by :meth:`filter`, exported by
    :meth:`table`.

    ``results[position]`` is a result; ``results["Canada"]`` (a code or a
    name) is that country's results, and raises :class:`mgi.NotFoundError`
    where there are none; ``.get("Canada")`` returns ``None`` instead;
    ``"Canada" in results`` never raises.

    >>> import mgi
    >>> results = mgi.sdg.results
    >>> results
    SdgResults(278 results: 137 countries, 2019-2023, 200 overall and 78 by domain)
    >>> results["mlt"].filter(domain="overall")[0].label
    'Partially meets'
    >>> "Sweden" in results, "Cuba" in results, results.get("Cuba") is None
    (True, False, True)
    """

    __slots__ = ("_aliases", "_by_name")

    _aliases: tuple[tuple[str, tuple[str, ...]], ...]
    _by_name: Mapping[str, str]

    def __init__(
        self, results: Iterable[SdgResult], aliases: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        items = tuple(results)
        for index, item in enumerate(items):
            if not isinstance(item, SdgResult):
                raise InvalidValueError(
                    f"item {index}: expected SdgResult, got {type(item).__name__}", "results"
                )
        ordered = tuple(sorted(items, key=_order))
        for before, after in pairwise(ordered):
            if _order(before) == _order(after):
                message = f"{after.country} {after.year} {_what(after.domain)} is given twice"
                raise DataError([Problem("", message)])
        pairs = tuple(sorted((code, tuple(names)) for code, names in (aliases or {}).items()))
        by_name: dict[str, str] = {}
        for code, names in pairs:
            by_name.update((fold(name), code) for name in names)
        for item in ordered:
            by_name.setdefault(fold(item.country_name), item.country)
        object.__setattr__(self, "_items", ordered)
        object.__setattr__(self, "_aliases", pairs)
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))

    def _with(self, items: Iterable[SdgResult]) -> SdgResults:
        return SdgResults(items, dict(self._aliases))

    # -- the sequence -------------------------------------------------------

    def __iter__(self) -> Iterator[SdgResult]:
        return iter(self._items)

    @overload
    def __getitem__(self, key: int) -> SdgResult: ...
    @overload
    def __getitem__(self, key: slice | str) -> SdgResults: ...

    def __getitem__(self, key: int | slice | str) -> SdgResult | SdgResults:
        if isinstance(key, slice):
            return self._with(self._items[key])
        if isinstance(key, int) and not isinstance(key, bool):
            try:
                return self._items[key]
            except (IndexError, OverflowError):
                raise PositionError("result position", key, len(self._items)) from None
        if not isinstance(key, str):
            raise NotFoundError("country with official results", key)
        found = self._country(key)
        if not found:
            raise NotFoundError("country with official results", key, self._suggest(key))
        return found

    def get(self, key: str, default: SdgResults | None = None) -> SdgResults | None:
        """The results of the country ``key`` names, or ``default`` where
        there are none or it names no country; never raises."""
        try:
            found = self._country(key)
        except Exception:  # a miss, whatever the key
            return default
        return found or default

    def __contains__(self, key: object) -> bool:
        if isinstance(key, SdgResult):
            return key in self._items
        return self.get(key) is not None if isinstance(key, str) else False

    def __reduce__(self) -> tuple[Any, ...]:
        return (_results, (self._items, self._aliases))

    def __bool__(self) -> bool:
        return bool(self._items)

    # -- finding ------------------------------------------------------------

    def code_of(self, country: str) -> str:
        """The alpha-3 code of the country ``country`` is or names: a code in
        any case, a name in English, Spanish, French or Portuguese, or a name
        the sources use; :class:`mgi.NotFoundError` with suggestions if none.

        >>> import mgi
        >>> mgi.sdg.results.code_of("russia"), mgi.sdg.results.code_of("Côte d'Ivoire")
        ('RUS', 'CIV')
        """
        if not isinstance(country, str):
            raise InvalidValueError(
                f"expected a country code or name as a string, got {type(country).__name__}",
                "country",
            )
        code = _bundled_countries().lookup(country) or self._by_name.get(fold(country))
        if code is None:
            raise NotFoundError("country", country, self._suggest(country))
        return code

    def _suggest(self, key: object) -> list[str]:
        if not isinstance(key, str) or len(key) > 200:
            return []
        names = [item.country_name for item in self._items]
        names += [name for _, aliases in self._aliases for name in aliases]
        return close_matches(key, names)

    def _country(self, key: str) -> SdgResults:
        code = self.code_of(key)
        return self._with(item for item in self._items if item.country == code)

    @property
    def countries(self) -> tuple[str, ...]:
        """The alpha-3 codes of the countries with results, in order."""
        return tuple(dict.fromkeys(item.country for item in self._items))

    @property
    def years(self) -> tuple[int, ...]:
        """The round years with results, in order."""
        return tuple(sorted({item.year for item in self._items}))

    @property
    def sources(self) -> tuple[ResultSource, ...]:
        """Every source of these results, each once, in order of first use."""
        found = dict.fromkeys(source for item in self._items for source in item.sources)
        return tuple(found)

    def filter(
        self,
        *,
        country: str | None = None,
        year: int | None = None,
        domain: DomainKey | None = None,
        category: CategoryKey | None = None,
    ) -> SdgResults:
        """The results that match every given criterion.

        ``country`` is a code or a name (see :meth:`code_of`); ``domain`` a
        domain number, slug, SDG code or name, or ``'overall'`` (also
        ``'_T'``) for the overall values; ``category`` a
        :class:`~mgi.Category`, its number or its label.  A country, domain
        or category that names nothing raises :class:`mgi.NotFoundError`.

        >>> import mgi
        >>> mgi.sdg.results.filter(year=2021, domain="crises", category=4).countries
        ('ARM', 'CAN', 'FIN', 'NOR', 'SWE')
        """
        code = self.code_of(country) if country is not None else None
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise InvalidValueError(f"expected a year as an int, got {year!r}", "year")
        wanted_domain = _domain_of(domain) if domain is not None else 0
        wanted_category = category_of(category) if category is not None else None
        return self._with(
            item
            for item in self._items
            if (code is None or item.country == code)
            and (year is None or item.year == year)
            and (domain is None or item.domain == wanted_domain)
            and (wanted_category is None or item.category is wanted_category)
        )

    def latest(self, country: str, domain: DomainKey = "overall") -> SdgResult:
        """The country's most recent result for ``domain`` (by default the
        overall value); :class:`mgi.NotFoundError` where it has none.

        >>> import mgi
        >>> mgi.sdg.results.latest("KAZ")
        SdgResult('KAZ', 2023, '_T', 'Meets')
        >>> mgi.sdg.results.latest("Armenia", "crises").year
        2021
        """
        found = self.filter(country=country, domain=domain)
        if not found:
            what = f"country with an official {_what(_domain_of(domain))} result"
            raise NotFoundError(what, country, self._suggest(country))
        return found[-1]

    def latest_rounds(self) -> SdgResults:
        """Each country's results of its latest round among these: to compare
        countries on their most recent results.

        >>> import mgi
        >>> latest = mgi.sdg.results.filter(domain="overall").latest_rounds()
        >>> len(latest), latest["Kazakhstan"][0].year, latest["Armenia"][0].year
        (137, 2023, 2019)
        """
        last: dict[str, int] = {}
        for item in self._items:
            last[item.country] = max(item.year, last.get(item.country, item.year))
        return self._with(item for item in self._items if item.year == last[item.country])

    # -- exports ------------------------------------------------------------

    def table(self, *, wide: bool = False) -> Table:
        """A tidy table, one row per result (:data:`RESULT_COLUMNS`); with
        ``wide=True``, one row per country and year, a column per domain
        (:data:`WIDE_COLUMNS`), to compare countries side by side.

        >>> import mgi
        >>> table = mgi.sdg.results["Norway"].table(wide=True)
        >>> table.columns[3:6], table.rows[-1][3:6]
        (('overall', 'migrants_rights', 'whole_of_government'), (3, 2, 4))
        >>> mgi.sdg.results["NOR"].table().rows[0]
        ('NOR', 'Norway', 2019, None, None, '_T', 3, 'Meets', 'owid')
        """
        if wide:
            return Table(WIDE_COLUMNS, tuple(self._wide_rows()))
        rows = tuple(
            (
                item.country,
                item.country_name,
                item.year,
                item.domain,
                item.slug,
                item.breakdown,
                int(item.category),
                item.label,
                SEPARATOR.join(source.key for source in item.sources),
            )
            for item in self._items
        )
        return Table(RESULT_COLUMNS, rows)

    def _wide_rows(self) -> Iterator[tuple[Cell, ...]]:
        groups: dict[tuple[str, int], dict[int, int]] = {}
        names: dict[str, str] = {}
        for item in self._items:
            groups.setdefault((item.country, item.year), {})[item.domain or 0] = int(item.category)
            names[item.country] = item.country_name
        for (code, year), values in groups.items():
            yield (code, names[code], year, *(values.get(number) for number in range(7)))

    def strip_svg(self, *, size: int = 28) -> str:
        """Each country and year as a strip of seven cells, the overall value
        and domains 1 to 6, coloured by category (see
        :func:`mgi.views.results_strip_svg`)."""
        from mgi import views  # rendering lives above the collections

        return views.results_strip_svg(self, _bundled_sdg_domains(), size=size)

    def __repr__(self) -> str:
        if not self._items:
            return "SdgResults()"
        overall = sum(item.domain is None for item in self._items)
        years = self.years
        span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        count = len(self.countries)
        return (
            f"SdgResults({len(self._items)} result{'s' * (len(self._items) != 1)}: "
            f"{count} countr{'ies' if count != 1 else 'y'}, {span}, {overall} overall and "
            f"{len(self._items) - overall} by domain)"
        )

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.results_html(self, _bundled_sdg_domains())

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.results_markdown(self, _bundled_sdg_domains())


def _results(
    items: tuple[SdgResult, ...], aliases: tuple[tuple[str, tuple[str, ...]], ...]
) -> SdgResults:
    return SdgResults(items, dict(aliases))


def _bundled_sdg_domains() -> tuple[SdgDomain, ...]:
    """The indicator's six domains, whose names the views print (the other
    call up to the bundled data)."""
    from mgi._data import sdg_indicator

    return sdg_indicator().domains


# -- the regional shares ----------------------------------------------------------


class RegionalShares(Ordered[RegionalShare]):
    """The regional percentages of series SG_CPA_MIGRP: a sequence in the
    published order, whose items are also found by area.

    >>> import mgi
    >>> shares = mgi.sdg.shares
    >>> shares
    RegionalShares(2021: World, Australia and New Zealand, ... 9 areas)
    >>> shares["oceania"].percent, shares.get("Europe") is None
    (28.5714, True)
    >>> print(shares.table().to_csv().splitlines()[1])
    World,2021,62.3188,un-sdmx-regions
    """

    __slots__ = ()
    _what = "area"

    def _keys_of(self, item: RegionalShare) -> Iterable[str]:
        yield fold(item.area)
        yield fold(item.area.rstrip("*"))  # 'Oceania*' is found as 'Oceania'

    def _display_keys(self) -> Iterable[str]:
        return (item.area for item in self._items)

    def table(self) -> Table:
        """One row per area and year (:data:`SHARE_COLUMNS`)."""
        rows = tuple((item.area, item.year, item.percent, item.source.key) for item in self._items)
        return Table(SHARE_COLUMNS, rows)

    def __repr__(self) -> str:
        years = ", ".join(map(str, sorted({item.year for item in self._items})))
        areas = [item.area for item in self._items]
        shown = ", ".join(areas[:2]) + (f", ... {len(areas)} areas" if len(areas) > 2 else "")
        return f"RegionalShares({years}: {shown})"

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.table_html(self.table())
