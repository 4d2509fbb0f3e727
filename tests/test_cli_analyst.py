"""The shell as an analyst uses it: your own profiles wherever an id is taken,
the same files read by every command, language tags with visible fallbacks,
searches that say what they searched, Excel output, and no empty profile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import mgi

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]


def _mgi(
    *arguments: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mgi", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        input=stdin,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """One profile as JSON and as page text, two as JSON Lines."""
    mgi.dump_profile(attrs.evolve(HUEHUETENANGO, id="mine-2024"), tmp_path / "mine.json")
    (tmp_path / "page.txt").write_text(HUEHUETENANGO.to_text(), encoding="utf-8")
    others = [attrs.evolve(HUEHUETENANGO, id=f"town-{n}-2024") for n in "ab"]
    mgi.dump_profiles(others, tmp_path / "two.jsonl")
    return tmp_path


# -- your own profiles ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mine.json", "page.txt", "./page.txt"])
def test_show_takes_a_file_where_it_takes_an_id(files: Path, name: str) -> None:
    shown = _mgi("show", name, cwd=files)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == _mgi("show", "huehuetenango-2024").stdout


def test_the_wheel_of_your_own_profile_needs_no_python(files: Path) -> None:
    made = _mgi("show", "mine.json", "--format", "svg", "-o", "wheel.svg", cwd=files)
    assert made.returncode == 0, made.stderr
    assert (files / "wheel.svg").read_text(encoding="utf-8") == HUEHUETENANGO.wheel_svg() + "\n"


def test_show_reads_standard_input() -> None:
    shown = _mgi("show", "-", "--format", "json", stdin=HUEHUETENANGO.to_text())
    assert shown.returncode == 0, shown.stderr
    assert mgi.loads_profile(shown.stdout) == mgi.parse_profile(HUEHUETENANGO.to_text())


def test_a_file_of_several_profiles_needs_an_id(files: Path) -> None:
    several = _mgi("show", "two.jsonl", cwd=files)
    assert several.returncode == 1
    assert several.stderr == (
        "mgi: error: two.jsonl holds 2 profiles: name one with --profiles two.jsonl ID "
        "(mgi list --profiles two.jsonl lists them)\n"
    )
    chosen = _mgi("show", "town-b-2024", "--profiles", "two.jsonl", "--format", "json", cwd=files)
    assert json.loads(chosen.stdout)["id"] == "town-b-2024"
    typo = _mgi("show", "town-c-2024", "--profiles", "two.jsonl", cwd=files)
    assert typo.stderr.startswith("mgi: error: unknown profile 'town-c-2024' (did you mean")


def test_every_command_reads_the_same_files(files: Path) -> None:
    for name in ("page.txt", "mine.json", "two.jsonl", "."):
        searched = _mgi("search", '"trata de personas"', "--profiles", name, cwd=files)
        assert searched.returncode == 0, (name, searched.stderr)
        assert "domain 6 (safe_orderly_regular), well_developed 1" in searched.stdout
        exported = _mgi("export", "--summary", "--profiles", name, cwd=files)
        assert exported.returncode == 0, (name, exported.stderr)
        checked = _mgi("check", name, cwd=files) if name != "." else None
        assert checked is None or checked.returncode == 0, (name, checked.stdout)


def test_a_bad_page_given_as_profiles_is_a_parse_error_not_invalid_json(files: Path) -> None:
    (files / "notes.txt").write_text("Nothing to see.\n", encoding="utf-8")
    searched = _mgi("search", "migra", "--profiles", "notes.txt", cwd=files)
    assert searched.returncode == 1
    assert searched.stderr.startswith("mgi: error: notes.txt: line 2: no profile found")


def test_list_gives_ids_and_titles(files: Path) -> None:
    bundled = _mgi("list")
    assert bundled.stdout == f"huehuetenango-2024  {HUEHUETENANGO.title}\n"
    given = _mgi("list", "--profiles", "two.jsonl", "--profiles", "mine.json", cwd=files)
    assert [line.split()[0] for line in given.stdout.splitlines()] == [
        "mine-2024",
        "town-a-2024",
        "town-b-2024",
    ]


def test_version_names_the_data_version() -> None:
    shown = _mgi("--version")
    assert shown.returncode == 0
    assert shown.stdout == f"mgi {mgi.__version__} (data {mgi.provenance().data_version})\n"


# -- language tags at the shell ---------------------------------------------------------


@pytest.mark.parametrize("tag", ["ES", "es-GT", "es_gt", "spa", "Spanish"])
def test_domains_take_a_tag_in_any_case(tag: str) -> None:
    shown = _mgi("domains", "--lang", tag)
    assert shown.returncode == 0, shown.stderr
    assert "3. Alianzas\n" in shown.stdout
    assert shown.stdout.startswith("Names in Spanish (es)")
    assert "descriptions in English" in shown.stdout


def test_every_fallback_to_english_is_marked() -> None:
    german = _mgi("domains", "--lang", "de").stdout
    marked = [line for line in german.splitlines() if line.endswith("[en]")]
    assert marked == [
        "5. Mobility dimensions of crises [en]",
        "6. Safe, orderly and regular migration [en]",
    ]
    assert "[en] marks the English name" in german
    spanish = _mgi("domains", "--lang", "es").stdout
    assert "[en]" not in spanish
    assert _mgi("domains").stdout.startswith("1. Migrants' rights\n")


def test_the_data_says_which_language_each_text_is_in() -> None:
    rows = json.loads(_mgi("domains", "--lang", "de-AT", "--format", "json").stdout)
    assert [row["name_language"] for row in rows] == ["de", "de", "de", "de", "en", "en"]
    assert {row["description_language"] for row in rows} == {"en"}
    assert rows[4]["name"] == "Mobility dimensions of crises"


def test_a_language_with_no_names_or_no_language_is_an_error() -> None:
    assert _mgi("domains", "--lang", "pt").stderr == (
        "mgi: error: no domain names in 'pt'; known: de, en, es, fr\n"
    )
    assert _mgi("domains", "--lang", "xx").stderr == (
        "mgi: error: unknown language 'xx' (did you mean 'de', 'en', 'es' or 'fr'?)\n"
    )


def test_views_mark_a_domain_name_shown_in_english() -> None:
    portuguese = attrs.evolve(HUEHUETENANGO, language="pt")
    assert "3. Partnerships [en]" in portuguese._repr_html_()
    assert "## 3\\. PARTNERSHIPS \\[en\\]" in portuguese._repr_markdown_() or (
        "## 3. PARTNERSHIPS \\[en\\]" in portuguese._repr_markdown_()
    )
    assert "3. Partnerships [en]" in portuguese.wheel_svg()
    # The page form is read back by the parser: it carries no mark.
    assert "[en]" not in portuguese.to_text()
    assert "[en]" not in HUEHUETENANGO._repr_html_()


# -- a search that finds nothing ----------------------------------------------------------


def test_a_search_that_finds_nothing_says_the_languages_searched(files: Path) -> None:
    hits = mgi.search("trafficking")
    assert hits.languages == ("es",)
    assert "The profiles searched are in Spanish (es)" in hits._repr_html_()
    assert "The profiles searched are in Spanish (es)" in hits._repr_markdown_()
    shown = _mgi("search", "trafficking")
    assert shown.stdout == (
        "no matches for 'trafficking'. The profiles searched are in Spanish (es): "
        "search in their language.\n"
    )
    mixed = mgi.Profiles(
        [HUEHUETENANGO, *(attrs.evolve(HUEHUETENANGO, id=f"en-{n}", language="en") for n in "ab")]
    )
    assert mixed.search("trafficking").languages == ("en", "es")
    assert mixed.search("trafficking", language="es").languages == ("es",)
    assert mgi.search("migrantes")[:2].languages == ("es",)


# -- Excel at the shell -------------------------------------------------------------------


def test_export_writes_a_workbook_or_a_csv_for_excel(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    made = _mgi("export", "-o", "findings.XLSX", cwd=tmp_path)
    assert (made.returncode, made.stdout, made.stderr) == (0, "", "")
    sheet = openpyxl.load_workbook(tmp_path / "findings.XLSX").active
    assert sheet.max_row == 1 + len(HUEHUETENANGO.findings)
    assert sheet["L2"].value == "Migrants' rights"
    bom = _mgi("export", "--bom", "-o", "findings.csv", cwd=tmp_path)
    assert bom.returncode == 0
    data = (tmp_path / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfprofile_id,")
    assert data[3:].decode("utf-8") == mgi.findings_table(mgi.profiles).to_csv()


# -- no empty profile -----------------------------------------------------------------------


def test_a_page_without_findings_is_refused_even_leniently(tmp_path: Path) -> None:
    page = HUEHUETENANGO.to_text().replace("• ", "")
    lines = page.splitlines()
    first = next(n for n, line in enumerate(lines, 1) if HUEHUETENANGO.findings[0].text in line)
    with pytest.raises(mgi.ParseError, match="not a bulleted finding") as strictly:
        mgi.parse_profile(page)
    assert strictly.value.line == first
    with pytest.raises(mgi.ParseError, match="no finding found") as caught:
        mgi.parse_profile(page, strict=False)
    assert caught.value.line == first  # the first line that was left out
    (tmp_path / "nob.txt").write_text(page, encoding="utf-8")
    parsed = _mgi("parse", "nob.txt", "--no-strict", "-o", "nob.json", cwd=tmp_path)
    assert parsed.returncode == 1
    assert f"mgi: error: nob.txt: line {first}: no finding found" in parsed.stderr
    assert not (tmp_path / "nob.json").exists()
    checked = _mgi("check", "nob.txt", cwd=tmp_path)
    assert checked.returncode == 1
    assert f"nob.txt:{first}: no finding found" in checked.stdout


def test_check_reports_a_profile_without_findings_or_with_domains_missing(
    tmp_path: Path,
) -> None:
    mgi.dump_profile(attrs.evolve(HUEHUETENANGO, findings=()), tmp_path / "empty.json")
    few = attrs.evolve(HUEHUETENANGO, id="few", findings=HUEHUETENANGO.select(domain=3))
    mgi.dump_profiles([HUEHUETENANGO, few], tmp_path / "two.jsonl")
    checked = _mgi("check", "empty.json", "two.jsonl", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stdout == (
        "empty.json:$.findings: the profile has no findings\n"
        "two.jsonl:2:$.findings: no findings for domains migrants_rights, "
        "whole_of_government, wellbeing, crises, safe_orderly_regular\n"
    )
    assert checked.stderr == "mgi: error: 2 problems in 2 of 2 files\n"
