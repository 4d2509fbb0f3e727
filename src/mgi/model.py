"""The frozen records ``mgi`` is made of: domains, profiles, findings, places.

Every record is an immutable, slotted attrs class holding only strings,
numbers, enums, tuples and other records, so shared bundled objects can be
hashed and can never be changed by one caller behind another's back.  Build a
variant with :func:`attrs.evolve`:

>>> import attrs, mgi
>>> profile = mgi.profiles["huehuetenango-2024"]
>>> profile.published
YearMonth(year=2024, month=8)
>>> attrs.evolve(profile, id="copy").id
'copy'
>>> profile.id
'huehuetenango-2024'

Checks run in every constructor, so a record cannot hold an impossible value:

>>> mgi.YearMonth(2024, 13)
Traceback (most recent call last):
...
mgi.errors.InvalidValueError: month: expected a month from 1 to 12, got 13
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from mgi._checks import between, matching, member, nonblank, of_type, tuple_of
from mgi.errors import InvalidValueError, _shown

# The taxonomy's records, which profiles refer to, live in mgi.taxonomy (so
# that the first lookup of a domain creates them alone); they are named here
# too, where 0.2.0 documented them.
from mgi.taxonomy import (
    DOMAIN_SLUGS,
    Domain,
    DomainKey,
    DomainSlug,
    Level,
    LevelName,
    MigofElement,
    MigofKind,
    Name,
    NameUse,
    SubArea,
    _bundled_domain,
    _bundled_domains,
    domain_number,
)

if TYPE_CHECKING:
    pass

__all__ = [
    "DOMAIN_SLUGS",
    "Assessment",
    "DataSource",
    "Domain",
    "DomainFindings",
    "DomainKey",
    "DomainSlug",
    "Finding",
    "FindingKind",
    "FindingKindName",
    "Level",
    "LevelName",
    "MigofElement",
    "MigofKind",
    "Name",
    "NameUse",
    "Place",
    "Profile",
    "Provenance",
    "PublishedCount",
    "Source",
    "SubArea",
    "YearMonth",
]

#: The values of :class:`FindingKind`, which every ``kind=`` parameter takes.
FindingKindName: TypeAlias = Literal["well_developed", "potential"]


class FindingKind(enum.StrEnum):
    """The two lists a profile gives for each domain.

    >>> import mgi
    >>> [kind.value for kind in mgi.FindingKind]
    ['well_developed', 'potential']
    """

    WELL_DEVELOPED = "well_developed"
    """Well-developed areas."""
    POTENTIAL = "potential"
    """Areas with potential for further development."""


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_ALPHA3 = re.compile(r"[A-Z]{3}")


# -- profiles ----------------------------------------------------------------


@attrs.frozen(order=True)
class YearMonth:
    """A publication date to the month, as profiles give it (no invented day).

    >>> YearMonth.parse("2024-08")
    YearMonth(year=2024, month=8)
    >>> str(YearMonth(2024, 8))
    '2024-08'
    """

    year: int = attrs.field(validator=between(1900, 2999, "a year"))
    """The year, e.g. 2024."""
    month: int = attrs.field(validator=between(1, 12, "a month"))
    """The month, 1 to 12."""

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Read the ``YYYY-MM`` form (ASCII digits, as JSON Schema's ``[0-9]``)."""
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError(
                f"expected a year and month like '2024-08', got {_shown(text)}"
            )
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@attrs.frozen
class Place:
    """The country or local authority a profile assesses.

    >>> import mgi
    >>> place = mgi.profiles["huehuetenango-2024"].place
    >>> place.kind, place.level.value, place.country, place.country_name
    ('municipality', 'local', 'GTM', 'Guatemala')
    """

    name: str = attrs.field(validator=nonblank)
    """Display name as the profile gives it, e.g. 'Municipalidad de Huehuetenango'."""
    kind: str = attrs.field(validator=nonblank)
    """What sort of place: 'country', 'municipality', 'city', 'state', ..."""
    level: Level = attrs.field(validator=of_type(Level))
    """National (a country) or local (a local authority)."""
    country: str = attrs.field(validator=matching(_ALPHA3, "an ISO 3166-1 alpha-3 code"))
    """ISO 3166-1 alpha-3 code of the country, e.g. 'GTM'."""
    country_name: str = attrs.field(validator=nonblank)
    """The country's name as the profile writes it."""


