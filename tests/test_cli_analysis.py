"""mgi search, mgi export and mgi show --format svg, run as users run them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import attrs

import mgi

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]


def _mgi(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = shutil.which("mgi", path=str(Path(sys.executable).parent))
    program = [command] if command else [sys.executable, "-m", "mgi"]
    return subprocess.run([*program, *args], capture_output=True, text=True, check=False, cwd=cwd)


def test_search_prints_each_hit_and_where_it_is() -> None:
    result = _mgi("search", "TRATA de personas")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    blocks = result.stdout.split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].splitlines()[0] == (
        "huehuetenango-2024: domain 6 (safe_orderly_regular), well_developed 1"
    )
    assert "Trata de Personas" in result.stdout
    assert "\x1b" not in result.stdout  # plain text in a pipe


def test_search_filters_and_limit() -> None:
    potential = _mgi(
        "search",
        "migrantes",
        "--kind",
        "potential",
        "--domain",
        "bienestar socioeconómico de las personas migrantes y la sociedad",
    )
    assert potential.returncode == 0, potential.stderr
    heads = [line for line in potential.stdout.splitlines() if line.startswith("huehuetenango")]
    assert heads == [
        "huehuetenango-2024: domain 4 (wellbeing), potential 2",
        "huehuetenango-2024: domain 4 (wellbeing), potential 3",
    ]
    limited = _mgi("search", "migrantes", "--limit", "1")
    assert limited.stdout.count("huehuetenango-2024:") == 1
    national = _mgi("search", "migrantes", "--level", "national")
    assert national.stdout == "no matches for 'migrantes'. No profile met the criteria.\n"


def test_search_errors_are_one_line() -> None:
    result = _mgi("search", "trata", "--domain", "rights")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "mgi: error: unknown domain 'rights' (did you mean 'migrants_rights'?)\n"
    )
    empty = _mgi("search", "¿?")
    assert empty.returncode == 1
    assert empty.stderr == "mgi: error: the query '¿?' has no words to search for\n"


def test_search_and_export_other_profiles(tmp_path: Path) -> None:
    other = attrs.evolve(HUEHUETENANGO, id="copy-2025", published=mgi.YearMonth(2025, 1))
    mgi.dump_profiles([HUEHUETENANGO, other], tmp_path / "mine.jsonl")
    found = _mgi("search", "xenofobia", "--profiles", str(tmp_path / "mine.jsonl"))
    assert found.stdout.count("xenofobia") == 2
    assert found.stdout.startswith("copy-2025: domain 1")
    exported = _mgi("export", "--profiles", str(tmp_path / "mine.jsonl"), "--summary")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(row["profile_id"], row["year"]) for row in rows[::6]] == [
        ("copy-2025", "2025"),
        ("huehuetenango-2024", "2024"),
    ]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 3}\n', encoding="utf-8")
    failed = _mgi("export", "--profiles", str(broken))
    assert failed.returncode == 1
    assert (
        failed.stderr == f"mgi: error: {broken}: line 1, $.id: expected a string, got integer 3\n"
    )


def test_export_csv_is_one_row_per_finding() -> None:
    result = _mgi("export")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 33
    assert list(rows[0]) == list(mgi.findings_table(HUEHUETENANGO).columns)
    assert rows[-1]["text"] == HUEHUETENANGO.findings[-1].text


def test_export_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "rows.json"
    result = _mgi("export", "--format", "json", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == mgi.to_records(mgi.profiles)
    assert [path.name for path in tmp_path.iterdir()] == ["rows.json"]  # no temporary left
    wide = _mgi("export", "--summary", "--wide", "--format", "json")
    assert json.loads(wide.stdout)[0]["partnerships_potential"] == 2


def test_export_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = _mgi("export", "-o", str(tmp_path / "no" / "rows.csv"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"mgi: error: {tmp_path / 'no' / 'rows.csv'}: cannot write")


def test_show_svg_to_a_file(tmp_path: Path) -> None:
    result = _mgi("show", "huehuetenango-2024", "--format", "svg", "-o", "wheel.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    svg = (tmp_path / "wheel.svg").read_text(encoding="utf-8")
    assert svg == HUEHUETENANGO.wheel_svg() + "\n"
    assert ElementTree.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    printed = _mgi("show", "--format", "svg")
    assert printed.stdout == svg
