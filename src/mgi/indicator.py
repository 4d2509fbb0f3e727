"""SDG indicator 10.7.2 as records: its six policy domains, 30 sub-categories,
the answers they take and the four-step scale.

Indicator 10.7.2 measures migration policy in the same six domains as the
MGI (codes ``PD_1`` … ``PD_6``), each asked as five sub-categories a–e.
The bundled indicator is ``mgi.sdg.indicator``; scoring is :func:`mgi.sdg.score`.

>>> Category.of(80).label, Response.YES_ONLY_LEGAL_STATUS.code
('Meets', Fraction(1, 2))
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from mgi._checks import between, matching, nonblank, tuple_of
from mgi.errors import InvalidValueError, _shown

__all__ = [
    "Breakdown",
    "Category",
    "Response",
    "ScaleStep",
    "SdgDomain",
    "SdgIndicator",
    "Series",
    "Subcategory",
    "numbered",
    "responses_of",
]

# The one domain whose answers distinguish migrants with and without legal status.
STATUS_DOMAIN = 1


class Response(enum.StrEnum):
    """An answer for one sub-category, and its code in the published method.

    >>> import mgi
    >>> mgi.sdg.Response("yes_only_legal_status").code
    Fraction(1, 2)
    """

    YES = "yes"
    """Yes (domains 2-6), coded 1."""
    NO = "no"
    """No (every domain), coded 0."""
    YES_REGARDLESS_OF_STATUS = "yes_regardless_of_status"
    """Domain 1: "Yes, regardless of immigration status", coded 1."""
    YES_ONLY_LEGAL_STATUS = "yes_only_legal_status"
    """Domain 1: "Yes, only for those with legal immigration status", coded 0.5."""

    @property
    def code(self) -> Fraction:
        """The value the method gives this answer: 1, 0.5 or 0.

        >>> Response.YES_ONLY_LEGAL_STATUS.code
        Fraction(1, 2)
        """
        return _CODES[self]


_CODES = {
    Response.YES: Fraction(1),
    Response.NO: Fraction(0),
    Response.YES_REGARDLESS_OF_STATUS: Fraction(1),
    Response.YES_ONLY_LEGAL_STATUS: Fraction(1, 2),
}


def responses_of(domain: int) -> tuple[Response, ...]:
    if domain == STATUS_DOMAIN:
        return (Response.YES_REGARDLESS_OF_STATUS, Response.YES_ONLY_LEGAL_STATUS, Response.NO)
    return (Response.YES, Response.NO)


class Category(enum.IntEnum):
    """The four-step scale every value falls on (the SG_CPA_MIGRS score, 1-4).

    >>> Category.of(Fraction(239, 3)), Category.of(80), Category.of(100)
    (<Category.PARTIALLY_MEETS: 2>, <Category.MEETS: 3>, <Category.FULLY_MEETS: 4>)
    >>> Category.MEETS.label
    'Meets'
    """

    REQUIRES_FURTHER_PROGRESS = 1
    """Values below 40."""
    PARTIALLY_MEETS = 2
    """Values from 40 to below 80."""
    MEETS = 3
    """Values from 80 to below 100."""
    FULLY_MEETS = 4
    """The value 100."""

    @classmethod
    def of(cls, value: Fraction | int) -> Category:
        """The category of a value from 0 to 100, compared exactly."""
        if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
            raise InvalidValueError(f"expected an int or a Fraction, got {_shown(value)}")
        if not 0 <= value <= 100:
            raise InvalidValueError(f"expected a value from 0 to 100, got {value}")
        if value < 40:
            return cls.REQUIRES_FURTHER_PROGRESS
        if value < 80:
            return cls.PARTIALLY_MEETS
        return cls.MEETS if value < 100 else cls.FULLY_MEETS

    @property
    def label(self) -> str:
        """The published label, such as 'Partially meets' (the bundled
        indicator's scale is checked to give the same four)."""
        return _LABELS[self]


_LABELS = {
    Category.REQUIRES_FURTHER_PROGRESS: "Requires further progress",
    Category.PARTIALLY_MEETS: "Partially meets",
    Category.MEETS: "Meets",
    Category.FULLY_MEETS: "Fully meets",
}


# -- the indicator's structure --------------------------------------------------


@attrs.frozen(repr=False)
class Subcategory:
    """One of the 30 policy measures the indicator asks about.

    >>> import mgi
    >>> item = mgi.sdg.subcategories["1a"]
    >>> item, item.domain, item.letter
    (Subcategory('1a', 'Essential and/or emergency health care'), 1, 'a')
    """

    domain: int = attrs.field(validator=between(1, 6, "a domain number"))
    """The domain number, 1 to 6."""
    letter: str = attrs.field(validator=matching(re.compile("[a-e]"), "a letter from a to e"))
    """Its letter within the domain, 'a' to 'e'."""
    name: str = attrs.field(validator=nonblank)
    """The measure as the indicator's metadata words it (English)."""

    @property
    def key(self) -> str:
        """Domain number and letter, e.g. ``'1a'``."""
        return f"{self.domain}{self.letter}"

    @property
    def responses(self) -> tuple[Response, ...]:
        """The answers this sub-category takes.

        >>> import mgi
        >>> [r.value for r in mgi.sdg.subcategories["2a"].responses]
        ['yes', 'no']
        """
        return responses_of(self.domain)

    def __repr__(self) -> str:
        return f"Subcategory({self.key!r}, {self.name!r})"

    def __str__(self) -> str:
        return f"{self.key} {self.name}"


@attrs.frozen(repr=False)
class SdgDomain:
    """One of the indicator's six policy domains, with its five sub-categories.

    >>> import mgi
    >>> domain = mgi.domains[1].sdg
    >>> domain, domain.code
    (SdgDomain(1, 'Migrant rights'), 'PD_1')
    >>> domain.subcategories[4]
    Subcategory('1e', 'Access to justice')
    >>> domain.question[:59]
    'Does the Government provide non-nationals equal access to t'
    """

    number: int = attrs.field(validator=between(1, 6, "a domain number"))
    """The domain number, 1 to 6."""
    code: str = attrs.field(validator=matching(re.compile("PD_[1-6]"), "a code like 'PD_1'"))
    """Its breakdown code, 'PD_1' to 'PD_6'."""
    name: str = attrs.field(validator=nonblank)
    """Its name in the indicator's metadata, e.g. 'Migrant rights'."""
    proxy: str = attrs.field(validator=nonblank)
    """What the domain's answers stand for (the metadata's proxy measure)."""
    question: str = attrs.field(validator=nonblank)
    """The official question its five sub-categories answer (Table 2 of the metadata)."""
    subcategories: tuple[Subcategory, ...] = attrs.field(validator=tuple_of(Subcategory))
    """Its five sub-categories, a to e."""

    @code.validator
    def _code_matches_number(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value != f"PD_{self.number}":
            raise InvalidValueError(
                f"domain {self.number} has code 'PD_{self.number}', got {value!r}", attribute.name
            )

    @subcategories.validator
    def _five_in_order(
        self, attribute: attrs.Attribute[Any], value: tuple[Subcategory, ...]
    ) -> None:
        keys = [item.key for item in value]
        expected = [f"{self.number}{letter}" for letter in "abcde"]
        if keys != expected:
            raise InvalidValueError(f"expected {expected}, got {keys}", attribute.name)

    @property
    def responses(self) -> tuple[Response, ...]:
        """The answers this domain's sub-categories take."""
        return responses_of(self.number)

    def __repr__(self) -> str:
        return f"SdgDomain({self.number}, {self.name!r})"

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Series:
    """A series of the UN SDG database that publishes the indicator.

    >>> import mgi
    >>> series = mgi.sdg.indicator.series[0]
    >>> series.code, series.number, series.meaning
    ('SG_CPA_MIGRS', '3230', 'country-level score by policy domain, categorical 1-4')
    """

    code: str = attrs.field(validator=nonblank)
    """The series code, e.g. 'SG_CPA_MIGRS'."""
    number: str | None = attrs.field(validator=attrs.validators.optional(nonblank))
    """The series number where the metadata gives one."""
    meaning: str = attrs.field(validator=nonblank)
    """What the series holds."""
    source: str = attrs.field(validator=nonblank)
    """Where that is documented."""


@attrs.frozen
class Breakdown:
    """A code of the series' breakdown by policy domain (``_T`` is all domains).

    >>> import mgi
    >>> mgi.sdg.indicator.breakdowns[0]
    Breakdown(code='_T', name='All domains')
    """

    code: str = attrs.field(validator=matching(re.compile("_T|PD_[1-6]"), "'_T' or 'PD_1'-'PD_6'"))
    """'_T' or 'PD_1' to 'PD_6'."""
    name: str = attrs.field(validator=nonblank)
    """What the code stands for, e.g. 'All domains'."""


@attrs.frozen
class ScaleStep:
    """One category of the scale, as published.

    >>> import mgi
    >>> mgi.sdg.indicator.scale[1]
    ScaleStep(category=2, label='Partially meets', range='>= 40 and < 80')
    """

    category: int = attrs.field(validator=between(1, 4, "a category"))
    """The category's number, 1 to 4."""
    label: str = attrs.field(validator=nonblank)
    """Its published label, e.g. 'Partially meets'."""
    range: str = attrs.field(validator=nonblank)
    """The values it covers, e.g. '>= 40 and < 80'."""


def numbered(
    what: str, count: int, number: Callable[[Any], int]
) -> Callable[[Any, attrs.Attribute[Any], tuple[Any, ...]], None]:
    """A validator: ``count`` items whose ``number(item)`` runs 1, 2, 3 …"""

    def check(_: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        found = [number(item) for item in value]
        if found != list(range(1, count + 1)):
            raise InvalidValueError(
                f"expected {what} 1 to {count} in order, got {found}", attribute.name
            )

    return check


@attrs.frozen(repr=False)
class SdgIndicator:
    """SDG indicator 10.7.2, as its UN metadata describes it.

    >>> import mgi
    >>> mgi.sdg.indicator
    SdgIndicator('10.7.2')
    >>> [series.code for series in mgi.sdg.indicator.series]
    ['SG_CPA_MIGRS', 'SG_CPA_MIGRP']
    >>> [b.code for b in mgi.sdg.indicator.breakdowns]
    ['_T', 'PD_1', 'PD_2', 'PD_3', 'PD_4', 'PD_5', 'PD_6']
    """

    code: str = attrs.field(validator=nonblank)
    """The indicator's number, '10.7.2'."""
    name: str = attrs.field(validator=nonblank)
    """Its current name."""
    former_names: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Its earlier names, oldest first."""
    custodians: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """The agencies responsible for it."""
    partner_agency: str = attrs.field(validator=nonblank)
    """The partner agency."""
    custodian_sources: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Where the name, custodians and partner agency come from."""
    series: tuple[Series, ...] = attrs.field(validator=tuple_of(Series))
    """The series of the UN SDG database that publish it."""
    breakdowns: tuple[Breakdown, ...] = attrs.field(validator=tuple_of(Breakdown))
    """The codes of its breakdown by policy domain."""
    breakdowns_source: str = attrs.field(validator=nonblank)
    """Where the breakdown codes come from."""
    scale: tuple[ScaleStep, ...] = attrs.field(
        validator=[tuple_of(ScaleStep), numbered("categories", 4, lambda s: s.category)]
    )
    """The four categories, in order."""
    method_source: str = attrs.field(validator=nonblank)
    """Where the coding, the averaging and the scale come from."""
    domains: tuple[SdgDomain, ...] = attrs.field(
        validator=[tuple_of(SdgDomain), numbered("domains", 6, lambda d: d.number)]
    )
    """The six policy domains, in order."""
    domains_source: str = attrs.field(validator=nonblank)
    """Where the domains and sub-categories come from."""

    @scale.validator
    def _labels_of_the_categories(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        labels = [step.label for step in value]
        expected = [category.label for category in Category]
        if labels != expected:
            raise InvalidValueError(
                f"expected the labels {expected}, got {labels}", attribute.name
            )

    @property
    def former_name(self) -> str | None:
        """Its most recent earlier name (the last of :attr:`former_names`).

        >>> import mgi
        >>> mgi.sdg.indicator.former_names[0]
        'Number of countries that have implemented well-managed migration policies'
        >>> mgi.sdg.indicator.former_name[:50]
        'Number of countries with migration policies to fac'
        """
        return self.former_names[-1] if self.former_names else None

    def __repr__(self) -> str:
        return f"SdgIndicator({self.code!r})"

    def __str__(self) -> str:
        return f"SDG indicator {self.code}: {self.name}"