@attrs.frozen
class Source:
    """Where a profile's text comes from.

    >>> import mgi
    >>> source = mgi.profiles["huehuetenango-2024"].source
    >>> source.description[:37], source.url
    ('Text of the local MGI profile page of', None)
    """

    description: str = attrs.field(validator=nonblank)
    """What the text was taken from."""
    url: str | None = attrs.field(default=None, validator=of_type(str, type(None)))
    """The address of the page, or ``None`` where it is not known."""


@attrs.frozen
class Finding:
    """One item of a profile: a well-developed area or an area with potential.

    >>> import mgi
    >>> finding = mgi.profiles["huehuetenango-2024"].findings[0]
    >>> finding.domain, finding.kind.value, mgi.domains[finding.domain].name
    (1, 'well_developed', "Migrants' rights")
    """

    domain: int
    """The domain number, 1 to 6 (``mgi.domains[finding.domain]`` is the Domain)."""
    kind: FindingKind
    """Well-developed area or area with potential."""
    text: str = attrs.field()
    """The finding as the profile words it."""

    @text.validator
    def _check(self, text_field: attrs.Attribute[str], text: str) -> None:
        # One validator for the three fields: findings are most of a large
        # load, and a call for each field made it 5 % slower.  Values of the
        # usual types are tested here; any other goes to each field's own
        # check, which decides and says what is wrong.
        domain, kind = self.domain, self.kind
        certain = type(domain) is int and 1 <= domain <= 6 and type(kind) is FindingKind
        if certain and type(text) is str and text and not text.isspace():
            return
        fields = attrs.fields(Finding)
        _DOMAIN_NUMBER(self, fields.domain, domain)
        _FINDING_KIND(self, fields.kind, kind)
        nonblank(self, text_field, text)


_DOMAIN_NUMBER = between(1, 6, "a domain number")
_FINDING_KIND = of_type(FindingKind)


@attrs.frozen
class DomainFindings:
    """A profile's findings for one domain, each list in page order.

    >>> import mgi
    >>> group = mgi.profiles["huehuetenango-2024"].for_domain("partnerships")
    >>> group.domain.name, len(group.well_developed), len(group.potential)
    ('Partnerships', 2, 2)
    """

    domain: Domain
    """The domain."""
    well_developed: tuple[str, ...]
    """Texts of the well-developed areas."""
    potential: tuple[str, ...]
    """Texts of the areas with potential for further development."""


