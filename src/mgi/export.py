"""Tidy tables of findings, for pandas, spreadsheets and reports.

:func:`findings_table` gives one row per finding (or per search hit, for
search results); :func:`summary_table` the number of findings of each kind
per profile and domain, long (one row per profile and domain) or wide (one
row per profile, to set places side by side). A :class:`Table` turns into
records, CSV, JSON, an Excel workbook (``pip install 'mgi[excel]'``) or a
pandas DataFrame (``pip install 'mgi[pandas]'``), whose domain and kind
columns are ordered categories, so that groups and pivots come in domain
order, 1 to 6:

>>> import mgi
>>> table = mgi.findings_table(mgi.profiles, domain="partnerships", kind="potential")
>>> table.columns[:4]
('profile_id', 'place', 'place_kind', 'level')
>>> row = table.to_records()[0]
>>> row["domain"], row["domain_slug"], row["kind"], row["position"], row["text"][:24]
(3, 'partnerships', 'potential', 1, 'Colaborar formalmente co')
>>> print(mgi.summary_table(mgi.profiles).to_csv().splitlines()[3])
huehuetenango-2024,Municipalidad de Huehuetenango,GTM,local,es,2024,3,partnerships,Partnerships,2,2
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias, overload

import attrs

from mgi._files import write_bytes, write_text
from mgi.errors import InvalidValueError, MissingDependencyError
from mgi.index import Hits, Part
from mgi.model import FindingKind, FindingKindName, Profile, finding_kind
from mgi.taxonomy import DOMAIN_SLUGS, DomainKey, domain_names, domain_number

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FINDING_COLUMNS",
    "HIT_COLUMNS",
    "SUMMARY_COLUMNS",
    "Cell",
    "Table",
    "findings_table",
    "summary_table",
    "to_records",
    "write_xlsx",
]

Cell: TypeAlias = str | int | float | None
"""A value in a table: text, a number, or ``None`` where there is none (an
empty field in CSV, ``null`` in JSON; the domain of a title, in a table of
search hits)."""

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
    "domain_name",
    "kind",
    "position",
    "text",
)
"""The columns of :func:`findings_table`, one row per finding; ``domain_name``
is the domain's English name."""

HIT_COLUMNS = (
    "rank",
    *FINDING_COLUMNS[:9],
    "part",
    *FINDING_COLUMNS[9:],
    "match_start",
    "match_end",
    "matched",
)
"""The columns of :func:`findings_table` for search hits, one row per hit:
``rank`` from 1, the finding's columns (empty outside findings), the ``part``
of the profile, and the first match: its start and end in ``text`` and the
words it matched."""

SUMMARY_COLUMNS = (
    "profile_id",
    "place",
    "country",
    "level",
    "language",
    "year",
    "domain",
    "domain_slug",
    "domain_name",
    "well_developed",
    "potential",
)
"""The columns of :func:`summary_table` (long form), one row per profile and domain."""


Categories: TypeAlias = tuple[tuple[str, tuple[Cell, ...]], ...]
"""Columns whose values come in a set order: (column, values in order) pairs."""


