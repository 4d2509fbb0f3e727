"""The views of the official SDG 10.7.2 results and of the catalogue of
assessments: a country's results as a small table or a strip of six domains
coloured by category, escaped, bounded, and drawn as a browser draws them."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import attrs
import pytest

import mgi
from mgi.views import (
    CATEGORY_COLOURS,
    assessments_html,
    assessments_markdown,
    assessments_text,
    results_html,
    results_markdown,
    results_strip_svg,
    results_text,
    table_html,
    table_markdown,
)

SVG = "{http://www.w3.org/2000/svg}"
DOMAINS = mgi.sdg.indicator.domains  # what the renderers are handed
CANADA = mgi.sdg.results["Canada"]
HOSTILE = "<script>document.title='pwned'</script> **bold** | x"


def test_a_countrys_results_as_a_small_table_coloured_by_category() -> None:
    html = results_html(CANADA, DOMAINS)
    assert html.startswith('<div class="mgi-results">')
    assert "<b>14 official results</b>" in html
    assert html.count("<tr>") == 1 + 2  # the header and one row per year
    assert "<th>overall</th>" in html
    assert "1. Migrant rights</th>" in html
    fully, meets = CATEGORY_COLOURS[3], CATEGORY_COLOURS[2]
    # Canada: overall 3 and domain 1 3, domains 2-6 4, in both rounds.
    assert html.count(f"background:{fully}") == 10 + 1  # and the legend's
    assert html.count(f"background:{meets}") == 4 + 1
    assert 'title="Fully meets">4</td>' in html
    assert CANADA._repr_html_() == html


def test_values_not_published_are_dashed_cells() -> None:
    france = mgi.sdg.results["France"]
    html = results_html(france, DOMAINS)
    assert html.count('title="not published">—</td>') == 6
    markdown = results_markdown(france, DOMAINS)
    assert "| France (FRA) | 2019 | 3 | — | — | — | — | — | — |" in markdown


def test_the_renderers_draw_what_they_are_handed() -> None:
    renamed = tuple(attrs.evolve(domain, name=f"D{domain.number}") for domain in DOMAINS)
    assert "1. D1</th>" in results_html(CANADA, renamed)
    assert "1 D1; 2 D2" in results_text(CANADA, renamed)
    assert "<title>Canada 2019, D3: Fully meets</title>" in results_strip_svg(CANADA, renamed)


def test_the_strip_is_self_contained_svg_with_seven_cells_a_row() -> None:
    svg = results_strip_svg(CANADA, DOMAINS)
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert not any(a.endswith("href") for element in root.iter() for a in element.attrib)
    cells = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mgi-category"]
    assert len(cells) == 2 * 7 + 4  # two rounds, and the key of four categories
    rows = [cell.get("data-category") for cell in cells[:14]]
    assert rows == ["3", "3", "4", "4", "4", "4", "4"] * 2
    fills = [cell.find(f"{SVG}rect").get("fill") for cell in cells[:7]]  # type: ignore[union-attr]
    assert fills == [CATEGORY_COLOURS[2]] * 2 + [CATEGORY_COLOURS[3]] * 5
    assert CANADA.strip_svg() == svg
    france = ElementTree.fromstring(results_strip_svg(mgi.sdg.results["FRA"], DOMAINS))
    kinds = [g.get("data-category") for g in france.iter(f"{SVG}g")][:7]
    assert kinds == ["3", *["none"] * 6]


def test_long_results_show_their_first_rows() -> None:
    everything = mgi.sdg.results
    html = results_html(everything, DOMAINS)
    rows = len({(r.country, r.year) for r in everything})
    assert html.count("<tr>") == 1 + 50
    assert f"… {rows - 50} more" in html
    assert f"… {rows - 50} more" in results_markdown(everything, DOMAINS)
    svg = ElementTree.fromstring(results_strip_svg(everything, DOMAINS))
    assert len(list(svg.iter(f"{SVG}g"))) == 50 * 7 + 4


def test_result_views_escape_what_they_show() -> None:
    result = attrs.evolve(CANADA[0], country_name=HOSTILE)
    mine = mgi.SdgResults([result])
    for shown in (results_html(mine, DOMAINS), results_strip_svg(mine, DOMAINS)):
        assert "<script>" not in shown
        assert "&lt;script&gt;" in shown
    assert "<script>" not in results_markdown(mine, DOMAINS)
    ElementTree.fromstring(results_strip_svg(mine, DOMAINS))


def test_the_catalogue_views_lead_with_its_notice() -> None:
    notice = mgi.assessments.notice
    html = assessments_html(mgi.assessments)
    assert html.startswith(f'<div class="mgi-assessments"><p><b>{notice}</b></p>')
    assert html.count("<tr>") == 1 + 50
    assert "… 20 more" in html
    markdown = assessments_markdown(mgi.assessments)
    assert markdown.startswith("**70 assessments listed here")
    assert "| Montréal | Canada (CAN) | local | 2019 | city | en |  |" in markdown
    text = assessments_text(mgi.assessments.filter(country="HND"))
    assert text.splitlines()[0].startswith("2 assessments listed here (1 country, 1 local")
    assert "HND      national  2022  Honduras  country / es, follow-up" in text.splitlines()


def test_catalogue_views_escape_what_they_show() -> None:
    entry = attrs.evolve(mgi.assessments["Kenema"], place=HOSTILE)
    mine = mgi.Assessments([entry], mgi.assessments.published)
    assert "<script>" not in assessments_html(mine)
    assert "<script>" not in assessments_markdown(mine)


def test_tables_show_none_as_an_empty_cell() -> None:
    table = mgi.sdg.results["FRA"].table(wide=True)
    assert "<td>3</td><td></td><td></td>" in table_html(table)
    assert "| FRA | France | 2019 | 3 |  |  |" in table_markdown(table)
    assert "None" not in table_html(table) + table_markdown(table)


def test_comparison_and_shares_display_as_tables() -> None:
    score = mgi.sdg.score({"3a": "yes"}, partial=True)
    assert score.compare("Canada")._repr_html_().startswith('<div class="mgi-table">')
    assert "62.3188" in mgi.sdg.shares._repr_html_()


# -- in a browser ----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_chromium_draws_each_cell_in_its_category_colour(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    assert CHROMIUM is not None
    size = 28
    results = mgi.sdg.results.filter(country="Denmark", year=2021)  # categories 2, 3 and 4
    svg = results_strip_svg(results, DOMAINS, size=size)
    root = ElementTree.fromstring(svg)
    width, height = int(root.get("width", "0")), int(root.get("height", "0"))
    (tmp_path / "strip.svg").write_text(svg, encoding="utf-8")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--screenshot=strip.png",
            f"--window-size={max(width, 600)},{max(height, 300)}",  # smaller ones draw nothing
            (tmp_path / "strip.svg").as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
        cwd=tmp_path,
    )
    picture = image.open(tmp_path / "strip.png").convert("RGB")
    assert picture.size == (max(width, 600), max(height, 300))
    cells = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mgi-category"][:7]
    for cell, result in zip(cells, results, strict=True):
        rect = cell.find(f"{SVG}rect")
        assert rect is not None
        corner = (round(float(rect.get("x", "0"))) + 3, round(float(rect.get("y", "0"))) + 3)
        expected = CATEGORY_COLOURS[result.category - 1]
        wanted = tuple(int(expected[i : i + 2], 16) for i in (1, 3, 5))
        found = picture.getpixel(corner)
        assert all(abs(a - b) <= 3 for a, b in zip(found, wanted, strict=True)), (
            result,
            found,
            expected,
        )