@attrs.frozen(repr=False)
class Profile:
    """One published MGI assessment of one place.

    >>> import mgi
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> profile.place.country, profile.place.level.value, profile.language
    ('GTM', 'local', 'es')
    >>> len(profile.findings)
    33
    >>> [f.text[:30] for f in profile.select(domain="alianzas", kind="potential")]
    ['Colaborar formalmente con orga', 'Formar parte de una red intern']
    """

    id: str = attrs.field(validator=matching(_SLUG, "a lower-case id like 'huehuetenango-2024'"))
    """Stable identifier, e.g. 'huehuetenango-2024'."""
    title: str = attrs.field(validator=nonblank)
    """The title as published."""
    place: Place = attrs.field(validator=of_type(Place))
    """The country or local authority assessed."""
    language: str = attrs.field(validator=matching(_LANGUAGE, "a language code like 'es'"))
    """Code (ISO 639) of the language the profile is written in."""
    published: YearMonth = attrs.field(validator=of_type(YearMonth))
    """Month of publication."""
    introduction: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """The introduction's paragraphs, in page order."""
    findings: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))
    """Every finding in page order: domain by domain, well-developed areas first."""
    source: Source = attrs.field(validator=of_type(Source))
    """Where the profile's text comes from."""

    def select(
        self, domain: DomainKey | None = None, kind: FindingKind | FindingKindName | None = None
    ) -> tuple[Finding, ...]:
        """The findings of one domain and/or kind, in page order.

        ``domain`` takes anything ``mgi.domains[...]`` accepts; ``kind`` a
        :class:`FindingKind` or its value.  An unknown domain or kind raises
        :class:`mgi.NotFoundError`.
        """
        number = domain_number(domain) if domain is not None else None
        wanted = finding_kind(kind) if kind is not None else None
        return tuple(
            finding
            for finding in self.findings
            if (number is None or finding.domain == number)
            and (wanted is None or finding.kind is wanted)
        )

    def for_domain(self, domain: DomainKey) -> DomainFindings:
        """Both lists of findings for one domain."""
        found = _bundled_domain(domain)
        mine = self.select(domain=found.number)

        def texts(kind: FindingKind) -> tuple[str, ...]:
            return tuple(f.text for f in mine if f.kind is kind)

        return DomainFindings(
            found, texts(FindingKind.WELL_DEVELOPED), texts(FindingKind.POTENTIAL)
        )

    def by_domain(self) -> tuple[DomainFindings, ...]:
        """One :class:`DomainFindings` per domain, domains 1 to 6."""
        return tuple(self.for_domain(number) for number in range(1, 7))

    @property
    def assessment(self) -> Assessment | None:
        """The entry of this profile's assessment in the catalogue of known
        assessments (``mgi.assessments``), for a bundled profile; ``None``
        for any other.

        >>> import mgi
        >>> entry = mgi.profiles["huehuetenango-2024"].assessment
        >>> entry.place, entry.level.value, entry.year, entry.profile
        ('Municipalidad de Huehuetenango', 'local', 2024, 'huehuetenango-2024')
        """
        return _bundled_assessment(self.id)

    def to_text(self) -> str:
        """The profile as the text of its page: title, date, INTRODUCTION, then
        each domain's heading and its two labelled lists, one finding a line.

        :func:`mgi.parse_profile` reads it back.  The page form carries
        neither the id nor the source, so pass them to get an equal profile
        (for a profile whose findings are in page order: domain by domain,
        well-developed areas first, every domain present):

        >>> import mgi
        >>> profile = mgi.profiles["huehuetenango-2024"]
        >>> print(profile.to_text()[:150])
        Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)
        2024 August
        <BLANKLINE>
        INTRODUCTION
        <BLANKLINE>
        En esta instantánea, ...
        >>> mgi.parse_profile(profile.to_text(), id=profile.id, source=profile.source) == profile
        True
        """
        from mgi import views  # rendering lives above the records

        return views.profile_text(self, _bundled_domains(), width=None)

    def __repr__(self) -> str:
        return f"Profile({self.id!r}, {self.title!r})"

    def __str__(self) -> str:
        return self.title

    def wheel_svg(self, *, size: int = 440) -> str:
        """The profile's wheel of the six domains as SVG (see :func:`mgi.views.wheel_svg`)."""
        from mgi import views  # rendering lives above the records

        return views.wheel_svg(self, _bundled_domains(), size=size)

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.profile_html(self, _bundled_domains())

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.profile_markdown(self, _bundled_domains())


# -- provenance ----------------------------------------------------------------


@attrs.frozen
class DataSource:
    """What one part of the bundled data is based on.

    >>> import mgi
    >>> source = mgi.provenance().sources[0]
    >>> source.topic
    'domain descriptions, national and city (English)'
    """

    topic: str = attrs.field(validator=nonblank)
    """The part of the data, e.g. 'domain names (French)'."""
    sources: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Addresses or descriptions of the material it was taken from."""
    note: str | None = attrs.field(default=None, validator=of_type(str, type(None)))
    """How the material was used, where that needs saying."""


@attrs.frozen(repr=False)
class Provenance:
    """The data release: its version and the source of every part of it.

    >>> import mgi
    >>> mgi.provenance()
    Provenance(data_version='2026.12.1', updated='2026-12-05', 18 sources, 18 facts not found)

    ``print()`` gives it all, part by part; a notebook shows it as a table.
    """

    data_version: str = attrs.field(validator=nonblank)
    """Version of the bundled data, separate from the package version."""
    updated: str = attrs.field(validator=nonblank)
    """Date of the data release (ISO 8601)."""
    description: str = attrs.field(validator=nonblank)
    """What the bundled data is, in a sentence or two."""
    sources: tuple[DataSource, ...] = attrs.field(validator=tuple_of(DataSource))
    """The sources, part by part."""
    not_found: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Facts that were looked for but not found, and so are left out."""

    def __repr__(self) -> str:
        return (
            f"Provenance(data_version={self.data_version!r}, updated={self.updated!r}, "
            f"{len(self.sources)} sources, {len(self.not_found)} facts not found)"
        )

    def __str__(self) -> str:
        from mgi import views  # a record's text form is drawn by the views

        return views.provenance_text(self)

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.provenance_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.provenance_markdown(self)


# -- the catalogue of assessments ------------------------------------------------


_optional_text = of_type(str, type(None))


