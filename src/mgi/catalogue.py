"""The catalogue of known MGI assessments: which places have been assessed.

``mgi.assessments`` lists the national and local assessments named in the
facts collected for this library: one :class:`~mgi.Assessment` per assessed
place, with its country, level and, where known, the year, the language, the
kind of place and the addresses of its profile.  **It is incomplete**: IOM
reports about 216 assessed places, and every view of the catalogue says how
many it lists against that count.  The profiles' texts are IOM publications
with all rights reserved and are not bundled; names, years and addresses
are facts.

>>> import mgi
>>> print(mgi.assessments.notice)
70 assessments listed here (36 countries, 34 local authorities) of about 216 published \
(112 countries and 104 cities, Success Stories 2024): this catalogue is incomplete.
>>> mgi.assessments["huehuetenango"].profile
'huehuetenango-2024'
>>> [entry.place for entry in mgi.assessments.filter(country="guatemala")]
['Guatemala', 'Municipalidad de Huehuetenango', 'San Marcos']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from mgi._lookup import Ordered
from mgi.errors import InvalidValueError, NotFoundError
from mgi.export import Table
from mgi.model import Assessment, Profile, PublishedCount
from mgi.taxonomy import Level, LevelName, level_of
from mgi.text import close_matches, fold

if TYPE_CHECKING:
    from mgi._countries import Countries

__all__ = ["ASSESSMENT_COLUMNS", "Assessments", "CatalogueDocument"]

ASSESSMENT_COLUMNS = (
    "place",
    "kind",
    "country",
    "country_name",
    "level",
    "year",
    "language",
    "follow_up",
    "profile",
    "addresses",
    "sources",
    "note",
)
"""The columns of :meth:`Assessments.table`, one row per assessment; empty
where the facts say nothing; ``addresses`` and ``sources`` are separated by
``' | '``."""

SEPARATOR = " | "

# "São Paulo (city)" is found as "São Paulo" too.
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")


@attrs.frozen
class CatalogueDocument:
    """The packaged ``assessments.json``."""

    about: str
    published: PublishedCount
    left_out: tuple[str, ...]
    assessments: tuple[Assessment, ...]


class Assessments(Ordered[Assessment]):
    """Known MGI assessments in order of country code, national first: a
    sequence, whose entries are also found by place name (case and accents
    ignored), narrowed by :meth:`filter`.  It is incomplete, and says so:
    its repr, :attr:`notice` and every view give how many it lists against
    the published count.

    >>> import mgi
    >>> mgi.assessments
    Assessments(70 listed of about 216 published: incomplete; Angola, Albania, ... 68 more)
    >>> mgi.assessments["Sao Paulo"].kind, mgi.assessments.get("Atlantis") is None
    ('city', True)
    >>> mgi.assessments["Montreal (Canada)"] is mgi.assessments["MONTRÉAL"]
    True
    >>> mgi.assessments["Montreall"]
    Traceback (most recent call last):
    ...
    mgi.errors.NotFoundError: unknown place 'Montreall' (did you mean 'Montréal' or ...?)
    """

    __slots__ = ("_published",)
    _what = "place"

    _published: PublishedCount | None

    def __init__(
        self, assessments: Iterable[Assessment], published: PublishedCount | None = None
    ) -> None:
        items = tuple(assessments)
        for index, item in enumerate(items):
            if not isinstance(item, Assessment):
                raise InvalidValueError(
                    f"item {index}: expected Assessment, got {type(item).__name__}",
                    "assessments",
                )
        if published is not None and not isinstance(published, PublishedCount):
            raise InvalidValueError(
                f"expected PublishedCount or None, got {type(published).__name__}", "published"
            )
        object.__setattr__(self, "_published", published)
        super().__init__(sorted(items, key=_order))

    def _slice(self, key: slice) -> Assessments:
        return Assessments(self._items[key], self._published)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Assessments, (self._items, self._published))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._items == other._items and self._published == other._published

    def __hash__(self) -> int:
        return hash((type(self), self._items, self._published))

    def _keys_of(self, item: Assessment) -> Iterable[str]:
        for name in item.names:
            yield fold(name)
            yield fold(_QUALIFIER.sub("", name))

    def _find(self, key: object) -> Assessment | None:
        # "Accra (Accra Metropolitan Assembly)" finds Accra, as "Accra" does.
        found = super()._find(key)
        if found is None and isinstance(key, str) and len(key) <= 1000:
            bare = _QUALIFIER.sub("", key)
            found = super()._find(bare) if bare != key else None
        return found

    def _display_keys(self) -> Iterable[str]:
        for item in self._items:
            yield from item.names

    @property
    def published(self) -> PublishedCount | None:
        """How many places IOM says it has assessed, which this catalogue
        falls short of (``None`` for a collection built without it)."""
        return self._published

    @property
    def notice(self) -> str:
        """How many assessments are listed, against the published count.

        >>> import mgi
        >>> print(mgi.assessments.filter(level="local").notice)
        34 assessments listed here (34 local authorities) of about 216 published \
