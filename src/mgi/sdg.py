"""SDG indicator 10.7.2: its six domains, 30 sub-categories, and scoring.

Indicator 10.7.2 measures migration policy in the same six domains as the
MGI (codes ``PD_1`` … ``PD_6``), each asked as five sub-categories a–e.  A
sub-category's key is its domain number and letter, ``'1a'`` to ``'6e'``
(case, spaces and a dot between them are ignored: ``'1A'`` and ``'1.a'``
work too); its English name works as well.

>>> import mgi
>>> mgi.sdg.indicator.custodians
('UN DESA (Population Division)', 'IOM')
>>> mgi.sdg.subcategories["1a"].name
'Essential and/or emergency health care'
>>> mgi.domains["partnerships"].sdg.name
'Cooperation and partnerships'
>>> [s.key for s in mgi.domains[3].sdg.subcategories]
['3a', '3b', '3c', '3d', '3e']

Scoring follows the published method: each sub-category is coded 1 ("yes")
or 0 ("no"); in domain 1 only, "yes, only for those with legal immigration
status" is coded 0.5.  A domain's value is the unweighted mean of its five
codes × 100, the overall value the unweighted mean of all 30 × 100, and each
value falls in one of four categories.  Arithmetic is exact
(:class:`fractions.Fraction`), so no value lands on the wrong side of a
boundary (thirty shares of 1/30 summed in floats make 99.99999999999999):

>>> answers = {s.key: "yes" for s in mgi.sdg.subcategories if s.domain != 1}
>>> answers |= {"1a": "yes_regardless_of_status", "1b": "yes_only_legal_status",
...             "1c": "no", "1d": "no", "1e": "no", "4e": "no", "5e": "no", "6e": "no"}
>>> result = mgi.sdg.score(answers)
>>> result.domains[0].value, result.domains[0].category.label
(Fraction(30, 1), 'Requires further progress')
>>> result.value, result.rounded(1), result.category
(Fraction(235, 3), 78.3, <Category.PARTIALLY_MEETS: 2>)

A response set that lacks sub-categories is an error unless
``partial=True`` is passed; then the missing ones count 0 (a convention of
this library, not part of the published method: a partial value is the
lowest the complete set could reach), and the result lists them.
Responses also load from JSON or CSV files (:func:`load_responses`; the
format is described in ``docs/sdg.md``).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs

from mgi._checks import of_type, tuple_of
from mgi._files import checked_path, read_bytes
from mgi._formats import RESPONSES, VERSION_KEY
from mgi._jsonio import decode_text, parse_json
from mgi.collections import Subcategories, SubcategoryKey
from mgi.errors import (
    DataError,
    InvalidValueError,
    MGIError,
    NotFoundError,
    Problem,
    ResponseError,
    _or_list,
    _shown,
)
from mgi.export import Table
from mgi.indicator import (
    STATUS_DOMAIN,
    Breakdown,
    Category,
    Response,
    ScaleStep,
    SdgDomain,
    SdgIndicator,
    Series,
    Subcategory,
    numbered,
)
from mgi.official import RegionalShare, SdgResult
from mgi.results import RegionalShares, SdgResults
from mgi.taxonomy import DOMAIN_SLUGS
from mgi.text import close_matches

__all__ = [
    "COMPARISON_COLUMNS",
    "Answer",
    "Breakdown",
    "Category",
    "ComparedValue",
    "Comparison",
    "DomainScore",
    "RegionalShare",
    "RegionalShares",
    "Response",
    "ResponseError",
    "ScaleStep",
    "Score",
    "SdgDomain",
    "SdgIndicator",
    "SdgResult",
    "SdgResults",
    "Series",
    "Subcategories",
    "Subcategory",
    "SubcategoryKey",
    "compare",
    "indicator",
    "load_responses",
    "loads_responses",
    "results",
    "score",
    "shares",
    "subcategories",
]

indicator: SdgIndicator
"""The indicator with its series, breakdown codes, scale and domains, loaded on first use."""
subcategories: Subcategories
"""The 30 sub-categories, found by key (``'1a'``) or name, loaded on first use."""
results: SdgResults
"""The official results by country, round year and domain (:class:`SdgResults`),
loaded on first use."""
shares: RegionalShares
"""The regional percentages of series SG_CPA_MIGRP (:class:`RegionalShares`),
loaded on first use."""


# -- scoring ---------------------------------------------------------------------


def _percent(answers: Iterable[Answer]) -> Fraction:
    codes = [answer.code for answer in answers]
    return sum(codes, Fraction(0)) / len(codes) * 100


def _number(value: Fraction) -> str:
    """A value as a person reads it: 40, 78.33 (the exact value is a Fraction)."""
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}"


class _Valued:
    """A value from 0 to 100 with its category, exact and as a float."""

    __slots__ = ()

    @property
    def value(self) -> Fraction:
        raise NotImplementedError

    @property
    def category(self) -> Category:
        """Where the value falls on the four-step scale."""
        return Category.of(self.value)

    def rounded(self, ndigits: int = 1) -> float:
        """The value rounded for display, as :func:`round` does."""
        return float(round(self.value, ndigits))

    def __float__(self) -> float:
        return float(self.value)

    def _subject(self) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        missing = len(self.missing)
        return (
            f"{type(self).__name__}({self._subject()}value={_number(self.value)}, "
            f"category={self.category.label!r}" + (f", missing={missing})" if missing else ")")
        )

    @property
    def missing(self) -> tuple[Subcategory, ...]:
        raise NotImplementedError


@attrs.frozen
class Answer:
    """One sub-category's response and code; ``response`` is None where it was
    missing from a partial set (coded 0).

    >>> import mgi
    >>> result = mgi.sdg.score({"1c": "yes_only_legal_status"}, partial=True)
    >>> answer = result.answers[2]
    >>> answer.subcategory.key, answer.response.value, answer.code
    ('1c', 'yes_only_legal_status', Fraction(1, 2))
    >>> result.answers[0].response is None
    True
    """

    subcategory: Subcategory = attrs.field(validator=of_type(Subcategory))
    """The sub-category answered."""
    response: Response | None = attrs.field(validator=of_type(Response, type(None)))
    """The response, or ``None`` where it was missing."""

    @response.validator
    def _taken_by_domain(self, _: Any, value: Response | None) -> None:
        if value is not None:
            _check_response(self.subcategory, value)

    @property
    def code(self) -> Fraction:
        """1, 0.5 or 0; a missing response counts 0."""
        return Fraction(0) if self.response is None else self.response.code


@attrs.frozen(repr=False)
class DomainScore(_Valued):
    """A domain's value: the mean of its five codes × 100.

    >>> import mgi
    >>> result = mgi.sdg.score({"1c": "yes_only_legal_status"}, partial=True)
    >>> domain = result.domains[0]
    >>> domain.value, domain.category.label, len(domain.missing)
    (Fraction(10, 1), 'Requires further progress', 4)
    """

    domain: SdgDomain = attrs.field(validator=of_type(SdgDomain))
    """The domain scored."""
    answers: tuple[Answer, ...] = attrs.field(validator=tuple_of(Answer))
    """Its five answers, in sub-category order."""

    @answers.validator
    def _one_per_subcategory(self, _: Any, value: tuple[Answer, ...]) -> None:
        if tuple(answer.subcategory for answer in value) != self.domain.subcategories:
            raise InvalidValueError("expected one answer per sub-category, in order", "answers")

    @property
    def value(self) -> Fraction:
        """From 0 to 100, exact."""
        return _percent(self.answers)

    @property
    def missing(self) -> tuple[Subcategory, ...]:
        """Sub-categories that had no response (each counted 0)."""
        return tuple(answer.subcategory for answer in self.answers if answer.response is None)

    def _subject(self) -> str:
        return f"{self.domain.code!r}, "


@attrs.frozen(repr=False)
class Score(_Valued):
    """A country's indicator value: the mean of all 30 codes × 100, with the
    value of each of the six domains.

    >>> import mgi
    >>> result = mgi.sdg.score({"3a": "yes", "3b": "yes"}, partial=True)
    >>> result
    Score(value=6.67, category='Requires further progress', missing=28)
    >>> result.domains[2]
    DomainScore('PD_3', value=40, category='Partially meets', missing=3)
    >>> result.domains[2].value, result.value, len(result.missing)
    (Fraction(40, 1), Fraction(20, 3), 28)
    >>> result.rows()[2]
    {'breakdown': 'PD_3', 'domain': 3, 'name': 'Cooperation and partnerships', 'value': 40.0, \
'category': 2, 'label': 'Partially meets', 'answered': 2, 'missing': 3}
    """

    domains: tuple[DomainScore, ...] = attrs.field(
        validator=[tuple_of(DomainScore), numbered("domains", 6, lambda d: d.domain.number)]
    )
    """The six domains' values, in order."""

    @property
    def answers(self) -> tuple[Answer, ...]:
        """All 30 answers, in sub-category order."""
        return tuple(answer for domain in self.domains for answer in domain.answers)

    @property
    def value(self) -> Fraction:
        """From 0 to 100, exact."""
        return _percent(self.answers)

    @property
    def missing(self) -> tuple[Subcategory, ...]:
        """Sub-categories that had no response (each counted 0); empty for a
        complete set."""
        return tuple(item for domain in self.domains for item in domain.missing)

    def _subject(self) -> str:
        return ""

    def rows(self) -> list[dict[str, str | int | float | None]]:
        """Tidy rows, one per value: domains PD_1 … PD_6, then the overall
        value (breakdown ``_T``).  ``value`` is a float; ``category`` was
        found from the exact value."""
        names = {item.code: item.name for item in _bundled_indicator().breakdowns}
        rows = [
            _row(domain.domain.code, domain.domain.number, domain.domain.name, domain)
            for domain in self.domains
        ]
        rows.append(_row("_T", None, names["_T"], self))
        return rows

    def compare(
        self, country: str, year: int | None = None, *, results: SdgResults | None = None
    ) -> Comparison:
        """This score against a country's official result: see :func:`compare`.

        >>> import mgi
        >>> answers = {item.key: "yes" for item in mgi.sdg.subcategories if item.domain > 1}
        >>> answers |= {f"1{letter}": "yes_only_legal_status" for letter in "abcde"}
        >>> mgi.sdg.score(answers).compare("Canada", 2021).agrees
        False
        """
        return compare(self, country, year, results=results)

    def table(self) -> Table:
        """:meth:`rows` as a tidy :class:`mgi.Table`, for pandas, CSV or Excel.

        >>> import mgi
        >>> table = mgi.sdg.score({"3a": "yes"}, partial=True).table()
        >>> table.columns[:4], len(table)
        (('breakdown', 'domain', 'name', 'value'), 7)
        """
        return _table(self.rows())

    def answer_table(self) -> Table:
        """:meth:`answer_rows` as a tidy :class:`mgi.Table`, one row per sub-category."""
        return _table(self.answer_rows())

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.score_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.score_markdown(self)

    def answer_rows(self) -> list[dict[str, str | int | float | None]]:
        """Tidy rows, one per sub-category: key, domain, letter, name, the
        response (None where missing) and its code."""
        return [
            {
                "subcategory": answer.subcategory.key,
                "domain": answer.subcategory.domain,
                "letter": answer.subcategory.letter,
                "name": answer.subcategory.name,
                "response": None if answer.response is None else answer.response.value,
                "code": float(answer.code),
            }
            for answer in self.answers
        ]


