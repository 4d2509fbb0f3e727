"""The taxonomy: the six MGI domains, with their names, sub-areas and
crosswalks, and the collection that finds a domain by any of its keys.

A domain is all the first lookup needs, so this module imports no other
record module: ``mgi.domains[1]`` creates the four record classes a domain
is made of, and nothing else.

>>> import mgi
>>> domain = mgi.domains["Alianzas"]
>>> domain.number, domain.slug, domain.sdg_code
(3, 'partnerships', 'PD_3')
>>> mgi.domains.get("Alliances") is None
True
"""

from __future__ import annotations

import enum
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

import attrs

from mgi._checks import between, matching, member, nonblank, of_type, record_repr, tuple_of
from mgi._languages import language as _language_of
from mgi._lookup import Lookup
from mgi.errors import InvalidValueError
from mgi.text import fold

if TYPE_CHECKING:
    from mgi.indicator import SdgDomain

__all__ = [
    "DOMAIN_SLUGS",
    "Domain",
    "DomainKey",
    "DomainSlug",
    "Domains",
    "Level",
    "LevelName",
    "MigofElement",
    "MigofKind",
    "Name",
    "NameUse",
    "SubArea",
    "domain_number",
    "level_of",
]

#: The stable slug of each domain, in domain order: how a profile document
#: names a finding's domain.
DomainSlug: TypeAlias = Literal[
    "migrants_rights",
    "whole_of_government",
    "partnerships",
    "wellbeing",
    "crises",
    "safe_orderly_regular",
]

#: The stable slug of each domain, in domain order (index 0 is domain 1).
DOMAIN_SLUGS: tuple[str, ...] = get_args(DomainSlug)

#: The values of :class:`Level`, and ``'city'``, another word for ``'local'``.
LevelName: TypeAlias = Literal["national", "local", "city"]

_LANGUAGE = re.compile(r"[a-z]{2,3}")
_SDG_CODE = re.compile(r"PD_[1-6]")


class Level(enum.StrEnum):
    """Who was assessed: a country (national MGI) or a local authority.

    >>> import mgi
    >>> mgi.profiles["huehuetenango-2024"].place.level is mgi.Level.LOCAL
    True
    >>> mgi.Level("national")
    <Level.NATIONAL: 'national'>
    """

    NATIONAL = "national"
    """A country, assessed with the national MGI."""
    LOCAL = "local"
    """A local authority (city, municipality, state, ...), assessed with the local MGI."""


class NameUse(enum.StrEnum):
    """What a domain name is: the usual name, or another form people meet.

    >>> import mgi
    >>> [name.text for name in mgi.domains[3].names if name.use is mgi.NameUse.HEADING]
    ['ALIANZAS', 'PARTENARIATS']
    """

    NAME = "name"
    """The usual name in its language."""
    LOCAL = "local"
    """The name used for the local (city) MGI where it differs."""
    VARIANT = "variant"
    """Another wording seen in published material."""
    HEADING = "heading"
    """A heading exactly as printed on a profile page."""


class MigofKind(enum.StrEnum):
    """MiGOF has three principles and three objectives.

    >>> import mgi
    >>> [domain.migof.kind.value for domain in mgi.domains.values()]
    ['principle', 'principle', 'principle', 'objective', 'objective', 'objective']
    """

    PRINCIPLE = "principle"
    """One of the three principles (paired with domains 1-3)."""
    OBJECTIVE = "objective"
    """One of the three objectives (paired with domains 4-6)."""


# -- records -------------------------------------------------------------------


@attrs.frozen(repr=False)
class Name:
    """One name of a domain in one language, with where it was seen.

    >>> import mgi
    >>> name = mgi.domains[3].names[0]
    >>> name.text, name.language, name.use.value
    ('Partnerships', 'en', 'name')
    """

    __repr__ = record_repr

    text: str = attrs.field(validator=nonblank)
    """The name as written, e.g. 'Alianzas'."""
    language: str = attrs.field(validator=matching(_LANGUAGE, "a language code like 'en'"))
    """Its language code (ISO 639), e.g. 'es'."""
    use: NameUse = attrs.field(validator=of_type(NameUse))
    """What kind of name it is."""
    source: str = attrs.field(validator=nonblank)
    """Where the name was seen (an address or a description)."""


@attrs.frozen(repr=False)
class SubArea:
    """One of the policy areas a domain's indicators look at.

    >>> import mgi
    >>> [(area.language, area.text) for area in mgi.domains[3].subareas][:2]
    [('en', 'Regional cooperation'), ('en', 'Global cooperation')]
    """

    __repr__ = record_repr

    text: str = attrs.field(validator=nonblank)
    """The sub-area as published, e.g. 'Regional cooperation'."""
    language: str = attrs.field(validator=matching(_LANGUAGE, "a language code like 'en'"))
    """Its language code (ISO 639)."""
    source: str = attrs.field(validator=nonblank)
    """Where the sub-area was published."""


