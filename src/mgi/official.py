"""The official SDG 10.7.2 results as records: one category per country,
round year and domain, each with its sources; and the regional percentages.

The UN publishes indicator 10.7.2 as a category per country (series
SG_CPA_MIGRS, 1 to 4: the same :class:`~mgi.Category` that
:func:`mgi.sdg.score` gives), for the overall value and for each of the six
domains, one round of the UN Inquiry every two years; and, for the world and
its regions, the percentage of countries whose policies meet the indicator
(series SG_CPA_MIGRP).  The bundled results are ``mgi.sdg.results`` and
``mgi.sdg.shares``.

>>> import mgi
>>> result = mgi.sdg.results.latest("Canada")
>>> result
SdgResult('CAN', 2021, '_T', 'Meets')
>>> result.category, [source.key for source in result.sources]
(<Category.MEETS: 3>, ['owid', 'canada'])
"""

from __future__ import annotations

import re

import attrs

from mgi._checks import between, matching, nonblank, of_type, tuple_of
from mgi.errors import InvalidValueError
from mgi.indicator import Category
from mgi.taxonomy import DOMAIN_SLUGS

__all__ = ["RegionalShare", "ResultSource", "SdgResult"]

_ALPHA3 = re.compile(r"[A-Z]{3}")
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_optional_text = of_type(str, type(None))


@attrs.frozen
class ResultSource:
    """Where official results come from: a dataset, a national platform.

    >>> import mgi
    >>> source = mgi.sdg.results.latest("Canada").sources[0]
    >>> source.key, source.citation
    ('owid', 'United Nations – processed by Our World in Data')
    """

    key: str = attrs.field(validator=matching(_KEY, "a key like 'owid'"))
    """A short key, e.g. ``'owid'``, as the tables' ``sources`` column gives it."""
    name: str = attrs.field(validator=nonblank)
    """What the source is."""
    origin: str = attrs.field(validator=nonblank)
    """The file the values were read from: repository, path and commit, or address."""
    address: str | None = attrs.field(default=None, validator=_optional_text)
    """The source's web page, where it has one."""
    citation: str | None = attrs.field(default=None, validator=_optional_text)
    """The line the source asks to be cited with, where it gives one."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What to know when using its values."""


@attrs.frozen(repr=False)
class SdgResult:
    """One official result: a country's category for one round and one
    domain, or overall (``domain`` is ``None``, breakdown ``_T``).

    >>> import mgi
    >>> result = mgi.sdg.results.filter(country="MLT", domain="partnerships")[0]
    >>> result.year, result.domain, result.slug, result.breakdown, result.label
    (2019, 3, 'partnerships', 'PD_3', 'Fully meets')
    """

    country: str = attrs.field(validator=matching(_ALPHA3, "an ISO 3166-1 alpha-3 code"))
    """ISO 3166-1 alpha-3 code of the country, e.g. 'CAN'."""
    country_name: str = attrs.field(validator=nonblank)
    """The country's English name in the bundled ISO 3166-1 table."""
    year: int = attrs.field(validator=between(1900, 2999, "a year"))
    """The year of the round of the UN Inquiry, e.g. 2021."""
    domain: int | None = attrs.field(
        validator=attrs.validators.optional(between(1, 6, "a domain number"))
    )
    """The domain number, 1 to 6, or ``None`` for the overall value."""
    category: Category = attrs.field(validator=of_type(Category))
    """The published category, 1 (Requires further progress) to 4 (Fully meets)."""
    sources: tuple[ResultSource, ...] = attrs.field(validator=tuple_of(ResultSource))
    """Every source that gives this value (the same in each)."""

    @sources.validator
    def _some(self, attribute: attrs.Attribute[object], value: tuple[ResultSource, ...]) -> None:
        if not value:
            raise InvalidValueError("expected at least one source", attribute.name)

    @property
    def breakdown(self) -> str:
        """The breakdown code: ``'_T'`` overall, ``'PD_1'`` to ``'PD_6'``."""
        return "_T" if self.domain is None else f"PD_{self.domain}"

    @property
    def slug(self) -> str | None:
        """The MGI domain's slug (``'partnerships'``), or ``None`` overall."""
        return None if self.domain is None else DOMAIN_SLUGS[self.domain - 1]

    @property
    def label(self) -> str:
        """The category's label, e.g. 'Partially meets'."""
        return self.category.label

    def __repr__(self) -> str:
        return f"SdgResult({self.country!r}, {self.year}, {self.breakdown!r}, {self.label!r})"


@attrs.frozen(repr=False)
class RegionalShare:
    """The series SG_CPA_MIGRP for one area and year: a percentage of
    countries (the indicator's "proportion of countries with migration
    policies that facilitate orderly, safe, regular and responsible
    migration").

    >>> import mgi
    >>> world = mgi.sdg.shares["World"]
    >>> world, world.percent
    (RegionalShare('World', 2021, 62.3188), 62.3188)
    """

    area: str = attrs.field(validator=nonblank)
    """The world or an SDG region, named as published (e.g. 'Oceania*')."""
    year: int = attrs.field(validator=between(1900, 2999, "a year"))
    """The year, e.g. 2021."""
    percent: float = attrs.field(validator=of_type(float))
    """The percentage, 0 to 100, as published."""
    source: ResultSource = attrs.field(validator=of_type(ResultSource))
    """Where it comes from."""

    @percent.validator
    def _a_percentage(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not 0 <= value <= 100:
            raise InvalidValueError(f"expected 0 to 100, got {value}", attribute.name)

    def __repr__(self) -> str:
        return f"RegionalShare({self.area!r}, {self.year}, {self.percent!r})"