@attrs.frozen(repr=False)
class Table:
    """Rows of values under named columns, ready to export.

    >>> table = Table(("id", "count"), (("a", 1), ("b", 2)))
    >>> table.to_records()
    [{'id': 'a', 'count': 1}, {'id': 'b', 'count': 2}]
    >>> print(table.to_csv(), end="")
    id,count
    a,1
    b,2
    >>> table
       id  count
    0  a   1
    1  b   2
    2 rows × 2 columns

    However long, a table shows its first and last rows and its size, as
    pandas does, in a terminal and in a notebook.
    """

    columns: tuple[str, ...]
    """The column names, in order."""
    rows: tuple[tuple[Cell, ...], ...]
    """The rows, each with one value per column."""
    categories: Categories = ()
    """The columns whose values have an order of their own (domain slugs and
    names in domain order, kinds of finding in page order), with their values
    in that order: :meth:`to_frame` makes them ordered categoricals."""

    def __len__(self) -> int:
        return len(self.rows)

    def to_records(self) -> list[dict[str, Cell]]:
        """One dict per row (a new list, the caller's to change)."""
        columns = self.columns
        return [dict(zip(columns, row, strict=True)) for row in self.rows]

    @overload
    def to_csv(
        self, path_or_buf: None = None, *, encoding: Literal["utf-8", "utf-8-sig"] = "utf-8"
    ) -> str: ...
    @overload
    def to_csv(
        self,
        path_or_buf: str | os.PathLike[str] | IO[str] | IO[bytes],
        *,
        encoding: Literal["utf-8", "utf-8-sig"] = "utf-8",
    ) -> None: ...

    def to_csv(
        self,
        path_or_buf: str | os.PathLike[str] | IO[str] | IO[bytes] | None = None,
        *,
        encoding: Literal["utf-8", "utf-8-sig"] = "utf-8",
    ) -> str | None:
        """The table as CSV with a header row (RFC 4180 quoting, lines ending
        in ``\\n``), as pandas writes it: returned as text, or written to a
        path (as :func:`mgi.dump_profile` writes) or to an open file, text or
        binary.

        ``encoding="utf-8-sig"`` starts the text with a byte-order mark, which
        Excel needs to read accented letters right (without it, Excel reads
        the file in the computer's own code page: "Migraci√≥n").

        >>> import mgi, pathlib, tempfile
        >>> table = mgi.findings_table(mgi.profiles)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder, "findings.csv")
        ...     table.to_csv(path, encoding="utf-8-sig")
        ...     path.read_bytes()[:13]
        b'\\xef\\xbb\\xbfprofile_id'
        """
        out = io.StringIO()
        out.write("\ufeff" if _encoding(encoding) == "utf-8-sig" else "")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return _written(out.getvalue(), path_or_buf)

    @overload
    def to_json(self, path_or_buf: None = None) -> str: ...
    @overload
    def to_json(self, path_or_buf: str | os.PathLike[str] | IO[str] | IO[bytes]) -> None: ...

    def to_json(
        self, path_or_buf: str | os.PathLike[str] | IO[str] | IO[bytes] | None = None
    ) -> str | None:
        """The table as a JSON array of row objects: returned as text, or
        written to a path or an open file as :meth:`to_csv` does."""
        text = json.dumps(self.to_records(), ensure_ascii=False, indent=1) + "\n"
        return _written(text, path_or_buf)

    def to_excel(self, path: str | os.PathLike[str]) -> None:
        """Write the table to an Excel workbook (``.xlsx``), whole or not at
        all; needs the ``excel`` extra (see :func:`write_xlsx`)."""
        write_xlsx(self, path)

    def to_frame(self) -> pandas.DataFrame:
        """The table as a pandas DataFrame; needs the ``pandas`` extra.

        The columns of :attr:`categories` are ordered categoricals, so that
        ``groupby``, ``pivot_table`` and sorting keep domain order:

        >>> import mgi
        >>> frame = mgi.findings_table(mgi.profiles).to_frame()
        >>> list(frame.groupby("domain_name", observed=True).size().index)[:2]
        ["Migrants' rights", 'Whole of government approach']
        >>> list(frame["kind"].cat.categories)
        ['well_developed', 'potential']
        """
        try:
            import pandas
        except ImportError:
            raise MissingDependencyError(
                "to_frame() needs pandas: install the extra with pip install 'mgi[pandas]'"
            ) from None
        frame = pandas.DataFrame.from_records(list(self.rows), columns=list(self.columns))
        for column, values in self.categories:
            frame[column] = pandas.Categorical(frame[column], categories=values, ordered=True)
        return frame

    def __repr__(self) -> str:
        from mgi import views  # a record's text form is drawn by the views

        return views.table_text(self).rstrip("\n")

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.table_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.table_markdown(self)


def _encoding(encoding: object) -> str:
    if encoding not in ("utf-8", "utf-8-sig"):
        raise InvalidValueError(
            "expected 'utf-8' or 'utf-8-sig' (with a byte-order mark, for Excel), "
            f"got {encoding!r}",
            "encoding",
        )
    return str(encoding)


def _written(text: str, target: str | os.PathLike[str] | IO[str] | IO[bytes] | None) -> str | None:
    """``text`` itself, or written to the path or the open file ``target``."""
    if target is None:
        return text
    if isinstance(target, (str, os.PathLike)):
        write_text(target, text)
        return None
    if not callable(getattr(target, "write", None)):
        raise InvalidValueError(
            f"expected a path or an open file, got {type(target).__name__}", "path_or_buf"
        )
    binary = isinstance(target, (io.RawIOBase, io.BufferedIOBase)) or (
        not isinstance(target, io.TextIOBase) and "b" in str(getattr(target, "mode", ""))
    )
    writer: Any = target  # an IO[str] or an IO[bytes]: which, only its kind says
    writer.write(text.encode("utf-8") if binary else text)
    return None


def _profiles(source: Profile | Iterable[Profile]) -> Iterable[Profile]:
    return (source,) if isinstance(source, Profile) else source


def _categories(*columns: str) -> Categories:
    """The ordered values of the domain and kind columns among ``columns``."""
    orders: dict[str, tuple[Cell, ...]] = {
        "domain_slug": DOMAIN_SLUGS,
        "domain_name": domain_names(),
        "kind": tuple(kind.value for kind in FindingKind),
        "part": tuple(part.value for part in Part),
    }
    return tuple((column, orders[column]) for column in columns if column in orders)