def _table(rows: list[dict[str, str | int | float | None]]) -> Table:
    columns = tuple(rows[0])
    return Table(columns, tuple(tuple(row[column] for column in columns) for row in rows))


def _row(
    code: str, number: int | None, name: str, scored: DomainScore | Score
) -> dict[str, str | int | float | None]:
    category = scored.category
    missing = len(scored.missing)
    return {
        "breakdown": code,
        "domain": number,
        "name": name,
        "value": float(scored.value),
        "category": int(category),
        "label": category.label,
        "answered": len(scored.answers) - missing,
        "missing": missing,
    }


# -- comparing with the official results ------------------------------------------

COMPARISON_COLUMNS = (
    "country",
    "country_name",
    "year",
    "domain",
    "domain_slug",
    "breakdown",
    "value",
    "computed",
    "computed_label",
    "official",
    "official_label",
    "agrees",
)
"""The columns of :meth:`Comparison.table`: one row per value, the overall
value first; ``official``, ``official_label`` and ``agrees`` are empty where
no official category is published."""


@attrs.frozen(repr=False)
class ComparedValue:
    """One value of a comparison: the computed category beside the official
    one, where one is published.

    >>> import mgi
    >>> answers = {item.key: "no" for item in mgi.sdg.subcategories}
    >>> first = mgi.sdg.compare(mgi.sdg.score(answers), "Malta").values[0]
    >>> first, first.agrees
    (ComparedValue('_T', computed='Requires further progress', official='Partially meets'), False)
    """

    domain: int | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.in_(range(1, 7)))
    )
    """The domain number, or ``None`` for the overall value."""
    value: Fraction = attrs.field(validator=of_type(Fraction))
    """The computed value, 0 to 100, exact."""
    computed: Category = attrs.field(validator=of_type(Category))
    """The category of the computed value."""
    official: SdgResult | None = attrs.field(validator=of_type(SdgResult, type(None)))
    """The official result for the same country, year and domain, or ``None``."""

    @property
    def breakdown(self) -> str:
        """``'_T'`` for the overall value, ``'PD_1'`` to ``'PD_6'``."""
        return "_T" if self.domain is None else f"PD_{self.domain}"

    @property
    def agrees(self) -> bool | None:
        """Whether the two categories are the same; ``None`` without an official one."""
        return None if self.official is None else self.official.category is self.computed

    def __repr__(self) -> str:
        official = None if self.official is None else self.official.label
        return (
            f"ComparedValue({self.breakdown!r}, computed={self.computed.label!r}, "
            f"official={official!r})"
        )


