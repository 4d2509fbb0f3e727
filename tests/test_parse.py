"""Copied profile pages read into Profiles: the seed, the ways copies vary, errors."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable

import attrs
import pytest
from tests.conftest import FIXTURES

import mgi

SEED = (FIXTURES / "huehuetenango-2024.txt").read_text(encoding="utf-8")
BUNDLED = mgi.profiles["huehuetenango-2024"]
ABOUT_END = SEED.index("1\nKey findings\nINTRODUCTION")


def _edit(old: str, new: str, text: str = SEED) -> str:
    assert old in text
    return text.replace(old, new)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- the seed -----------------------------------------------------------------


def test_the_seed_gives_the_bundled_profile_field_for_field() -> None:
    parsed = mgi.parse_profile(SEED)
    for field in attrs.fields(mgi.Profile):
        assert getattr(parsed, field.name) == getattr(BUNDLED, field.name), field.name
    assert parsed == BUNDLED


def test_the_seed_as_utf8_bytes_with_a_byte_order_mark() -> None:
    assert mgi.parse_profile(b"\xef\xbb\xbf" + SEED.encode()) == BUNDLED


def test_the_caller_keeps_its_text() -> None:
    text = "".join(SEED)
    mgi.parse_profile(text)
    assert text == SEED


# -- the ways real copies vary -------------------------------------------------


def _renumber(text: str) -> str:
    lines, count = [], 0
    for line in text.split("\n"):
        if line.startswith("  • "):
            count += 1
            line = f"  {count}. {line[4:]}"
        lines.append(line)
    return "\n".join(lines)


def _about_without(text: str, drop: Callable[[str], bool]) -> str:
    about = [line for line in text[:ABOUT_END].split("\n") if not drop(line)]
    return "\n".join(about) + text[ABOUT_END:]


VARIANTS: dict[str, Callable[[str], str]] = {
    "CRLF line ends": lambda text: text.replace("\n", "\r\n"),
    "CR line ends": lambda text: text.replace("\n", "\r"),
    "byte-order mark": lambda text: "\ufeff" + text,
    "decomposed accents": lambda text: unicodedata.normalize("NFD", text),
    "tabs and no-break spaces": lambda text: text.replace("  • ", "\t•\u00a0").replace(
        ":\u00a0", ":\t"
    ),
    "no About part": lambda text: text[ABOUT_END:],
    "About part without its titles": lambda text: _about_without(
        text, lambda line: mgi.domains.get(line) is not None
    ),
    "About part without its heading": lambda text: _about_without(
        text, lambda line: line.startswith("About")
    ),
    "no page controls": lambda text: text.replace("1\nKey findings\n", "").replace(
        "Haga clic en los íconos en la rueda para explorar los principales hallazgos.\n", ""
    ),
    "title-case headings": lambda text: _edit(
        "ENFOQUE DE GOBIERNO INTEGRAL", "Enfoque de Gobierno Integral", text
    ),
    "English and French headings": lambda text: _edit(
        "ALIANZAS",
        "Partnerships",
        _edit("DERECHOS DE LAS PERSONAS MIGRANTES", "DROITS DES MIGRANTS", text),
    ),
    "curly apostrophe in a heading": lambda text: _edit(
        "DERECHOS DE LAS PERSONAS MIGRANTES", "Migrants’ Rights", text
    ),
    "numbered headings": lambda text: _edit("\nALIANZAS\n", "\n3. ALIANZAS\n", text),
    "dash bullets": lambda text: text.replace("  • ", "- "),
    "star bullets": lambda text: text.replace("  • ", "    * "),
    "en dash bullets": lambda text: text.replace("  • ", "– "),
    "numbered findings": _renumber,
    "wrapped findings": lambda text: "\n".join(
        textwrap.fill(line, 50, subsequent_indent="     ", break_on_hyphens=False)
        if line.startswith("  • ")
        else line
        for line in text.split("\n")
    ),
    "other label wording": lambda text: text.replace(
        "Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:",
        "Áreas bien desarrolladas",
    ).replace(
        "Áreas con potencial para un desarrollo adicional:",
        "ÁREAS CON POTENCIAL DE DESARROLLO ADICIONAL :",
    ),
    "Spanish date": lambda text: _edit("2024 August", "Agosto de 2024", text),
    "English date month first": lambda text: _edit("2024 August", "August 2024", text),
    "French date": lambda text: _edit("2024 August", "août 2024", text),
    "title and date first": lambda text: (
        "\n".join(text.strip().split("\n")[-3:][::-1])
        + "\n"
        + "\n".join(text.strip().split("\n")[:-3])
    ),
    "page text after the title": lambda text: text + "\n\nShare this page\nPrivacy policy\n",
}


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
def test_copies_that_vary_give_the_same_profile(variant: str) -> None:
    assert mgi.parse_profile(VARIANTS[variant](SEED)) == BUNDLED


# -- titles, places and what the caller gives ----------------------------------

BODY = SEED[ABOUT_END : SEED.index("2024 August")]


def _page(title: str, date: str = "2024 August", body: str = BODY) -> str:
    return f"{title}\n{date}\n\n{body}"


@pytest.mark.parametrize(
    ("title", "name", "kind", "level", "country", "country_name", "language"),
    [
        (
            "Migration Governance Profile: Kingdom of Morocco",
            "Kingdom of Morocco",
            "country",
            "national",
            "MAR",
            "Kingdom of Morocco",
            "en",
        ),
        (
            "Perfil de Gobernanza de la Migración: República de Guatemala",
            "República de Guatemala",
            "country",
            "national",
            "GTM",
            "República de Guatemala",
            "es",
        ),
        (
            "Profil de gouvernance des migrations : Ville d’Abidjan (Côte d’Ivoire)",
            "Ville d’Abidjan",
            "city",
            "local",
            "CIV",
            "Côte d’Ivoire",
            "fr",
        ),
        (
            "Migration Governance Profile: County of Nairobi (Kenya)",
            "County of Nairobi",
            "county",
            "local",
            "KEN",
            "Kenya",
            "en",
        ),
        (
            "Perfil de Governança da Migração: Estado de São Paulo (Brasil)",
            "Estado de São Paulo",
            "state",
            "local",
            "BRA",
            "Brasil",
            "pt",
        ),
        (
            "Migration Governance Indicators Profile 2019 | The Republic of Costa Rica",
            "The Republic of Costa Rica",
            "country",
            "national",
            "CRI",
            "The Republic of Costa Rica",
            "en",
        ),
    ],
)
def test_the_title_gives_place_level_country_and_language(
    title: str, name: str, kind: str, level: str, country: str, country_name: str, language: str
) -> None:
    profile = mgi.parse_profile(_page(title))
    assert profile.title == title
    assert profile.place == mgi.Place(name, kind, mgi.Level(level), country, country_name)
    assert profile.language == language


def test_the_id_is_the_place_name_without_its_kind_and_the_year() -> None:
    page = _page("Migration Governance Profile: City of Saint-Étienne (France)", "March 2021")
    assert mgi.parse_profile(page).id == "saint-etienne-2021"
    elided = _page("Profil de gouvernance des migrations : Ville d’Abidjan (Côte d’Ivoire)")
    assert mgi.parse_profile(elided).id == "abidjan-2024"
    national = _page("Profil de gouvernance des migrations : Burkina Faso", "mars 2021")
    assert mgi.parse_profile(national).id == "burkina-faso-2021"


def test_a_place_without_a_known_kind_is_a_local_authority() -> None:
    profile = mgi.parse_profile(_page("Migration Governance Profile: Huehuetenango (Guatemala)"))
    assert (profile.place.kind, profile.place.level) == ("local authority", mgi.Level.LOCAL)


def test_what_the_caller_gives_wins_over_the_page() -> None:
    profile = mgi.parse_profile(
        SEED,
        language="en",
        level="national",
        country="Mexico",
        published="2023-01",
        id="my-copy",
        source=mgi.Source("my copy", url="https://example.org/page"),
    )
    assert (profile.id, profile.language, str(profile.published)) == ("my-copy", "en", "2023-01")
    assert profile.place.level is mgi.Level.NATIONAL
    assert (profile.place.country, profile.place.country_name) == ("MEX", "Mexico")
    assert profile.source == mgi.Source("my copy", url="https://example.org/page")
    assert profile.findings == BUNDLED.findings
    assert mgi.parse_profile(SEED, source="notes").source == mgi.Source("notes")


def test_the_caller_fills_in_a_country_the_title_lacks() -> None:
    page = _page("Local Migration Governance Indicators | Profile 2022 | City of Kenema")
    with pytest.raises(
        mgi.ParseError, match=r"line 1: cannot tell the country from 'City of Kenema'"
    ):
        mgi.parse_profile(page)
    profile = mgi.parse_profile(page, country="SLE")
    assert profile.place == mgi.Place(
        "City of Kenema", "city", mgi.Level.LOCAL, "SLE", "Sierra Leone"
    )
    assert profile.id == "kenema-2024"


def test_a_date_the_page_lacks_can_be_given() -> None:
    page = SEED.replace("2024 August\n", "")
    with pytest.raises(mgi.ParseError, match="no date line found"):
        mgi.parse_profile(page)
    assert mgi.parse_profile(page, published=mgi.YearMonth(2024, 8)) == BUNDLED


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"country": "Atlantis"}, mgi.InvalidValueError),
        ({"published": "August 2024"}, mgi.InvalidValueError),
        ({"level": "planet"}, mgi.NotFoundError),
        ({"language": "Spanish"}, mgi.InvalidValueError),
        ({"id": "Not An Id"}, mgi.InvalidValueError),
    ],
)
def test_bad_arguments_are_mgi_errors(given: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        mgi.parse_profile(SEED, **given)  # type: ignore[arg-type]


# -- text that is not a profile --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "the text is empty"),
        ("  \n\t\n", 3, "the text is empty"),
        (SEED[:ABOUT_END], _line_of(SEED, "1\nKey findings\nINTRODUCTION"), "About the Migration"),
        (
            "Weather today\nSunny, 24 degrees.\n\n• Wind: light\n• Rain: none\n",
            6,
            "no profile found",
        ),
        (SEED[: SEED.index("ALIANZAS")], _line_of(SEED, "ALIANZAS"), "domains missing"),
        (SEED.replace("2024 August", ""), SEED.count("\n") + 1, "no date line"),
        (SEED[: SEED.index("Perfil de Gobernanza")], _line_of(SEED, "Perfil de Gob"), "no title"),
    ],
    ids=["empty", "blank", "About only", "random page", "truncated", "no date", "no title"],
)
def test_text_that_holds_no_profile_is_a_parse_error(text: str, line: int, message: str) -> None:
    with pytest.raises(mgi.ParseError) as caught:
        mgi.parse_profile(text, filename="page.txt")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"page.txt: line {line}: ")
    assert isinstance(caught.value, (mgi.MGIError, ValueError))


def test_not_utf8_bytes() -> None:
    with pytest.raises(mgi.ParseError, match="not UTF-8"):
        mgi.parse_profile(SEED.encode("cp1252"))


# -- problems a lenient parse steps over -----------------------------------------

UNKNOWN_HEADING = _edit("\nALIANZAS\n", "\nCOOPERACIÓN INTERNACIONAL\n")
LIST_BEFORE_LABEL = _edit(
    "ALIANZAS\n\nGobernanza de la migración: Ejemplos de áreas bien desarrolladas:\n",
    "ALIANZAS\n\n",
)
TWICE = _edit("\nALIANZAS\n", "\nENFOQUE DE GOBIERNO INTEGRAL\n")


@pytest.mark.parametrize(
    ("text", "needle", "message", "left_out"),
    [
        (UNKNOWN_HEADING, "COOPERACIÓN", "not one of the six domain headings", 4),
        (LIST_BEFORE_LABEL, "  • La Oficina Municipal", "a finding before any label", 2),
        (
            TWICE,
            "ENFOQUE DE GOBIERNO INTEGRAL\n\nGobernanza de la migración: Ejemplos de áreas bien "
            "desarrolladas:\n\n  • La Oficina",
            "given twice",
            0,
        ),
    ],
    ids=["unknown heading", "finding before a label", "domain twice"],
)
def test_strict_stops_lenient_warns(text: str, needle: str, message: str, left_out: int) -> None:
    line = _line_of(text, needle)
    with pytest.raises(mgi.ParseError) as caught:
        mgi.parse_profile(text)
    assert caught.value.line == line
    assert caught.value.text.startswith(needle.split("\n")[0].strip())
    assert message in caught.value.message

    result = mgi.parse_profile(text, strict=False)
    assert isinstance(result, mgi.ParseResult)
    assert result.warnings[0] == mgi.Problem(f"line {line}", result.warnings[0].message)
    assert message in result.warnings[0].message
    texts = [finding.text for finding in result.profile.findings]
    # Nothing invented: every finding kept is one of the page's, in order.
    assert texts == [f.text for f in BUNDLED.findings if f.text in texts]
    assert len(BUNDLED.findings) - len(texts) == left_out
    # Nothing dropped silently: each finding left out has its own warning.
    dropped = [w for w in result.warnings if "left out" in w.message]
    assert len(dropped) >= left_out


def test_a_domain_given_twice_keeps_the_findings_of_both_under_it() -> None:
    result = mgi.parse_profile(TWICE, strict=False)
    partnerships = [f.text for f in BUNDLED.select(domain="partnerships")]
    moved = [f for f in result.profile.findings if f.text in partnerships]
    assert len(moved) == 4
    assert {f.domain for f in moved} == {2}
    assert any(
        "domains missing" in w.message and "partnerships" in w.message for w in result.warnings
    )
