"""Every bundled text matches the copied page character for character."""

from __future__ import annotations

import mgi

DOMAIN_TITLES = [
    "Migrants' rights",
    "Whole of government approach",
    "Partnerships",
    "Well-being of migrants",
    "Mobility dimensions of crises",
    "Safe, orderly and regular migration",
]
BULLET = "  • "


def _paragraphs_after(lines: list[str], start: int, count: int) -> list[str]:
    return [line for line in lines[start:] if line.strip()][:count]


def test_domain_descriptions_match_the_page(seed_lines: list[str]) -> None:
    for number, title in enumerate(DOMAIN_TITLES, start=1):
        at = seed_lines.index(title)
        assert seed_lines[at + 1] == title  # the page doubles each title
        national, city = _paragraphs_after(seed_lines, at + 2, 2)
        domain = mgi.domains[number]
        assert domain.name == title
        assert domain.national_description == national
        assert domain.local_description == city


def test_title_and_date_match_the_page(seed_lines: list[str]) -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    last = [line for line in seed_lines if line.strip()]
    assert profile.title == last[-1]
    assert last[-2] == "2024 August"
    assert (profile.published.year, profile.published.month) == (2024, 8)


def test_introduction_matches_the_page(seed_lines: list[str]) -> None:
    start = seed_lines.index("INTRODUCTION")
    end = seed_lines.index("DERECHOS DE LAS PERSONAS MIGRANTES")
    paragraphs = [line for line in seed_lines[start + 1 : end] if line.strip()]
    # The click instruction and the "1" / "Key findings" markers are page controls.
    text = [p for p in paragraphs if p not in {"1", "Key findings"} and "Haga clic" not in p]
    assert mgi.profiles["huehuetenango-2024"].introduction == tuple(text)


def test_findings_match_the_page_in_order(seed_lines: list[str]) -> None:
    headings = [
        name.text for d in mgi.domains.values() for name in d.names if name.use == "heading"
    ]
    expected: list[tuple[int, str, str]] = []
    domain = kind = None
    for line in seed_lines:
        if line in headings:
            domain = mgi.domains[line].number
        elif line.startswith("Gobernanza de la migración: Ejemplos de áreas bien desarrolladas"):
            kind = "well_developed"
        elif line.startswith("Áreas con potencial para un desarrollo adicional"):
            kind = "potential"
        elif line.startswith(BULLET):
            assert domain is not None
            assert kind is not None
            expected.append((domain, kind, line[len(BULLET) :]))
    profile = mgi.profiles["huehuetenango-2024"]
    assert len(expected) == 33
    assert [(f.domain, f.kind.value, f.text) for f in profile.findings] == expected


def test_spanish_headings_of_the_page_are_domain_names(seed_lines: list[str]) -> None:
    start = seed_lines.index("INTRODUCTION")
    headings = [
        line
        for before, line in zip(seed_lines[start:], seed_lines[start + 1 :], strict=False)
        if before == "Key findings" and line != "INTRODUCTION"
    ]
    assert [mgi.domains[heading].number for heading in headings] == [1, 2, 3, 4, 5, 6]
    for number, heading in enumerate(headings, start=1):
        assert mgi.domains[number].name_in("es") is not None
        assert heading in [name.text for name in mgi.domains[number].names]