@attrs.frozen(repr=False)
class Comparison:
    """A computed :class:`Score` beside a country's official results for one
    round: the overall value and each domain, official where published.

    >>> import mgi
    >>> answers = {item.key: "yes" for item in mgi.sdg.subcategories if item.domain > 1}
    >>> answers |= {"1a": "yes_regardless_of_status", "1b": "yes_regardless_of_status",
    ...             "1c": "yes_regardless_of_status", "1d": "yes_only_legal_status",
    ...             "1e": "yes_regardless_of_status", "3c": "no", "4a": "no", "5d": "no"}
    >>> comparison = mgi.sdg.compare(mgi.sdg.score(answers), "Canada", 2021)
    >>> comparison
    Comparison('CAN', 2021: 7 compared, 4 agree)
    >>> [value.breakdown for value in comparison.differences]
    ['PD_3', 'PD_4', 'PD_5']
    """

    country: str = attrs.field(validator=of_type(str))
    """The country's alpha-3 code."""
    country_name: str = attrs.field(validator=of_type(str))
    """The country's name."""
    year: int = attrs.field(validator=of_type(int))
    """The round year compared with."""
    score: Score = attrs.field(validator=of_type(Score))
    """The computed score."""
    values: tuple[ComparedValue, ...] = attrs.field(validator=tuple_of(ComparedValue))
    """The overall value, then domains 1 to 6."""

    @property
    def compared(self) -> tuple[ComparedValue, ...]:
        """The values with an official category to compare with."""
        return tuple(value for value in self.values if value.official is not None)

    @property
    def differences(self) -> tuple[ComparedValue, ...]:
        """The values whose computed category differs from the official one."""
        return tuple(value for value in self.values if value.agrees is False)

    @property
    def agrees(self) -> bool:
        """Whether every value with an official category has the same one."""
        return not self.differences

    @property
    def partial(self) -> bool:
        """Whether the score lacked responses (each computed value is then a
        lower bound, see :func:`score`)."""
        return bool(self.score.missing)

    def table(self) -> Table:
        """One row per value (:data:`COMPARISON_COLUMNS`), the overall value first.

        >>> import mgi
        >>> answers = {item.key: "no" for item in mgi.sdg.subcategories}
        >>> row = mgi.sdg.compare(mgi.sdg.score(answers), "MLT").table().to_records()[3]
        >>> row["domain_slug"], row["computed_label"], row["official_label"], row["agrees"]
        ('partnerships', 'Requires further progress', 'Fully meets', False)
        """
        rows = tuple(
            (
                self.country,
                self.country_name,
                self.year,
                value.domain,
                None if value.domain is None else DOMAIN_SLUGS[value.domain - 1],
                value.breakdown,
                float(value.value),
                int(value.computed),
                value.computed.label,
                None if value.official is None else int(value.official.category),
                None if value.official is None else value.official.label,
                value.agrees,
            )
            for value in self.values
        )
        return Table(COMPARISON_COLUMNS, rows)

    def __repr__(self) -> str:
        compared = self.compared
        agree = sum(value.agrees is True for value in compared)
        return (
            f"Comparison({self.country!r}, {self.year}: {len(compared)} compared, {agree} agree)"
        )

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()