@attrs.frozen(repr=False)
class Assessment:
    """One known MGI assessment of one place, as the collected facts name it:
    an entry of the catalogue ``mgi.assessments``, which is incomplete.

    What the facts do not say is ``None`` (or empty): the year, the language,
    the kind of place.

    >>> import mgi
    >>> entry = mgi.assessments["Montréal"]
    >>> entry
    Assessment('Montréal', 'CAN', 'local', 2019)
    >>> entry.kind, entry.language, entry.addresses[0][:30]
    ('city', 'en', 'https://publications.iom.int/b')
    """

    place: str = attrs.field(validator=nonblank)
    """The place as the facts name it: a country, or a local authority."""
    other_names: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Other names of the place seen in the facts (it is found by these too)."""
    kind: str | None = attrs.field(validator=_optional_text)
    """'country', 'city', 'municipality', 'state', ... where a name says it."""
    country: str = attrs.field(validator=matching(_ALPHA3, "an ISO 3166-1 alpha-3 code"))
    """ISO 3166-1 alpha-3 code of the country, e.g. 'GTM'."""
    country_name: str = attrs.field(validator=nonblank)
    """The country's English name in the bundled ISO 3166-1 table."""
    level: Level = attrs.field(validator=of_type(Level))
    """National (a country) or local (a local authority)."""
    year: int | None = attrs.field(
        validator=attrs.validators.optional(between(1900, 2999, "a year"))
    )
    """The year of the profile the facts date, or ``None`` where none is certain."""
    language: str | None = attrs.field(
        validator=attrs.validators.optional(matching(_LANGUAGE, "a language code like 'es'"))
    )
    """The profile's language (ISO 639), where a title or record shows it."""
    follow_up: bool = attrs.field(validator=of_type(bool))
    """Whether a second (follow-up) profile of the place is known; it is not listed apart."""
    addresses: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """IOM's own pages of the profile: the portal's page, the publication page."""
    sources: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    """Where the facts of this entry come from (addresses or descriptions)."""
    note: str | None = attrs.field(validator=_optional_text)
    """What else the facts say: dates, doubts."""
    profile: str | None = attrs.field(
        validator=attrs.validators.optional(matching(_SLUG, "a profile id"))
    )
    """The id of the bundled profile of this assessment, if one is bundled."""

    @sources.validator
    def _some(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidValueError("expected at least one source", attribute.name)

    @property
    def names(self) -> tuple[str, ...]:
        """The place's name and its other names."""
        return (self.place, *self.other_names)

    def __repr__(self) -> str:
        return f"Assessment({self.place!r}, {self.country!r}, {self.level.value!r}, {self.year!r})"

    def __str__(self) -> str:
        return f"{self.place} ({self.country_name}, {self.level.value})"


@attrs.frozen
class PublishedCount:
    """How many places IOM says it has assessed: what the catalogue of known
    assessments is measured against.

    >>> import mgi
    >>> count = mgi.assessments.published
    >>> count.countries, count.local, count.total, count.cited_as
    (112, 104, 216, 'Success Stories 2024')
    """

    countries: int = attrs.field(validator=between(0, 1000, "a count"))
    """Countries assessed (national MGI)."""
    local: int = attrs.field(validator=between(0, 10000, "a count"))
    """Local authorities assessed (local MGI), 'cities' in the source."""
    text: str = attrs.field(validator=nonblank)
    """The count as published, e.g. '112 countries and 104 cities'."""
    year: int = attrs.field(validator=between(1900, 2999, "a year"))
    """The year of the publication."""
    cited_as: str = attrs.field(validator=nonblank)
    """The publication, e.g. 'Success Stories 2024'."""
    source: str = attrs.field(validator=nonblank)
    """Where it is published."""

    @property
    def total(self) -> int:
        """Countries and local authorities together."""
        return self.countries + self.local


# -- keys ------------------------------------------------------------------------


def finding_kind(kind: FindingKind | str) -> FindingKind:
    """The :class:`FindingKind` that ``kind`` is or names (case and accents
    aside); :class:`mgi.NotFoundError` naming the kinds if none."""
    return member(FindingKind, kind, "finding kind")


# -- the records' calls up to the bundled data (see docs/architecture.md) --------


def _bundled_assessment(profile_id: str) -> Assessment | None:
    """The bundled catalogue's entry for a bundled profile."""
    from mgi._data import assessments

    return assessments().for_profile(profile_id)
