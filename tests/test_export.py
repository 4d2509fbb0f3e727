"""Tidy export: one row per finding, per-domain counts, CSV, JSON and pandas."""

from __future__ import annotations

import csv
import io
import json
import sys

import attrs
import pytest

import mgi
from mgi.export import FINDING_COLUMNS, SUMMARY_COLUMNS

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]


@pytest.fixture(scope="module")
def two() -> mgi.Profiles:
    """The bundled profile and a national copy without its crises findings."""
    other = attrs.evolve(
        HUEHUETENANGO,
        id="national-2020",
        place=attrs.evolve(HUEHUETENANGO.place, level=mgi.Level.NATIONAL, kind="country"),
        published=mgi.YearMonth(2020, 3),
        findings=tuple(finding for finding in HUEHUETENANGO.findings if finding.domain != 5),
    )
    return mgi.Profiles([HUEHUETENANGO, other])


def test_one_row_per_finding_with_every_column() -> None:
    records = mgi.to_records(HUEHUETENANGO)
    assert len(records) == 33
    assert tuple(records[0]) == FINDING_COLUMNS
    first = records[0]
    assert first == {
        "profile_id": "huehuetenango-2024",
        "place": "Municipalidad de Huehuetenango",
        "place_kind": "municipality",
        "level": "local",
        "country": "GTM",
        "country_name": "Guatemala",
        "language": "es",
        "year": 2024,
        "month": 8,
        "domain": 1,
        "domain_slug": "migrants_rights",
        "domain_name": "Migrants' rights",
        "kind": "well_developed",
        "position": 1,
        "text": HUEHUETENANGO.findings[0].text,
    }
    # Rows follow page order; position counts within domain and kind.
    for record, finding in zip(records, HUEHUETENANGO.findings, strict=True):
        assert (record["domain"], record["kind"], record["text"]) == (
            finding.domain,
            finding.kind.value,
            finding.text,
        )
        same = HUEHUETENANGO.select(finding.domain, finding.kind)
        assert same[int(record["position"]) - 1] is finding


def test_rows_can_be_narrowed_to_a_domain_and_kind(two: mgi.Profiles) -> None:
    table = mgi.findings_table(two, domain="alianzas", kind="potential")
    assert {row[0] for row in table.rows} == {"huehuetenango-2024", "national-2020"}
    assert all(
        row[9:14] == (3, "partnerships", "Partnerships", "potential", row[13])
        for row in table.rows
    )
    assert [row[13] for row in table.rows] == [1, 2, 1, 2]
    with pytest.raises(mgi.NotFoundError):
        mgi.findings_table(two, domain="nowhere")


def test_records_are_the_caller_s_own(two: mgi.Profiles) -> None:
    table = mgi.findings_table(two)
    records = table.to_records()
    records[0]["text"] = "changed"
    records.clear()
    assert table.to_records()[0]["text"] == HUEHUETENANGO.findings[0].text


def test_csv_and_json_hold_the_same_rows(two: mgi.Profiles) -> None:
    table = mgi.findings_table(two)
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    assert len(rows) == len(table) == 33 + 33 - len(HUEHUETENANGO.select(domain=5))
    records = table.to_records()
    assert [{key: str(value) for key, value in record.items()} for record in records] == rows
    assert json.loads(table.to_json()) == records


def test_summary_counts_each_kind_per_profile_and_domain(two: mgi.Profiles) -> None:
    table = mgi.summary_table(two)
    assert table.columns == SUMMARY_COLUMNS
    assert len(table) == 12
    counts = {(row[0], row[7]): (row[9], row[10]) for row in table.rows}
    assert counts["huehuetenango-2024", "partnerships"] == (2, 2)
    assert counts["national-2020", "crises"] == (0, 0)
    assert sum(int(row[9]) + int(row[10]) for row in table.rows[:6]) == 33  # type: ignore[arg-type]
    for row in table.rows[:6]:
        for kind, count in zip(mgi.FindingKind, row[9:], strict=True):
            assert count == len(HUEHUETENANGO.select(int(row[6]), kind))


def test_the_wide_summary_sets_places_side_by_side(two: mgi.Profiles) -> None:
    table = mgi.summary_table(two, wide=True)
    assert len(table) == 2
    assert table.columns[6:8] == ("migrants_rights_well_developed", "migrants_rights_potential")
    assert len(table.columns) == 6 + 12
    record = table.to_records()[1]
    assert record["profile_id"] == "national-2020"
    assert record["level"] == "national"
    assert record["crises_well_developed"] == record["crises_potential"] == 0


def test_to_frame_gives_a_dataframe(two: mgi.Profiles) -> None:
    pandas = pytest.importorskip("pandas")
    frame = mgi.findings_table(two).to_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(FINDING_COLUMNS)
    assert frame.shape == (len(mgi.findings_table(two)), len(FINDING_COLUMNS))
    assert frame.groupby("profile_id").size().to_dict() == {
        "huehuetenango-2024": 33,
        "national-2020": 33 - len(HUEHUETENANGO.select(domain=5)),
    }
    assert frame["year"].dtype.kind == "i"


def test_to_frame_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, two: mgi.Profiles
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(mgi.MissingDependencyError, match=r"pip install 'mgi\[pandas\]'") as caught:
        mgi.summary_table(two).to_frame()
    assert isinstance(caught.value, ImportError)


def test_tables_are_immutable(two: mgi.Profiles) -> None:
    table = mgi.summary_table(two)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        table.rows = ()  # type: ignore[misc]
    assert isinstance(table.rows, tuple)
    assert all(isinstance(row, tuple) for row in table.rows)