def compare(
    score: Score, country: str, year: int | None = None, *, results: SdgResults | None = None
) -> Comparison:
    """A computed :class:`Score` beside a country's official results.

    ``country`` is a code or a name; ``year`` the round to compare with, by
    default the country's latest round with results; ``results`` the
    official results to use, by default the bundled ``mgi.sdg.results``.
    The overall value and each domain are compared where an official
    category is published (many countries have only the overall one).  A
    country or year without official results raises :class:`mgi.NotFoundError`.

    >>> import mgi
    >>> answers = {item.key: "yes" for item in mgi.sdg.subcategories if item.domain > 1}
    >>> answers |= {f"1{letter}": "yes_regardless_of_status" for letter in "abcde"}
    >>> comparison = mgi.sdg.compare(mgi.sdg.score(answers), "Denmark")
    >>> comparison.year, len(comparison.compared), comparison.agrees
    (2021, 7, False)
    >>> mgi.sdg.compare(mgi.sdg.score(answers), "Denmark", 2023)
    Traceback (most recent call last):
    ...
    mgi.errors.NotFoundError: unknown Denmark round 2023 (did you mean '2019' or '2021'?)
    """
    if not isinstance(score, Score):
        raise InvalidValueError(f"expected a Score, got {type(score).__name__}", "score")
    if not isinstance(country, str):
        raise InvalidValueError(
            f"expected a country code or name as a string, got {type(country).__name__}",
            "country",
        )
    official = (results if results is not None else _bundled_results())[country]
    if year is None:
        year = official.years[-1]
    chosen = official.filter(year=year)
    name = official[0].country_name
    if not chosen:
        raise NotFoundError(f"{name} round", year, [str(y) for y in official.years])
    by_domain = {item.domain: item for item in chosen}
    values = [ComparedValue(None, score.value, score.category, by_domain.get(None))]
    values += [
        ComparedValue(
            part.domain.number, part.value, part.category, by_domain.get(part.domain.number)
        )
        for part in score.domains
    ]
    return Comparison(official[0].country, name, year, score, tuple(values))