(112 countries and 104 cities, Success Stories 2024): this catalogue is incomplete.
        """
        countries = len({item.country for item in self._items if item.level is Level.NATIONAL})
        local = sum(item.level is Level.LOCAL for item in self._items)
        parts = [f"{countries} countr{'ies' if countries != 1 else 'y'}"] if countries else []
        parts += [f"{local} local authorit{'ies' if local != 1 else 'y'}"] if local else []
        listed = f"{len(self._items)} assessment{'s' * (len(self._items) != 1)} listed here"
        if parts:
            listed += f" ({', '.join(parts)})"
        published = self._published
        if published is None:
            return f"{listed}: a catalogue of known assessments, which is incomplete."
        return (
            f"{listed} of about {published.total} published ({published.text}, "
            f"{published.cited_as}): this catalogue is incomplete."
        )

    def filter(
        self,
        *,
        country: str | None = None,
        level: Level | LevelName | None = None,
        year: int | None = None,
    ) -> Assessments:
        """The entries that match every given criterion: ``country`` is an
        alpha-3 code or a country's name (in English, Spanish, French or
        Portuguese, any case); ``level`` is ``'national'`` or ``'local'``
        (or ``'city'``); ``year`` keeps entries of that known year.  A
        country or level that names nothing raises :class:`mgi.NotFoundError`.

        >>> import mgi
        >>> [entry.place for entry in mgi.assessments.filter(country="Mexique", level="local")][:2]
        ['Ciudad de México', 'Durango']
        >>> [entry.place for entry in mgi.assessments.filter(year=2019)]
        ['Montréal', 'Costa Rica', 'Accra', 'Timor-Leste']
        """
        code = self.code_of(country) if country is not None else None
        wanted_level = level_of(level) if level is not None else None
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise InvalidValueError(f"expected a year as an int, got {year!r}", "year")
        return Assessments(
            (
                item
                for item in self._items
                if (code is None or item.country == code)
                and (wanted_level is None or item.level is wanted_level)
                and (year is None or item.year == year)
            ),
            self._published,
        )

    def code_of(self, country: str) -> str:
        """The alpha-3 code of the country ``country`` is (in any case) or
        names; :class:`mgi.NotFoundError` with suggestions if none.

        >>> import mgi
        >>> mgi.assessments.code_of("ghana"), mgi.assessments.code_of("Moldavie")
        ('GHA', 'MDA')
        """
        if not isinstance(country, str):
            raise InvalidValueError(
                f"expected a country code or name as a string, got {type(country).__name__}",
                "country",
            )
        code = _bundled_countries().lookup(country)
        if code is None:
            names = [item.country_name for item in self._items]
            raise NotFoundError("country", country, close_matches(country, names))
        return code

    def for_profile(self, profile: Profile | str) -> Assessment | None:
        """The entry of a bundled profile's assessment (a profile or its
        id), or ``None``.

        >>> import mgi
        >>> mgi.assessments.for_profile("huehuetenango-2024").place
        'Municipalidad de Huehuetenango'
        """
        wanted = profile.id if isinstance(profile, Profile) else profile
        return next((item for item in self._items if item.profile == wanted), None)

    def table(self) -> Table:
        """A tidy table, one row per assessment (:data:`ASSESSMENT_COLUMNS`).

        >>> import mgi
        >>> row = mgi.assessments.filter(country="UKR").table().to_records()[0]
        >>> row["place"], row["kind"], row["year"], row["language"]
        ('Stryi Territorial Community', 'territorial community', 2025, 'en')
        """
        rows = tuple(
            (
                item.place,
                item.kind,
                item.country,
                item.country_name,
                item.level.value,
                item.year,
                item.language,
                item.follow_up,
                item.profile,
                SEPARATOR.join(item.addresses),
                SEPARATOR.join(item.sources),
                item.note,
            )
            for item in self._items
        )
        return Table(ASSESSMENT_COLUMNS, rows)

    def __repr__(self) -> str:
        published = self._published
        size = len(self._items)
        listed = f"{size} listed"
        if published is not None:
            listed += f" of about {published.total} published"
        places = [item.place for item in self._items]
        shown = ", ".join(places[:2]) + (f", ... {size - 2} more" if size > 3 else "")
        if size == 3:
            shown = ", ".join(places)
        return f"Assessments({listed}: incomplete" + (f"; {shown})" if places else ")")

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.assessments_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.assessments_markdown(self)


def _order(item: Assessment) -> tuple[str, bool, str]:
    return item.country, item.level is not Level.NATIONAL, fold(item.place)


def _bundled_countries() -> Countries:
    """The bundled country table, which names countries in four languages:
    this module's one call up to the bundled data."""
    from mgi._data import countries

    return countries()