@attrs.frozen(repr=False)
class MigofElement:
    """The principle or objective of IOM's Migration Governance Framework
    (MiGOF, 2015) that a domain measures.

    >>> import mgi
    >>> migof = mgi.domains[6].migof
    >>> migof.kind.value, migof.number, migof.inferred
    ('objective', 3, True)
    """

    __repr__ = record_repr

    kind: MigofKind = attrs.field(validator=of_type(MigofKind))
    """Principle or objective."""
    number: int = attrs.field(validator=between(1, 3, "a number"))
    """Its number among its kind, 1 to 3."""
    text: str = attrs.field(validator=nonblank)
    """Its short wording."""
    statement: str = attrs.field(validator=nonblank)
    """Its fuller wording."""
    source: str = attrs.field(validator=nonblank)
    """Where the wording and the pairing come from."""
    inferred: bool = attrs.field(validator=of_type(bool))
    """True where the pairing with the domain rests on matching names and order
    rather than on a published table."""

    def __str__(self) -> str:
        return f"MiGOF {self.kind.value} {self.number}: {self.text}"


@attrs.frozen(repr=False)
class Domain:
    """One of the six MGI domains.

    >>> import mgi
    >>> domain = mgi.domains["alianzas"]
    >>> domain
    Domain(3, 'partnerships')
    >>> domain.name, domain.name_in("fr"), domain.sdg_code
    ('Partnerships', 'Partenariats', 'PD_3')
    >>> str(domain.migof)
    'MiGOF principle 3: Engagement with partners to address migration and related issues'
    """

    number: int = attrs.field(validator=between(1, 6, "a domain number"))
    """The domain's stable number, 1 to 6."""
    slug: str = attrs.field(validator=of_type(str))
    """The domain's stable identifier, e.g. 'partnerships'."""
    names: tuple[Name, ...] = attrs.field(validator=tuple_of(Name))
    """Every known name, in every language, with its source; one at least is
    the usual English name (:attr:`name`)."""
    national_description: str = attrs.field(validator=nonblank)
    """What the domain's indicators assess in a country (English)."""
    local_description: str = attrs.field(validator=nonblank)
    """What the domain's indicators assess in a local authority (a city,
    municipality or state: the local MGI), in English."""
    subareas: tuple[SubArea, ...] = attrs.field(validator=tuple_of(SubArea))
    """The policy areas its indicators look at, as published per language."""
    migof: MigofElement = attrs.field(validator=of_type(MigofElement))
    """The MiGOF principle or objective the domain measures."""
    sdg_code: str = attrs.field(validator=matching(_SDG_CODE, "an SDG 10.7.2 code like 'PD_1'"))
    """The SDG indicator 10.7.2 policy-domain code (``PD_1`` … ``PD_6``)."""

    @slug.validator
    def _slug_matches_number(self, attribute: attrs.Attribute[str], value: str) -> None:
        expected = DOMAIN_SLUGS[self.number - 1]
        if value != expected:
            raise InvalidValueError(
                f"domain {self.number} has slug {expected!r}, got {value!r}", attribute.name
            )

    @names.validator
    def _has_an_english_name(
        self, attribute: attrs.Attribute[Any], value: tuple[Name, ...]
    ) -> None:
        if self.name_in("en") is None:
            raise InvalidValueError(
                "expected an English name (language 'en', use 'name' or 'heading')",
                attribute.name,
            )

    @property
    def name(self) -> str:
        """The usual English name."""
        found = self.name_in("en")
        assert found is not None, "the constructor checks that there is one"
        return found

    def name_in(self, language: str) -> str | None:
        """The usual name in ``language``, or ``None`` where none is known.

        ``language`` is a BCP 47 tag in any case; a tag with a region or a
        script falls back to its language, as the data names languages only:

        >>> import mgi
        >>> partnerships = mgi.domains[3]
        >>> partnerships.name_in("es-GT"), partnerships.name_in("ES"), partnerships.name_in("pt")
        ('Alianzas', 'Alianzas', None)
        """
        found = self._name_record(language)
        return None if found is None else found.text

    def name_for(self, language: str) -> Name:
        """The usual name in ``language`` (as :meth:`name_in` reads it), else
        the English name: the :class:`Name`'s ``language`` says which it is,
        so a fallback to English is never silent.

        >>> import mgi
        >>> german = mgi.domains[5].name_for("de-AT")
        >>> german.text, german.language
        ('Mobility dimensions of crises', 'en')
        >>> mgi.domains[3].name_for("de").language
        'de'
        """
        found = self._name_record(language)
        if found is None:
            found = self._name_record("en")
        assert found is not None, "the constructor checks that there is an English name"
        return found

    def _name_record(self, language: str) -> Name | None:
        wanted = _language_of(language)
        for use in (NameUse.NAME, NameUse.HEADING):
            for name in self.names:
                if name.language == wanted and name.use is use:
                    return name
        return None

    @property
    def city_description(self) -> str:
        """Deprecated since 0.2: the level is called local; use :attr:`local_description`."""
        warnings.warn(
            "Domain.city_description is deprecated: use Domain.local_description",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.local_description

    def description(self, level: Level | LevelName = Level.NATIONAL) -> str:
        """The national or the local description: ``level`` is a :class:`Level`
        or its value, ``'city'`` being accepted for ``'local'``.

        >>> import mgi
        >>> mgi.domains[3].description("city") == mgi.domains[3].local_description
        True
        """
        if level_of(level) is Level.LOCAL:
            return self.local_description
        return self.national_description

    @property
    def sdg(self) -> SdgDomain:
        """The domain as SDG indicator 10.7.2 measures it, with its five sub-categories.

        >>> import mgi
        >>> mgi.domains[1].sdg.subcategories[0].name
        'Essential and/or emergency health care'
        """
        from mgi._data import sdg_indicator  # up to the bundled data, on purpose

        return sdg_indicator().domains[self.number - 1]

    def subareas_in(self, language: str = "en") -> tuple[str, ...]:
        """The sub-areas as published in ``language`` (empty where none were found)."""
        return tuple(area.text for area in self.subareas if area.language == language)

    def __repr__(self) -> str:
        return f"Domain({self.number}, {self.slug!r})"

    def __str__(self) -> str:
        return self.name

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.domain_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.domain_markdown(self)


#: What ``mgi.domains[...]`` accepts: a number 1-6, a slug, an SDG code
#: (``PD_3``), any known name in any language, or a Domain.
DomainKey: TypeAlias = int | str | Domain


# -- keys ----------------------------------------------------------------------

_NUMBERS = {slug: number for number, slug in enumerate(DOMAIN_SLUGS, 1)} | {
    f"PD_{number}": number for number in range(1, 7)
}


def domain_number(key: DomainKey) -> int:
    """The number of the domain ``key`` names (anything ``mgi.domains[...]``
    takes); :class:`mgi.NotFoundError` with suggestions if none.

    Numbers, slugs and SDG codes are known here; names in every language need
    the bundled taxonomy, read on first need.

    >>> domain_number(3), domain_number("PD_3"), domain_number("Alianzas")
    (3, 3, 3)
    """
    if isinstance(key, int) and not isinstance(key, bool) and 1 <= key <= 6:
        return key
    if isinstance(key, Domain):
        return key.number
    if isinstance(key, str) and key in _NUMBERS:
        return _NUMBERS[key]
    return _bundled_domain(key).number


_LEVEL_ALIASES = {"city": Level.LOCAL}


def level_of(level: Level | str) -> Level:
    """The :class:`Level` that ``level`` is or names; ``'city'`` is another
    word for ``'local'``. :class:`mgi.NotFoundError` naming the levels if none.

    >>> level_of("city"), level_of("NATIONAL")
    (<Level.LOCAL: 'local'>, <Level.NATIONAL: 'national'>)
    """
    return member(Level, level, "level", _LEVEL_ALIASES)


# -- the collection ------------------------------------------------------------


class Domains(Lookup[Domain], Mapping[int, Domain]):
    """The six MGI domains: a mapping from number to domain, that also finds
    a domain by slug, SDG code (``PD_3``) or any name in any language.

    >>> import mgi
    >>> mgi.domains["MIGRANTS' RIGHTS"].number
    1
    >>> mgi.domains["Movilidad en situaciones de crisis"].slug
    'crises'
    >>> [d.number for d in mgi.domains.values()], dict(mgi.domains)[2].slug
    ([1, 2, 3, 4, 5, 6], 'whole_of_government')
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

    def __getitem__(self, key: DomainKey) -> Domain:
        return self._lookup(key)

    def __iter__(self) -> Iterator[int]:
        return (domain.number for domain in self._items)

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def values(self) -> tuple[Domain, ...]:  # type: ignore[override]
        """The domains, 1 to 6, as a tuple."""
        return self._items

    def __repr__(self) -> str:
        return "Domains(" + ", ".join(f"{d.number}={d.slug}" for d in self._items) + ")"

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.domains_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.domains_markdown(self)


# -- calls up to the bundled data (see docs/architecture.md) --------------------


def _bundled_domain(key: DomainKey) -> Domain:
    """The bundled domain ``key`` names: a domain named in any language."""
    from mgi._data import domains

    return domains()[key]


def domain_names() -> tuple[str, ...]:
    """The English name of each domain, domains 1 to 6, from the bundled taxonomy.

    >>> domain_names()[2]
    'Partnerships'
    """
    return tuple(domain.name for domain in _bundled_domains().values())


def _bundled_domains() -> Mapping[int, Domain]:
    """The six bundled domains, for the views a record draws of itself."""
    from mgi._data import domains

    return domains()