def score(responses: Mapping[Any, Response | str], *, partial: bool = False) -> Score:
    """Score a set of responses by the published method.

    ``responses`` maps each sub-category (any key ``mgi.sdg.subcategories``
    accepts) to a :class:`Response` or its value (``'yes'``, ``'no'``, and in
    domain 1 ``'yes_regardless_of_status'`` or ``'yes_only_legal_status'``).
    All 30 are required; with ``partial=True`` the missing ones count 0 (so
    each value is the lowest the complete set could reach) and are listed in
    :attr:`Score.missing`.  ``responses`` is read, never changed.

    Raises :class:`mgi.ResponseError` naming the sub-category for an unknown
    or repeated sub-category, a value that is not a response, or a response
    the sub-category's domain does not take; and naming every missing one for
    an incomplete set without ``partial=True``.

    >>> import mgi
    >>> responses = {item.key: "no" for item in mgi.sdg.subcategories}
    >>> mgi.sdg.score(responses).value
    Fraction(0, 1)
    >>> mgi.sdg.score({"3a": "yes"})
    Traceback (most recent call last):
    ...
    mgi.errors.ResponseError: missing responses for 29 sub-categories: 1a, 1b, ...
    """
    if not isinstance(responses, Mapping):
        raise ResponseError(
            "expected a mapping from sub-category keys such as '1a' to responses, "
            f"got {type(responses).__name__}"
        )
    given: dict[str, tuple[object, Response]] = {}
    for key, value in responses.items():
        _add(given, key, value)
    domains = _bundled_indicator().domains
    missing = [item.key for item in _subcategories() if item.key not in given]
    if missing and not partial:
        raise ResponseError(
            f"missing responses for {len(missing)} sub-categories: {', '.join(missing)} "
            "(pass partial=True to score them as 0)",
            missing,
        )

    def answer(item: Subcategory) -> Answer:
        return Answer(item, given[item.key][1] if item.key in given else None)

    return Score(
        tuple(
            DomainScore(domain, tuple(answer(item) for item in domain.subcategories))
            for domain in domains
        )
    )


