"""Tables as an analyst uses them: bounded views of any size, pandas frames in
domain order, search hits and SDG scores as tables, CSV for Excel and .xlsx."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import attrs
import pytest

import mgi
from mgi.export import FINDING_COLUMNS, HIT_COLUMNS, write_xlsx

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]


@pytest.fixture(scope="module")
def big() -> mgi.Table:
    """99,000 rows of findings, as 3,000 profiles give."""
    rows = mgi.findings_table(HUEHUETENANGO).rows
    return mgi.Table(FINDING_COLUMNS, rows * 3000)


# -- bounded views ------------------------------------------------------------------


def test_every_view_of_a_large_table_is_small(big: mgi.Table) -> None:
    assert len(big) == 99_000
    text, html, markdown = repr(big), big._repr_html_(), big._repr_markdown_()
    assert len(text) < 3_000
    assert len(html) < 20_000
    assert len(markdown) < 20_000
    lines = text.splitlines()
    assert lines[-1] == "99,000 rows × 15 columns"
    assert [line.split()[0] for line in lines[1:-1]] == [
        "0", "1", "2", "3", "4", "…", "98995", "98996", "98997", "98998", "98999"
    ]  # fmt: skip
    assert "99,000 rows × 15 columns" in html
    assert html.count('class="mgi-row"') == 10
    assert "<th>98999</th>" in html
    assert "99,000 rows × 15 columns" in markdown
    assert markdown.count("\n| huehuetenango-2024") == 10


def test_a_short_table_shows_every_row() -> None:
    table = mgi.findings_table(HUEHUETENANGO)
    assert len(repr(table).splitlines()) == 1 + 33 + 1
    assert table._repr_html_().count('class="mgi-row"') == 33


def test_the_text_view_keeps_cells_on_one_line_and_within_the_width() -> None:
    table = mgi.Table(("id", "text"), (("a", "line one\nline two " + "x" * 100),))
    lines = repr(table).splitlines()
    assert len(lines) == 3
    assert "line one line two" in lines[1]
    assert lines[1].endswith("…")
    assert max(map(len, repr(mgi.findings_table(HUEHUETENANGO)).splitlines())) <= 100


def test_domains_show_as_a_table() -> None:
    html = mgi.domains._repr_html_()
    assert html.startswith('<div class="mgi-domains">')
    assert html.count('class="mgi-row"') == 6
    assert "Safe, orderly and regular migration" in html
    markdown = mgi.domains._repr_markdown_()
    assert markdown.count("\n") == 8
    assert "| 3 | Partnerships | partnerships | PD\\_3 |" in markdown


def test_a_score_reads_as_values_and_categories() -> None:
    score = mgi.sdg.score({"3a": "yes", "3b": "yes"}, partial=True)
    assert repr(score) == "Score(value=6.67, category='Requires further progress', missing=28)"
    assert repr(score.domains[2]) == (
        "DomainScore('PD_3', value=40, category='Partially meets', missing=3)"
    )
    html = score._repr_html_()
    assert "Partially meets" in html
    assert "Missing, scored 0: 1a, 1b" in html
    assert "| PD\\_3 | Cooperation and partnerships | 40\\.0 | 2 Partially meets | 2 | 3 |" in (
        score._repr_markdown_()
    )


def test_provenance_reads_as_a_summary_and_prints_whole() -> None:
    info = mgi.provenance()
    assert "\n" not in repr(info)
    assert len(repr(info)) < 120
    printed = str(info)
    assert printed.startswith(f"Bundled data {info.data_version}, updated {info.updated}")
    assert all(source.topic.split()[0] in printed for source in info.sources)
    # Lines fit 88 characters, but for an address, which is never broken.
    assert all(len(line) <= 88 or len(line.split()) <= 2 for line in printed.splitlines())
    assert info._repr_html_().count('class="mgi-row"') == len(info.sources)
    assert "Not found, so left out" in info._repr_markdown_()


# -- pandas ---------------------------------------------------------------------------


def test_frames_keep_domain_order() -> None:
    pandas = pytest.importorskip("pandas")
    frame = mgi.findings_table(HUEHUETENANGO).to_frame()
    for column in ("domain_slug", "domain_name", "kind"):
        assert isinstance(frame[column].dtype, pandas.CategoricalDtype)
        assert frame[column].cat.ordered
    pivot = frame.pivot_table(
        index="domain_slug", columns="kind", values="text", aggfunc="count", observed=False
    )
    assert list(pivot.index) == [
        "migrants_rights",
        "whole_of_government",
        "partnerships",
        "wellbeing",
        "crises",
        "safe_orderly_regular",
    ]
    assert list(pivot.columns) == ["well_developed", "potential"]
    names = frame.sort_values("domain_name")["domain_name"].drop_duplicates().tolist()
    assert names == [domain.name for domain in mgi.domains.values()]
    summary = mgi.summary_table(HUEHUETENANGO).to_frame()
    assert summary["domain_name"].cat.categories.tolist() == names


def test_every_finding_row_names_its_domain() -> None:
    for record in mgi.to_records(HUEHUETENANGO):
        assert record["domain_name"] == mgi.domains[int(record["domain"])].name  # type: ignore[arg-type]


def test_search_hits_become_a_table_with_their_matches() -> None:
    hits = mgi.search("migrantes")
    table = mgi.findings_table(hits)
    assert table.columns == HIT_COLUMNS
    assert len(table) == len(hits)
    for record, hit in zip(table.to_records(), hits, strict=True):
        assert record["profile_id"] == hit.profile.id
        assert record["text"] == hit.text
        start, end = record["match_start"], record["match_end"]
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert (start, end) == hit.spans[0]
        assert record["matched"] == hit.text[start:end]
    assert [record["rank"] for record in table.to_records()] == list(range(1, len(hits) + 1))
    only = mgi.findings_table(hits, domain="wellbeing", kind="potential")
    assert {row[HIT_COLUMNS.index("domain_slug")] for row in only.rows} == {"wellbeing"}
    assert mgi.to_records(hits) == table.to_records()


def test_a_title_hit_has_no_domain() -> None:
    hits = mgi.search("Huehuetenango", part="title")
    record = mgi.to_records(hits)[0]
    assert (record["part"], record["domain"], record["domain_slug"], record["kind"]) == (
        "title",
        None,
        None,
        None,
    )
    pytest.importorskip("pandas")
    frame = mgi.findings_table(mgi.search("Huehuetenango")).to_frame()
    assert frame["part"].cat.categories.tolist() == ["title", "introduction", "finding"]


def test_sdg_scores_become_tidy_tables() -> None:
    score = mgi.sdg.score({"3a": "yes"}, partial=True)
    table = score.table()
    assert table.to_records() == score.rows()
    assert score.answer_table().to_records() == score.answer_rows()
    assert len(score.answer_table()) == 30
    pytest.importorskip("pandas")
    frame = table.to_frame()
    assert frame.loc[frame["breakdown"] == "PD_3", "value"].item() == 20.0


# -- CSV and JSON to paths and files -------------------------------------------------------


def test_to_csv_writes_a_path_or_an_open_file(tmp_path: Path) -> None:
    table = mgi.findings_table(HUEHUETENANGO)
    text = table.to_csv()
    assert table.to_csv(tmp_path / "a.csv") is None
    assert table.to_csv(str(tmp_path / "b.csv")) is None
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() == text.encode("utf-8")
    as_text, as_bytes = io.StringIO(), io.BytesIO()
    table.to_csv(as_text)
    table.to_csv(as_bytes)
    assert as_text.getvalue() == text
    assert as_bytes.getvalue() == text.encode("utf-8")
    with open(tmp_path / "c.csv", "wb") as binary:
        table.to_csv(binary)
    assert (tmp_path / "c.csv").read_bytes().decode("utf-8") == text
    table.to_json(tmp_path / "a.json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == table.to_json()


def test_the_excel_csv_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    table = mgi.findings_table(HUEHUETENANGO)
    table.to_csv(tmp_path / "excel.csv", encoding="utf-8-sig")
    data = (tmp_path / "excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfprofile_id,")
    assert data[3:] == table.to_csv().encode("utf-8")
    assert "Migración" in data.decode("utf-8-sig")
    with pytest.raises(mgi.InvalidValueError, match="utf-8-sig"):
        table.to_csv(encoding="latin-1")  # type: ignore[call-overload]


def test_to_csv_refuses_what_is_neither_a_path_nor_a_file() -> None:
    with pytest.raises(mgi.InvalidValueError, match="a path or an open file"):
        mgi.findings_table(HUEHUETENANGO).to_csv(42)  # type: ignore[call-overload]


# -- Excel workbooks ----------------------------------------------------------------------


def test_a_workbook_holds_the_table(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    formula = attrs.evolve(
        HUEHUETENANGO,
        findings=(attrs.evolve(HUEHUETENANGO.findings[0], text='=HYPERLINK("x")'),),
    )
    table = mgi.findings_table(mgi.Profiles([formula, attrs.evolve(HUEHUETENANGO, id="b")]))
    table.to_excel(tmp_path / "findings.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "findings.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == FINDING_COLUMNS
    assert rows[1:] == list(table.rows)
    assert sheet["O2"].data_type == "s"  # text, never a formula
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


def test_a_control_character_is_named_not_written(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    table = mgi.Table(("id", "text"), (("a", "fine"), ("b", "bell\x07")))
    with pytest.raises(mgi.InvalidValueError, match="row 2, column text"):
        write_xlsx(table, tmp_path / "bad.xlsx")
    assert not (tmp_path / "bad.xlsx").exists()


def test_a_workbook_replaces_a_file_whole_and_refuses_a_folder(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    table = mgi.summary_table(HUEHUETENANGO)
    (tmp_path / "old.xlsx").write_bytes(b"old")
    table.to_excel(tmp_path / "old.xlsx")
    assert (tmp_path / "old.xlsx").read_bytes()[:2] == b"PK"
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(mgi.FileError, match="not a regular file"):
        table.to_excel(tmp_path / "folder.xlsx")
    with pytest.raises(mgi.FileError, match="cannot write the file"):
        table.to_excel(tmp_path / "missing" / "x.xlsx")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["folder.xlsx", "old.xlsx"]


def test_without_openpyxl_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    with pytest.raises(mgi.MissingDependencyError, match=r"pip install 'mgi\[excel\]'"):
        mgi.summary_table(HUEHUETENANGO).to_excel(tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
