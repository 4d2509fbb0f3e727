"""mgi sdg results, mgi sdg shares, mgi sdg compare, mgi assessments and
mgi provenance, run as users run them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import mgi

ROOT = Path(__file__).parent.parent
RESPONSES = ROOT / "docs" / "examples" / "sdg-responses.csv"


def _mgi(*args: str) -> subprocess.CompletedProcess[str]:
    command = shutil.which("mgi", path=str(Path(sys.executable).parent))
    program = [command] if command else [sys.executable, "-m", "mgi"]
    return subprocess.run([*program, *args], capture_output=True, text=True, check=False)


def _lines(text: str) -> str:
    """CSV with the line ends the reader sees (CRLF or LF: issue of the writer)."""
    return text.replace("\r\n", "\n")


def _ok(*args: str) -> str:
    result = _mgi(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


# -- mgi sdg results ------------------------------------------------------------------


def test_results_as_text_a_line_per_country_and_year() -> None:
    text = _ok("sdg", "results", "--country", "canada")
    lines = text.splitlines()
    assert lines[0].startswith("SDG indicator 10.7.2, official categories: 1 Requires further")
    assert "1 Migrant rights; 2 Whole-of-government/ Evidence-based policies;" in text.replace(
        "\n", " "
    )
    assert "CAN  Canada  2019  3  3  4  4  4  4  4  owid, canada" in lines
    assert "CAN  Canada  2021  3  3  4  4  4  4  4  owid, canada" in lines
    assert lines[-1] == "14 results, 1 country"


def test_results_not_published_are_shown_as_dots() -> None:
    text = _ok("sdg", "results", "--domain", "overall", "--year", "2021", "--category", "4")
    rows = [line for line in text.splitlines() if line[:3].isupper() and line[3:5] == "  "]
    assert [row[:3] for row in rows] == ["BFA", "BWA", "JOR", "PER", "TKM"]
    assert all(row.endswith("4  ·  ·  ·  ·  ·  ·  owid") for row in rows)


def test_results_as_csv_and_json_are_the_tidy_table() -> None:
    expected = mgi.sdg.results.filter(country="NOR").table()
    shown = _ok("sdg", "results", "--country", "Norway", "--format", "csv")
    assert _lines(shown) == _lines(expected.to_csv())
    records = json.loads(_ok("sdg", "results", "--country", "NOR", "--format", "json"))
    assert records == expected.to_records()
    wide = list(
        csv.DictReader(
            io.StringIO(_ok("sdg", "results", "--year", "2021", "--wide", "--format", "csv"))
        )
    )
    denmark = next(row for row in wide if row["country"] == "DNK")
    assert denmark["overall"] == "2"
    assert denmark["crises"] == "2"
    assert next(row for row in wide if row["country"] == "AFG")["crises"] == ""


def test_results_latest_round_per_country() -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                _ok("sdg", "results", "--latest", "--domain", "overall", "--format", "csv")
            )
        )
    )
    assert len(rows) == len(mgi.sdg.results.countries)
    assert next(row for row in rows if row["country"] == "KAZ")["year"] == "2023"


def test_results_errors_are_one_line() -> None:
    result = _mgi("sdg", "results", "--country", "Swedn")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("mgi: error: unknown country 'Swedn' (did you mean 'Sweden'")
    assert len(result.stderr.splitlines()) == 1
    bad_domain = _mgi("sdg", "results", "--domain", "partnership")
    assert bad_domain.returncode == 1
    assert "unknown domain 'partnership'" in bad_domain.stderr
    bad_year = _mgi("sdg", "results", "--year", "last")
    assert bad_year.returncode == 2


def test_results_with_nothing_found() -> None:
    assert _ok("sdg", "results", "--country", "Cuba") == "no official results\n"
    assert _ok("sdg", "results", "--country", "Cuba", "--format", "json") == "[]\n"


def test_results_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    assert _ok("sdg", "results", "--format", "csv", "-o", str(out)) == ""
    assert _lines(out.read_text(encoding="utf-8")) == _lines(mgi.sdg.results.table().to_csv())


# -- mgi sdg shares and compare ------------------------------------------------------


def test_shares() -> None:
    text = _ok("sdg", "shares")
    assert "World                                2021   62.3188" in text.splitlines()
    assert "Oceania*" in text
    shown = _ok("sdg", "shares", "--format", "csv")
    assert _lines(shown) == _lines(mgi.sdg.shares.table().to_csv())


def test_compare_a_responses_file_with_a_country() -> None:
    text = _ok("sdg", "compare", str(RESPONSES), "Canada")
    lines = text.splitlines()
    assert lines[0].startswith("SDG indicator 10.7.2: the computed categories beside")
    assert "Canada (CAN), 2021" in text.replace("\n", " ")
    score = mgi.sdg.score(mgi.sdg.load_responses(RESPONSES))
    comparison = score.compare("CAN")
    agree = sum(value.agrees is True for value in comparison.values)
    assert lines[-1] == f"{agree} of 7 published categories agree."
    assert any(line.startswith("_T    Overall") for line in lines)
    rows = list(
        csv.DictReader(
            io.StringIO(_ok("sdg", "compare", str(RESPONSES), "CAN", "--format", "csv"))
        )
    )
    assert [row["breakdown"] for row in rows] == ["_T", *(f"PD_{n}" for n in range(1, 7))]
    assert rows[0]["official"] == "3"
    france = _ok("sdg", "compare", str(RESPONSES), "France", "--year", "2019", "--format", "json")
    assert [row["agrees"] for row in json.loads(france)][1:] == [None] * 6


def test_compare_refuses_an_unknown_round() -> None:
    result = _mgi("sdg", "compare", str(RESPONSES), "Canada", "--year", "2023")
    assert result.returncode == 1
    assert result.stderr == (
        "mgi: error: unknown Canada round 2023 (did you mean '2019' or '2021'?)\n"
    )


# -- mgi assessments --------------------------------------------------------------------


def test_assessments_say_they_are_incomplete_first() -> None:
    text = _ok("assessments")
    first = " ".join(text.split("\n\n")[0].split())
    assert first == mgi.assessments.notice
    assert "incomplete" in first
    assert len(text.splitlines()) == 2 + 1 + 1 + len(mgi.assessments)


def test_assessments_by_country_and_level() -> None:
    text = _ok("assessments", "--country", "mexique", "--level", "local")
    assert text.startswith("5 assessments listed here (5 local authorities) of about 216")
    lines = text.splitlines()
    assert "MEX      local     2022  Ciudad de México        - / es" in lines
    assert "MEX      local     -     Estado de Nuevo León    state / -" in lines


def test_assessments_as_csv_say_it_on_standard_error() -> None:
    result = _mgi("assessments", "--format", "csv", "--level", "national")
    assert result.returncode == 0
    assert result.stderr == f"mgi: note: {mgi.assessments.filter(level='national').notice}\n"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 36
    assert rows[0]["place"] == "Angola"


def test_assessments_as_json_carry_the_notice_and_the_published_count() -> None:
    document = json.loads(_ok("assessments", "--format", "json", "--country", "GTM"))
    assert document["notice"].endswith("this catalogue is incomplete.")
    assert document["published"]["countries"] == 112
    assert document["published"]["local"] == 104
    assert [row["place"] for row in document["assessments"]] == [
        "Guatemala",
        "Municipalidad de Huehuetenango",
        "San Marcos",
    ]


def test_assessments_errors() -> None:
    result = _mgi("assessments", "--country", "Guatamala")
    assert result.returncode == 1
    assert result.stderr.startswith("mgi: error: unknown country 'Guatamala'")
    assert _mgi("assessments", "--level", "regional").returncode == 2


# -- mgi provenance ------------------------------------------------------------------------


def test_provenance_lists_each_source() -> None:
    text = _ok("provenance")
    info = mgi.provenance()
    assert text.startswith(f"Bundled data {info.data_version}, updated {info.updated}")
    flat = " ".join(text.split())
    for part in info.sources:
        assert " ".join(part.topic.split()) in flat
        for source in part.sources:
            assert " ".join(source.split()) in flat
    for topic in (
        "SDG 10.7.2 official results: the overall category per country",
        "national SDG platforms",
        "UN SDG database, Denmark, Finland, Iceland, Norway and Sweden",
        "SG_CPA_MIGRP, 2021",
        "catalogue of known MGI assessments (assessments.json): incomplete",
    ):
        assert topic in flat
    document = json.loads(_ok("provenance", "--format", "json"))
    assert document["data_version"] == info.data_version
    assert len(document["sources"]) == len(info.sources)