def _add(
    given: dict[str, tuple[object, Response]], key: object, value: object, exact: bool = False
) -> None:
    """Check one response and add it to ``given`` (key -> key as given,
    response); ``exact``: the key must be written as the sub-category's key."""
    item = _subcategory(key)
    if exact and key != item.key:
        raise ResponseError(
            f"write the sub-category key as {item.key!r}: a JSON file takes the keys "
            "'1a' to '6e' as written",
            [item.key],
        )
    if item.key in given:
        first = given[item.key][0]
        raise ResponseError(
            f"sub-category {item.key} is given twice (as {_shown(first)} and {_shown(key)})",
            [item.key],
        )
    given[item.key] = (key, _response(item, value))


def _subcategories() -> Subcategories:
    from mgi._data import sdg_subcategories  # the bundled data: see _bundled_indicator

    return sdg_subcategories()


def _bundled_indicator() -> SdgIndicator:
    """The bundled indicator. Scoring, comparing and the module's
    ``indicator``, ``subcategories``, ``results`` and ``shares`` default to
    the bundled data, which lives above this module: these four functions
    are its only calls up to it."""
    from mgi._data import sdg_indicator

    return sdg_indicator()


def _bundled_results() -> SdgResults:
    """The bundled official results (see :func:`_bundled_indicator`)."""
    from mgi._data import sdg_results

    return sdg_results()


def _bundled_shares() -> RegionalShares:
    """The bundled regional percentages (see :func:`_bundled_indicator`)."""
    from mgi._data import sdg_shares

    return sdg_shares()


def _subcategory(key: object) -> Subcategory:
    try:
        if not isinstance(key, (str, Subcategory)):  # never a position
            raise NotFoundError("sub-category", key)
        return _subcategories()[key]
    except NotFoundError as error:
        raise ResponseError(str(error), [key if isinstance(key, str) else _shown(key)]) from None


def _response(item: Subcategory, value: object) -> Response:
    if isinstance(value, Response):
        response = value
    elif isinstance(value, str) and value in _VALUES:
        response = Response(value)
    else:
        accepted = [response.value for response in item.responses]
        hint = close_matches(value, accepted, limit=1) if isinstance(value, str) else []
        raise ResponseError(
            f"sub-category {item.key}: expected {_or_list(accepted)}, got {_shown(value)}"
            + (f" (did you mean {hint[0]!r}?)" if hint else ""),
            [item.key],
        )
    _check_response(item, response)
    return response


_VALUES = frozenset(response.value for response in Response)


def _check_response(item: Subcategory, response: Response) -> None:
    if response in item.responses:
        return
    accepted = _or_list([accepted.value for accepted in item.responses])
    why = (
        "domain 1 asks whether it holds regardless of immigration status"
        if item.domain == STATUS_DOMAIN
        else "answers about immigration status are for domain 1 only"
    )
    raise ResponseError(
        f"sub-category {item.key}: expected {accepted}, got {response.value!r} ({why})",
        [item.key],
    )


# -- responses files ----------------------------------------------------------------

_HEADER = ["subcategory", "response"]
_Entry: TypeAlias = tuple[str, object, object]  # location, key, value


MAX_RESPONSES_SIZE = 2**20
"""The most bytes :func:`load_responses` reads (30 responses take about 1 KB);
pass ``max_size=`` to read more."""


def load_responses(
    path: str | os.PathLike[str], *, max_size: int = MAX_RESPONSES_SIZE
) -> dict[str, Response]:
    """Read responses from a ``.json`` or ``.csv`` file of at most ``max_size``
    bytes (see :func:`loads_responses`).

    >>> import mgi, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "answers.json")
    ...     _ = path.write_text('{"2a": "yes", "2b": "no"}', encoding="utf-8")
    ...     print(mgi.sdg.load_responses(path))
    {'2a': <Response.YES: 'yes'>, '2b': <Response.NO: 'no'>}
    """
    name = checked_path(path)
    kinds: dict[str, Literal["json", "csv"]] = {".json": "json", ".csv": "csv"}
    kind = kinds.get(Path(name).suffix.lower())
    if kind is None:
        raise MGIError(f"{name}: cannot tell the format: name the file .json or .csv")
    return loads_responses(read_bytes(name, max_size), kind, name)