def _head(profile: Profile) -> tuple[Cell, ...]:
    """The profile's columns of a row: id, place, its kind, level, country
    code and name, language, year, month."""
    place = profile.place
    return (
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


def _domain_cells(number: int, names: tuple[str, ...]) -> tuple[Cell, ...]:
    """A domain's number, slug and name (``names``: the six names, in order)."""
    return (number, DOMAIN_SLUGS[number - 1], names[number - 1])


def _finding_rows(
    profile: Profile, domain: int | None, kind: FindingKind | None, names: tuple[str, ...]
) -> Iterator[tuple[Cell, ...]]:
    head = _head(profile)
    positions: dict[tuple[int, FindingKind], int] = {}
    for finding in profile.findings:
        key = (finding.domain, finding.kind)
        positions[key] = position = positions.get(key, 0) + 1
        if (domain is None or finding.domain == domain) and (kind is None or finding.kind is kind):
            yield (
                *head,
                *_domain_cells(finding.domain, names),
                finding.kind.value,
                position,
                finding.text,
            )


def _hit_rows(
    hits: Hits, domain: int | None, kind: FindingKind | None, names: tuple[str, ...]
) -> Iterator[tuple[Cell, ...]]:
    for rank, hit in enumerate(hits, 1):
        if (domain is not None and hit.domain != domain) or (
            kind is not None and hit.kind is not kind
        ):
            continue
        where: tuple[Cell, ...] = (None, None, None, None)
        if hit.domain is not None and hit.kind is not None:
            where = (*_domain_cells(hit.domain, names), hit.kind.value)
        spans = hit.spans
        start, end = spans[0] if spans else (None, None)
        matched = hit.text[start:end] if start is not None else None
        yield (
            rank,
            *_head(hit.profile),
            hit.part.value,
            *where,
            hit.position,
            hit.text,
            start,
            end,
            matched,
        )


def findings_table(
    profiles: Profile | Iterable[Profile] | Hits,
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

    Search results give one row per hit, best first (columns
    :data:`HIT_COLUMNS`): the finding's columns (empty for a title or an
    introduction paragraph) with the hit's rank and part, and where the
    first match is in the text:

    >>> hits = mgi.findings_table(mgi.search('"trata de personas"'))
    >>> row = hits.to_records()[0]
    >>> row["rank"], row["domain_name"], row["match_start"], row["matched"]
    (1, 'Safe, orderly and regular migration', 117, 'Trata de Personas')
    """
    number = domain_number(domain) if domain is not None else None
    wanted = finding_kind(kind) if kind is not None else None
    names = domain_names()
    if isinstance(profiles, Hits):
        rows = tuple(_hit_rows(profiles, number, wanted, names))
        return Table(HIT_COLUMNS, rows, _categories(*HIT_COLUMNS))
    rows = tuple(
        row
        for profile in _profiles(profiles)
        for row in _finding_rows(profile, number, wanted, names)
    )
    return Table(FINDING_COLUMNS, rows, _categories(*FINDING_COLUMNS))


def to_records(
    profiles: Profile | Iterable[Profile] | Hits,
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
    names = domain_names()
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
        for number in range(1, 7):
            pair = (
                counts[number, FindingKind.WELL_DEVELOPED],
                counts[number, FindingKind.POTENTIAL],
            )
            long_rows.append((*head, *_domain_cells(number, names), *pair))
        wide_rows.append((*head, *counts.values()))
    if not wide:
        return Table(SUMMARY_COLUMNS, tuple(long_rows), _categories(*SUMMARY_COLUMNS))
    per_domain = tuple(f"{slug}_{kind.value}" for slug in DOMAIN_SLUGS for kind in FindingKind)
    return Table(SUMMARY_COLUMNS[:6] + per_domain, tuple(wide_rows))


# -- Excel ---------------------------------------------------------------------------


def write_xlsx(
    table: Table,
    path: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    sheet: str = "mgi",
) -> None:
    """Write ``table`` to an Excel workbook (``.xlsx``) of one sheet: the
    header row in bold and frozen, numbers as numbers, every text as text
    (a finding that starts with "=" is never read as a formula). The file
    is written as every file ``mgi`` writes (see :func:`mgi.dump_profile`),
    never over one of ``inputs``.

    Needs the ``excel`` extra (``pip install 'mgi[excel]'``, which installs
    openpyxl); without it, :class:`mgi.MissingDependencyError` says so. A
    text holding a control character, which the format cannot store, raises
    :class:`mgi.InvalidValueError` naming its row and column.

    >>> import mgi, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "findings.xlsx")
    ...     mgi.findings_table(mgi.profiles).to_excel(path)
    ...     path.read_bytes()[:2]
    b'PK'
    """
    write_bytes(path, _xlsx(table, sheet), inputs)


def _xlsx(table: Table, title: str) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise MissingDependencyError(
            "writing .xlsx needs openpyxl: install the extra with pip install 'mgi[excel]'"
        ) from None
    # Checked before anything is written: XML 1.0 has no control characters.
    for number, row in enumerate(table.rows, 1):
        for column, value in zip(table.columns, row, strict=True):
            if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                raise InvalidValueError(
                    f"row {number}, column {column}: the text holds a control character, "
                    "which an .xlsx file cannot store"
                )
    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for number, column in enumerate(table.columns):
        shown = [len(str(row[number])) for row in table.rows[:200] if row[number] is not None]
        sheet.column_dimensions[get_column_letter(number + 1)].width = min(
            max([len(column), *shown]) + 2, 80
        )

    def cell(value: Cell, bold: bool = False) -> Any:
        made = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            made.data_type = "s"  # text, never a formula
        if bold:
            made.font = Font(bold=True)
        return made

    sheet.append([cell(name, bold=True) for name in table.columns])
    for row in table.rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
