"""Notebook and report views: escaped HTML and Markdown, and the SVG wheel,
checked as a browser draws them (headless Chromium, where it is installed).

The renderers are handed the domains they draw: ``DOMAINS`` below."""

from __future__ import annotations

import inspect
import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import attrs
import pytest

import mgi
from mgi import cli
from mgi.views import (
    DOMAIN_COLOURS,
    markdown_text,
    profile_html,
    profile_markdown,
    profile_text,
    wheel_geometry,
    wheel_svg,
)

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]
DOMAINS = mgi.domains  # the six domains by number, as the renderers take them
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<img src="x" onerror="document.title=\'pwned\'"> **bold** | [link](http://x) &amp;'
SCRIPT = "<script>document.body.innerHTML='pwned'</script>"


@pytest.fixture(scope="module")
def hostile() -> mgi.Profile:
    """A profile whose texts are markup, and whose crises domain is empty."""
    findings = [
        attrs.evolve(finding, text=HOSTILE) if number == 0 else finding
        for number, finding in enumerate(HUEHUETENANGO.findings)
        if finding.domain != 5
    ]
    return attrs.evolve(
        HUEHUETENANGO,
        id="hostile",
        title=SCRIPT,
        introduction=(SCRIPT,),
        findings=tuple(findings),
        place=attrs.evolve(HUEHUETENANGO.place, name=HOSTILE),
    )


# -- without a browser -------------------------------------------------------


def test_markdown_text_is_literal() -> None:
    assert markdown_text("**a** <b>|</b> _x_ [l](u) # `c` ~~s~~ \\") == (
        r"\*\*a\*\* &lt;b&gt;\|&lt;/b&gt; \_x\_ \[l\](u) \# \`c\` \~\~s\~\~ \\"
    )
    assert markdown_text("line\nbreak") == "line break"


def test_markdown_text_never_makes_an_entity_and_keeps_a_lone_ampersand() -> None:
    # An "&" that could open a character reference becomes "&amp;"; one
    # before a space or punctuation opens none in any reader and stays.
    assert markdown_text("&amp; &lt; &#60; &#x3c; R&D R&notes") == (
        r"&amp;amp; &amp;lt; &amp;\#60; &amp;\#x3c; R&amp;D R&amp;notes"
    )
    assert markdown_text("Tom & Jerry &, &") == "Tom & Jerry &, &"


def test_markdown_text_opens_no_block_at_the_start_of_a_line() -> None:
    assert markdown_text("1. a") == "1\\. a"
    assert markdown_text("2024) a") == "2024\\) a"
    assert markdown_text("- a") == "\\- a"
    assert markdown_text("+ a") == "\\+ a"
    assert markdown_text("# a") == "\\# a"
    assert markdown_text("> a") == "&gt; a"
    # Elsewhere in a line the same characters are text.
    assert markdown_text("a 1. b - c + d") == "a 1. b - c + d"


def test_show_and_the_notebook_escape_markdown_alike(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = "R&D & &amp; <b>*x*</b>"
    profile = attrs.evolve(
        HUEHUETENANGO,
        id="marked",
        title=marked,
        introduction=(marked,),
        findings=(
            attrs.evolve(HUEHUETENANGO.findings[0], text=marked),
            *HUEHUETENANGO.findings[1:],
        ),
    )
    monkeypatch.setattr(mgi, "profiles", mgi.Profiles([profile]))
    assert cli.main(["show", "marked", "--format", "markdown"]) == 0
    shown = capsys.readouterr().out
    # One function writes both: `mgi show --format markdown` and the notebook hook.
    assert shown == profile._repr_markdown_() == profile_markdown(profile, DOMAINS)
    escaped = r"R&amp;D & &amp;amp; &lt;b&gt;\*x\*&lt;/b&gt;"
    lines = shown.splitlines()
    assert f"# {escaped}" in lines  # the title
    assert escaped in lines  # the introduction
    assert f"- {escaped}" in lines  # the finding


def test_profile_renderers_load_no_bundled_data(
    monkeypatch: pytest.MonkeyPatch, hostile: mgi.Profile
) -> None:
    from mgi import _data

    handed = {number: DOMAINS[number] for number in range(1, 7)}

    def refuse() -> None:
        raise AssertionError("a renderer loaded bundled data")

    readers = [
        name
        for name, value in vars(_data).items()
        if inspect.isfunction(value) and value.__module__ == _data.__name__ and name[0] != "_"
    ]
    assert "domains" in readers
    for name in readers:
        monkeypatch.setattr(_data, name, refuse)
    assert profile_text(hostile, handed, width=None).startswith(SCRIPT)
    assert "ALIANZAS" in profile_text(hostile, handed, width=40)
    assert "## 3. ALIANZAS" in profile_markdown(hostile, handed)
    assert "3. Alianzas" in profile_html(hostile, handed)
    assert wheel_svg(hostile, handed, size=200).startswith("<svg")


def test_views_escape_every_text(hostile: mgi.Profile) -> None:
    collection = mgi.Profiles([hostile])
    hits = collection.search("img")
    table = mgi.findings_table(collection)
    for html in (
        hostile._repr_html_(),
        collection._repr_html_(),
        hits._repr_html_(),
        table._repr_html_(),
    ):
        assert "<img" not in html
        assert "<script" not in html
        assert "&lt;" in html
    for markdown in (
        hostile._repr_markdown_(),
        collection._repr_markdown_(),
        hits._repr_markdown_(),
        table._repr_markdown_(),
    ):
        # Every "<" is escaped, as an entity or with a backslash.
        assert re.search(r"(?<!\\)<", markdown) is None
        assert "**bold**" not in markdown


def test_markdown_renders_as_text(hostile: mgi.Profile) -> None:
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(hostile._repr_markdown_(), extensions=["tables"])
    assert "<img" not in html
    assert "<script" not in html
    assert "<strong>bold</strong>" not in html
    assert "<a href" not in html


def test_every_object_has_both_views() -> None:
    hits = mgi.search("migrantes")
    objects = [
        mgi.domains[3],
        mgi.domains,
        HUEHUETENANGO,
        mgi.profiles,
        hits,
        mgi.summary_table(mgi.profiles),
        mgi.sdg.score({"1a": "no"}, partial=True),
        mgi.provenance(),
    ]
    for shown in objects:
        assert shown._repr_html_().startswith("<div")
        assert shown._repr_markdown_().strip()
    assert "Partnerships" in mgi.domains[3]._repr_markdown_()
    assert "PD\\_3" in mgi.domains[3]._repr_markdown_()
    assert "<mark>migrantes</mark>" in hits._repr_html_()
    assert f"**{len(hits)} hits**" in hits._repr_markdown_()


def test_counts_are_singular_for_one() -> None:
    one = mgi.Profiles([HUEHUETENANGO])
    assert "**1 profile**" in one._repr_markdown_()
    assert "<b>1 profile</b>" in one._repr_html_()
    hits = mgi.search("diáspora")
    assert len(hits) == 1
    assert "**1 hit** for" in hits._repr_markdown_()
    assert "<b>1 hit</b> for" in hits._repr_html_()
    assert "**0 hits**" in mgi.search("zzzz")._repr_markdown_()


def test_long_collections_show_their_first_and_last_rows() -> None:
    sixty = mgi.Profiles(attrs.evolve(HUEHUETENANGO, id=f"p-{n:03d}") for n in range(60))
    assert sixty._repr_html_().count("<tr>") == 1 + 60  # up to MAX_ROWS: every row
    many = mgi.Profiles(attrs.evolve(HUEHUETENANGO, id=f"p-{n:03d}") for n in range(61))
    html = many._repr_html_()
    assert html.count("<tr>") == 1 + 5 + 1 + 5  # the header, head, "…", tail
    assert "p-004" in html
    assert "p-005" not in html
    assert "p-056" in html
    assert "<b>61 profiles</b>" in html
    markdown = many._repr_markdown_()
    assert "p-004" in markdown
    assert "p-055" not in markdown
    assert "p-060" in markdown
    assert repr(many) == "Profiles(p-000, p-001, p-002, … 58 more)"


def test_the_wheel_is_self_contained_svg(hostile: mgi.Profile) -> None:
    svg = wheel_svg(hostile, DOMAINS)
    root = ElementTree.fromstring(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert not any(
        attribute.endswith("href") for element in root.iter() for attribute in element.attrib
    )
    bands = [path for path in root.iter(f"{SVG}path") if "mgi-band" in path.get("class", "")]
    assert len(bands) == 12
    numbers = [
        element.text for element in root.iter(f"{SVG}text") if element.get("font-weight") == "bold"
    ]
    expected = [
        str(len(hostile.select(domain, kind)))
        for domain in range(1, 7)
        for kind in mgi.FindingKind
    ]
    assert numbers == expected
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}title").text == SCRIPT  # type: ignore[union-attr]


def test_the_wheel_names_domains_in_the_profile_language() -> None:
    names = [
        "".join(element.itertext())
        for element in ElementTree.fromstring(wheel_svg(HUEHUETENANGO, DOMAINS)).iter(f"{SVG}text")
        if element.get("class") == "mgi-domain-name"
    ]
    assert names[2] == "3. Alianzas"
    english = attrs.evolve(HUEHUETENANGO, language="en")
    assert "3. Partnerships" in wheel_svg(english, DOMAINS)
    portuguese = attrs.evolve(HUEHUETENANGO, language="pt")  # no Portuguese names: English
    assert "3. Partnerships" in wheel_svg(portuguese, DOMAINS)
    assert "Áreas bem desenvolvidas" in wheel_svg(portuguese, DOMAINS)


# -- in a browser ----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium); CI installs it",
)


def _chromium(folder: Path, *arguments: str) -> str:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={folder / 'chromium-profile'}",
    ]
    result = subprocess.run(
        [CHROMIUM, *flags, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=folder,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _close(found: tuple[int, ...], colour: str) -> bool:
    wanted = [int(colour[index : index + 2], 16) for index in (1, 3, 5)]
    return all(abs(a - b) <= 3 for a, b in zip(found[:3], wanted, strict=True))


@needs_chromium
def test_chromium_draws_each_band_in_its_domain_colour(
    tmp_path: Path, hostile: mgi.Profile
) -> None:
    image = pytest.importorskip("PIL.Image")
    from mgi.views import _tint

    size = 440
    svg = wheel_svg(hostile, DOMAINS, size=size)
    width = int(ElementTree.fromstring(svg).get("width", "0"))
    (tmp_path / "wheel.svg").write_text(svg, encoding="utf-8")
    _chromium(
        tmp_path,
        "--screenshot=wheel.png",
        f"--window-size={width},{size}",
        (tmp_path / "wheel.svg").as_uri(),
    )
    picture = image.open(tmp_path / "wheel.png").convert("RGB")
    assert picture.size == (width, size)
    geometry = wheel_geometry(size)
    centre = geometry["centre"]
    for index, colour in enumerate(DOMAIN_COLOURS):
        angle = math.radians(index * 60 + 12 - 90)  # inside the segment, clear of its number
        for radius, expected in (
            ((geometry["middle"] + geometry["outer"]) / 2, colour),
            ((geometry["hub"] + geometry["middle"]) / 2, _tint(colour)),
        ):
            point = (
                round(centre + radius * math.cos(angle)),
                round(centre + radius * math.sin(angle)),
            )
            assert _close(picture.getpixel(point), expected), (index, point, expected)
    hub = (round(centre), round(centre - geometry["hub"] * 0.7))  # above the date
    assert _close(picture.getpixel(hub), "#ffffff")


@needs_chromium
def test_chromium_shows_markup_in_texts_as_text(tmp_path: Path, hostile: mgi.Profile) -> None:
    collection = mgi.Profiles([hostile])
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>views</title></head><body>"
        + hostile._repr_html_()
        + collection._repr_html_()
        + collection.search("img")._repr_html_()
        + "</body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    dom = _chromium(
        tmp_path, "--dump-dom", "--virtual-time-budget=2000", (tmp_path / "page.html").as_uri()
    )
    assert "<title>views</title>" in dom  # no script changed the title
    assert "pwned" not in dom.replace("document.title='pwned'", "").replace(
        "innerHTML='pwned'", ""
    )
    assert "<img" not in dom
    assert "&lt;img src=" in dom
    assert "&lt;script&gt;document.body.innerHTML='pwned'&lt;/script&gt;" in dom
    # One list item per finding of the profile (a dash for an empty list),
    # and one per hit.
    hits = collection.search("img")
    empty = sum(
        not texts
        for group in hostile.by_domain()
        for texts in (group.well_developed, group.potential)
    )
    assert empty == 2
    assert dom.count("<li>") == len(hostile.findings) + empty + len(hits)
    assert dom.count("<mark>img</mark>") == len(hits)
    assert dom.count('class="mgi-band') == 12
    assert "3. Alianzas" in dom


# Rules of JupyterLab's stylesheet for rendered HTML that act on tables:
# cells right-aligned, growing without limit, a fixed table layout.
JUPYTER_CSS = (
    ".jp-RenderedHTMLCommon table{border-collapse:collapse;border-spacing:0;border:none;"
    "font-size:12px;table-layout:fixed;margin-left:auto;margin-right:auto}"
    ".jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{text-align:right;"
    "vertical-align:middle;padding:.5em;line-height:normal;white-space:normal;"
    "max-width:none;border:none}body{margin:0;font-family:sans-serif}"
)
# Measures the layout once the page is drawn, and writes it into the page.
MEASURE = """<script>
window.addEventListener('load', () => {
  const box = element => element.getBoundingClientRect();
  const all = selector => [...document.querySelectorAll(selector)];
  const table = document.querySelector('.mgi-table table');
  document.getElementById('layout').textContent = JSON.stringify({
    pageWidth: document.documentElement.scrollWidth,
    tableRight: box(table).right,
    textLeft: Math.max(...all('.mgi-table td.mgi-long').map(cell => box(cell).left)),
    textRight: Math.max(...all('.mgi-table td.mgi-long').map(cell => box(cell).right)),
    textWidth: Math.min(...all('.mgi-table td.mgi-long').map(cell => box(cell).width)),
    rowHeight: Math.max(...all('.mgi-table tbody.mgi-row').map(row => box(row).height)),
    rows: all('.mgi-table tbody.mgi-row').length,
    others: all('.mgi-view').map(view => box(view).right),
  });
});
</script>"""


@needs_chromium
def test_chromium_keeps_a_large_findings_table_on_a_1280_pixel_screen(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    import json

    many = mgi.Profiles(
        attrs.evolve(HUEHUETENANGO, id=f"municipality-{n:04d}-2024") for n in range(3000)
    )
    table = mgi.findings_table(many)
    assert len(table) == 99_000
    score = mgi.sdg.score({"3a": "yes"}, partial=True)
    views = (
        table._repr_html_()
        + mgi.domains._repr_html_()
        + score._repr_html_()
        + mgi.provenance()._repr_html_()
    )
    # A notebook's output area: a gutter for the prompt on the left.
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{JUPYTER_CSS}</style>"
        f"</head><body><div class='jp-RenderedHTMLCommon' style='padding:0 20px 0 90px'>"
        f"{views}</div><pre id='layout'></pre>{MEASURE}</body></html>"
    )
    (tmp_path / "table.html").write_text(page, encoding="utf-8")
    dom = _chromium(
        tmp_path,
        "--dump-dom",
        "--virtual-time-budget=2000",
        "--window-size=1280,2400",
        (tmp_path / "table.html").as_uri(),
    )
    found = re.search(r'<pre id="layout">([^<]+)</pre>', dom)
    assert found is not None, dom[-2000:]
    layout = json.loads(found[1])
    assert layout["rows"] == 10  # the first and last five
    assert layout["pageWidth"] <= 1280  # nothing runs off the screen
    assert layout["tableRight"] <= 1280
    assert layout["textLeft"] < 300  # the findings start at the left, under each row
    assert layout["textRight"] <= 1280
    assert layout["textWidth"] >= 900  # and read across the table
    assert layout["rowHeight"] <= 100  # a row and its finding: a few lines, not 250 px
    assert all(right <= 1280 for right in layout["others"])
    _chromium(
        tmp_path,
        "--screenshot=table.png",
        "--window-size=1280,900",
        (tmp_path / "table.html").as_uri(),
    )
    picture = image.open(tmp_path / "table.png").convert("RGB")
    assert picture.size == (1280, 900)
    # Text is drawn across the screen: dark pixels in the right half too.
    darkest, _ = picture.crop((640, 0, 1280, 900)).convert("L").getextrema()
    assert darkest < 100