def loads_responses(
    data: str | bytes, format: Literal["json", "csv"] = "json", source: str | None = None
) -> dict[str, Response]:
    """Read responses from JSON or CSV text, checking every entry.

    JSON is an object mapping keys to values, as the schema
    ``mgi.schema("responses")`` describes: keys are written ``'1a'`` …
    ``'6e'`` exactly, and ``"$schema"`` may name the format
    (``'urn:mgi:responses:1'``). CSV has the header ``subcategory,response``
    and a row per sub-category, whose key may also be written ``'1A'``,
    ``'1.a'`` or as the sub-category's name.  The result maps
    keys (``'1a'``) to responses, in sub-category order, ready for
    :func:`score`.  A set may be incomplete (:func:`score` decides); every
    other problem raises :class:`mgi.DataError` naming ``source`` and the
    JSON path or CSV line:

    >>> import mgi
    >>> mgi.sdg.loads_responses("subcategory,response\\n1a,yes_only_legal_status\\n", "csv")
    {'1a': <Response.YES_ONLY_LEGAL_STATUS: 'yes_only_legal_status'>}
    >>> mgi.sdg.loads_responses('{"1a": "yes", "2f": "no"}', source="answers.json")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: answers.json: $['1a']: sub-category 1a: expected \
'yes_regardless_of_status', 'yes_only_legal_status' or 'no', got 'yes' (domain 1 asks \
whether it holds regardless of immigration status)
    answers.json: $['2f']: unknown sub-category '2f'
    """
    problems: list[Problem] = []
    if format == "json":
        entries, problems = _json_entries(data, source)
    elif format == "csv":
        entries, problems = _csv_entries(data, source)
    else:
        raise MGIError(f"unknown responses format {format!r}: expected 'json' or 'csv'")
    given: dict[str, tuple[object, Response]] = {}
    for location, key, value in entries:
        try:
            _add(given, key, value, exact=format == "json")
        except ResponseError as error:
            problems.append(Problem(location, error.message))
    if problems:
        raise DataError(sorted(problems, key=_line_order), source)
    return {item.key: given[item.key][1] for item in _subcategories() if item.key in given}


def _line_order(problem: Problem) -> int:
    number = problem.location.removeprefix("line ")
    return int(number) if number.isdigit() else 0


def _json_entries(data: str | bytes, source: str | None) -> tuple[list[_Entry], list[Problem]]:
    """The entries of a JSON responses file, and the problems of its keys: a
    key is a sub-category's key as written ('1a', never '1A' or a name), or
    ``"$schema"`` naming the format."""
    document = parse_json(data, source)
    if not isinstance(document, dict):
        message = (
            "expected an object mapping sub-category keys such as '1a' to responses, "
            f"got {type(document).__name__}"
        )
        raise DataError([Problem("$", message)], source)
    entries: list[_Entry] = []
    problems: list[Problem] = []
    for key, value in document.items():
        where = f"$[{_shown(key, 60)}]"
        if key != VERSION_KEY:
            entries.append((where, key, value))
            continue
        wrong = RESPONSES.problem(value)
        if wrong is not None and RESPONSES.is_newer(value):  # the rest would only confuse
            raise DataError([Problem(where, wrong)], source)
        if wrong is not None:
            problems.append(Problem(where, wrong))
    return entries, problems


def _csv_entries(data: str | bytes, source: str | None) -> tuple[list[_Entry], list[Problem]]:
    reader = csv.reader(io.StringIO(decode_text(data, source), newline=""), strict=True)
    entries: list[_Entry] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            where = f"line {reader.line_num}"
            if not any(cells):
                continue
            if header is None:
                header = cells
                if header != _HEADER:
                    message = f"expected the header 'subcategory,response', got {','.join(row)!r}"
                    raise DataError([Problem(where, message)], source)
            elif len(cells) != len(_HEADER):
                message = f"expected 2 columns (subcategory,response), got {len(cells)}"
                problems.append(Problem(where, message))
            else:
                entries.append((where, cells[0], cells[1]))
    except csv.Error as error:
        where = f"line {reader.line_num}"
        raise DataError([Problem(where, f"invalid CSV: {error}")], source) from None
    if header is None:
        message = "expected the header 'subcategory,response', got no rows"
        raise DataError([Problem("line 1", message)], source)
    return entries, problems


_LOADERS: dict[str, Any] = {
    "indicator": _bundled_indicator,
    "subcategories": _subcategories,
    "results": _bundled_results,
    "shares": _bundled_shares,
}


def __getattr__(name: str) -> Any:
    # The data is read on first use of ``indicator``, ``subcategories``,
    # ``results`` or ``shares``, once.
    loaders = _LOADERS
    if name not in loaders:
        raise AttributeError(f"module 'mgi.sdg' has no attribute {name!r}")
    value = loaders[name]()
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LOADERS))
