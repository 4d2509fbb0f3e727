"""Tidy tables of findings, for pandas, spreadsheets and reports.

:func:`findings_table` gives one row per finding; :func:`summary_table` the
number of findings of each kind per profile and domain, long (one row per
profile and domain) or wide (one row per profile, to set places side by
side). A :class:`Table` turns into records, CSV, JSON or a pandas DataFrame
(``pip install 'mgi[pandas]'``):

>>> import mgi
>>> table = mgi.findings_table(mgi.profiles, domain="partnerships", kind="potential")
>>> table.columns[:4]
('profile_id', 'place', 'place_kind', 'level')
>>> row = table.to_records()[0]
>>> row["domain"], row["domain_slug"], row["kind"], row["position"], row["text"][:24]
(3, 'partnerships', 'potential', 1, 'Colaborar formalmente co')
>>> print(mgi.summary_table(mgi.profiles).to_csv().splitlines()[3])
huehuetenango-2024,Municipalidad de Huehuetenango,GTM,local,es,2024,3,partnerships,2,2
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

from mgi.errors import MissingDependencyError
from mgi.model import (
    DOMAIN_SLUGS,
    DomainKey,
    FindingKind,
    FindingKindName,
    Profile,
    domain_number,
    finding_kind,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FINDING_COLUMNS",
    "SUMMARY_COLUMNS",
    "Cell",
    "Table",
    "findings_table",
    "summary_table",
    "to_records",
]

Cell: TypeAlias = str | int | float | None
"""A value in a table: text, a number, or ``None`` where there is none
(an empty field in CSV, ``null`` in JSON)."""

FINDING_COLUMNS = (
    "profile_id",
    "place",
    "place_kind",
    "level",
    "country",
    "country_name",
    "language",
    "year",
    "month",
    "domain",
    "domain_slug",
    "kind",
    "position",
    "text",
)
"""The columns of :func:`findings_table`, one row per finding."""

SUMMARY_COLUMNS = (
    "profile_id",
    "place",
    "country",
    "level",
    "language",
    "year",
    "domain",
    "domain_slug",
    "well_developed",
    "potential",
)
"""The columns of :func:`summary_table` (long form), one row per profile and domain."""


@attrs.frozen
class Table:
    """Rows of values under named columns, ready to export.

    >>> table = Table(("id", "count"), (("a", 1), ("b", 2)))
    >>> table.to_records()
    [{'id': 'a', 'count': 1}, {'id': 'b', 'count': 2}]
    >>> print(table.to_csv(), end="")
    id,count
    a,1
    b,2
    """

    columns: tuple[str, ...]
    """The column names, in order."""
    rows: tuple[tuple[Cell, ...], ...]
    """The rows, each with one value per column."""

    def __len__(self) -> int:
        return len(self.rows)

    def to_records(self) -> list[dict[str, Cell]]:
        """One dict per row (a new list, the caller's to change)."""
        columns = self.columns
        return [dict(zip(columns, row, strict=True)) for row in self.rows]

    def to_csv(self) -> str:
        """The table as CSV text with a header row (RFC 4180 quoting), lines
        ending in ``\\n`` as every text ``mgi`` writes."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return out.getvalue()

    def to_json(self) -> str:
        """The table as a JSON array of row objects."""
        return json.dumps(self.to_records(), ensure_ascii=False, indent=1) + "\n"

    def to_frame(self) -> pandas.DataFrame:
        """The table as a pandas DataFrame; needs the ``pandas`` extra."""
        try:
            import pandas
        except ImportError:
            raise MissingDependencyError(
                "to_frame() needs pandas: install the extra with pip install 'mgi[pandas]'"
            ) from None
        return pandas.DataFrame.from_records(list(self.rows), columns=list(self.columns))

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.table_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.table_markdown(self)


def _profiles(source: Profile | Iterable[Profile]) -> Iterable[Profile]:
    return (source,) if isinstance(source, Profile) else source


def _finding_rows(
    profile: Profile, domain: int | None, kind: FindingKind | None
) -> Iterator[tuple[Cell, ...]]:
    place = profile.place
    head = (
        profile.id,
        place.name,
        place.kind,
        place.level.value,
        place.country,
        place.country_name,
        profile.language,
        profile.published.year,
        profile.published.month,
    )
    positions: dict[tuple[int, FindingKind], int] = {}
    for finding in profile.findings:
        key = (finding.domain, finding.kind)
        positions[key] = position = positions.get(key, 0) + 1
        if (domain is None or finding.domain == domain) and (kind is None or finding.kind is kind):
            yield (
                *head,
                finding.domain,
                DOMAIN_SLUGS[finding.domain - 1],
                finding.kind.value,
                position,
                finding.text,
            )


def findings_table(
    profiles: Profile | Iterable[Profile],
    *,
    domain: DomainKey | None = None,
    kind: FindingKind | FindingKindName | None = None,
) -> Table:
    """One row per finding (columns :data:`FINDING_COLUMNS`), in collection
    and page order; ``position`` counts from 1 within the finding's domain
    and kind. ``domain`` and ``kind`` keep only those findings.

    >>> import mgi
    >>> table = mgi.findings_table(mgi.profiles["huehuetenango-2024"])
    >>> len(table), table.rows[0][:3]
    (33, ('huehuetenango-2024', 'Municipalidad de Huehuetenango', 'municipality'))
    """
    number = domain_number(domain) if domain is not None else None
    wanted = finding_kind(kind) if kind is not None else None
    rows = tuple(
        row for profile in _profiles(profiles) for row in _finding_rows(profile, number, wanted)
    )
    return Table(FINDING_COLUMNS, rows)


def to_records(
    profiles: Profile | Iterable[Profile],
    *,
    domain: DomainKey | None = None,
    kind: FindingKind | FindingKindName | None = None,
) -> list[dict[str, Cell]]:
    """:func:`findings_table` as a list of dicts, e.g. for ``pandas.DataFrame``.

    >>> import mgi
    >>> rows = mgi.to_records(mgi.profiles, kind="potential")
    >>> len(rows), rows[0]["kind"], rows[0]["domain_slug"]
    (16, 'potential', 'migrants_rights')
    """
    return findings_table(profiles, domain=domain, kind=kind).to_records()


def summary_table(profiles: Profile | Iterable[Profile], *, wide: bool = False) -> Table:
    """How many findings of each kind each profile has in each domain.

    Long form (columns :data:`SUMMARY_COLUMNS`): a row per profile and
    domain. With ``wide=True``: a row per profile, and two columns per
    domain (``partnerships_well_developed``, ``partnerships_potential``...),
    to compare places side by side.

    >>> import mgi
    >>> wide = mgi.summary_table(mgi.profiles, wide=True)
    >>> record = wide.to_records()[0]
    >>> record["profile_id"], record["partnerships_well_developed"], record["crises_potential"]
    ('huehuetenango-2024', 2, 3)
    """
    long_rows: list[tuple[Cell, ...]] = []
    wide_rows: list[tuple[Cell, ...]] = []
    for profile in _profiles(profiles):
        counts = dict.fromkeys(
            ((number, kind) for number in range(1, 7) for kind in FindingKind), 0
        )
        for finding in profile.findings:
            counts[finding.domain, finding.kind] += 1
        head = (
            profile.id,
            profile.place.name,
            profile.place.country,
            profile.place.level.value,
            profile.language,
            profile.published.year,
        )
        for number, slug in enumerate(DOMAIN_SLUGS, 1):
            pair = (
                counts[number, FindingKind.WELL_DEVELOPED],
                counts[number, FindingKind.POTENTIAL],
            )
            long_rows.append((*head, number, slug, *pair))
        wide_rows.append((*head, *counts.values()))
    if not wide:
        return Table(SUMMARY_COLUMNS, tuple(long_rows))
    per_domain = tuple(f"{slug}_{kind.value}" for slug in DOMAIN_SLUGS for kind in FindingKind)
    return Table(SUMMARY_COLUMNS[:6] + per_domain, tuple(wide_rows))
