"""Properties of the page reader: any profile survives to_text -> parse; no
input makes it raise anything but an mgi error, invent or silently drop a
finding."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from tests.test_parse import SEED

import mgi
from mgi._data import countries

# Words of any Latin-script language, with the punctuation profiles use.
_word = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzáéíóúñçãõâêôàèüœ"), min_size=2, max_size=9
)
_capitalised = _word.map(str.capitalize)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word, min_size=4, max_size=16))
    words[0] = words[0].capitalize()
    for index in draw(st.sets(st.integers(1, len(words) - 1), max_size=3)):
        words[index] = draw(
            st.sampled_from(
                ["(2023)", "“Puentes”", "d’une", "migrants'", "10,5", "well-developed", "OIM,"]
            )
        )
    return " ".join(words) + draw(st.sampled_from([".", ".", ";", ""]))


TITLES = {
    "en": "Migration Governance Profile: ",
    "es": "Perfil de Gobernanza de la Migración: ",
    "fr": "Profil de gouvernance des migrations : ",
    "pt": "Perfil de Governança da Migração: ",
}
KINDS = {
    "en": {"City of": "city", "County of": "county", "Municipality of": "municipality"},
    "es": {"Municipalidad de": "municipality", "Ciudad de": "city", "Provincia de": "province"},
    "fr": {"Ville de": "city", "Commune de": "municipality", "Province du": "province"},
    "pt": {"Município de": "municipality", "Cidade de": "city", "Estado de": "state"},
}


@st.composite
def _places(draw: st.DrawFn, language: str) -> mgi.Place:
    code = draw(st.sampled_from(countries().codes))
    country_name = countries().name(code, language)
    assert country_name is not None
    if draw(st.booleans()):
        return mgi.Place(country_name, "country", mgi.Level.NATIONAL, code, country_name)
    phrase, kind = draw(st.sampled_from(sorted(KINDS[language].items())))
    name = " ".join(draw(st.lists(_capitalised, min_size=1, max_size=3)))
    return mgi.Place(f"{phrase} {name}", kind, mgi.Level.LOCAL, code, country_name)


@st.composite
def page_profiles(draw: st.DrawFn, language: str) -> mgi.Profile:
    """Profiles in ``language`` as pages hold them: every domain, findings in page order."""
    place = draw(_places(language))
    where = (
        place.name if place.level is mgi.Level.NATIONAL else f"{place.name} ({place.country_name})"
    )
    findings = []
    for domain in range(1, 7):
        sizes = draw(
            st.tuples(st.integers(0, 2), st.integers(0, 2)).filter(lambda pair: sum(pair) > 0)
        )
        for kind, size in zip(mgi.FindingKind, sizes, strict=True):
            findings += [mgi.Finding(domain, kind, draw(_sentence())) for _ in range(size)]
    return mgi.Profile(
        id=draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        title=TITLES[language] + where,
        place=place,
        language=language,
        published=mgi.YearMonth(draw(st.integers(1990, 2100)), draw(st.integers(1, 12))),
        introduction=tuple(draw(st.lists(_sentence(), max_size=3))),
        findings=tuple(findings),
        source=mgi.Source(draw(_sentence()), draw(st.none() | st.just("https://example.org"))),
    )


@pytest.mark.parametrize("language", sorted(TITLES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_to_text_then_parse_gives_the_profile_back(language: str, data: st.DataObject) -> None:
    profile = data.draw(page_profiles(language))
    text = profile.to_text()
    assert mgi.parse_profile(text, id=profile.id, source=profile.source) == profile


# Lines of every sort the reader knows, to mix with arbitrary text.
_KNOWN_LINES = [
    *sorted(set(SEED.split("\n"))),
    "• ",
    "3. ALIANZAS",
    "Points forts :",
    "Migration Governance Profile: City of X (Atlantis)",
    "Migration Governance Profile: Kingdom of Morocco",
    "Perfil de Gobernanza de la Migración: (Guatemala)",
    "Local Migration Governance Indicators | Profile 2022 |",
    "2999 December",
    "1899 January",
    "2024 13",
    "INTRODUCTION",
]


@settings(max_examples=150, deadline=None)
@given(
    st.text()
    | st.lists(st.sampled_from(_KNOWN_LINES) | st.text(max_size=30), max_size=60).map("\n".join)
)
def test_any_text_gives_a_profile_or_an_mgi_error(text: str) -> None:
    for strict in (True, False):
        with contextlib.suppress(mgi.MGIError):
            mgi.parse_profile(text, strict=strict)


@settings(max_examples=150, deadline=None)
@given(st.binary())
def test_any_bytes_give_a_profile_or_an_mgi_error(data: bytes) -> None:
    with contextlib.suppress(mgi.MGIError):
        mgi.parse_profile(data)


SEED_LINES = SEED.split("\n")
SEED_FINDINGS = {line[4:] for line in SEED_LINES if line.startswith("  • ")}


@st.composite
def _damaged_pages(draw: st.DrawFn) -> list[str]:
    """The seed with lines dropped, repeated, moved or replaced by other text."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "move", "replace"]))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(at))
        else:
            lines[at] = draw(st.sampled_from(["", "OTRA SECCIÓN", "texto suelto.", "• "]))
    return lines


def _body_start(lines: list[str]) -> int:
    """Where the profile starts: INTRODUCTION, or a heading with a label under it."""
    for index, line in enumerate(lines):
        if line == "INTRODUCTION":
            return index
        if mgi.domains.get(line) and not line.isdigit():
            following = [text for text in lines[index + 1 :] if text.strip()]
            following = [text for text in following if text not in ("1", "Key findings")]
            if following and following[0].endswith(":") and not following[0].startswith(" "):
                return index
    return len(lines)


def _made_of_lines(text: str, lines: list[str]) -> bool:
    """Whether ``text`` is a bulleted line joined with the lines under it."""
    for index, line in enumerate(lines):
        if not line.startswith("  • "):
            continue
        joined = line[4:]
        for following in lines[index + 1 :]:
            if joined == text or not text.startswith(joined + " "):
                break
            joined += " " + following.strip()
        if joined == text:
            return True
    return False


@settings(max_examples=120, deadline=None)
@given(_damaged_pages())
def test_a_damaged_page_never_gets_invented_or_silently_dropped_findings(
    lines: list[str],
) -> None:
    try:
        result = mgi.parse_profile("\n".join(lines), strict=False)
    except mgi.ParseError:
        return
    kept = [finding.text for finding in result.profile.findings]
    assert all(_made_of_lines(text, lines) for text in kept)  # nothing invented
    warned = {warning.location for warning in result.warnings}
    for number, line in enumerate(lines[_body_start(lines) :], _body_start(lines) + 1):
        if line.startswith("  • "):
            found = any(text.startswith(line[4:]) for text in kept)
            assert found or f"line {number}" in warned, number  # nor dropped unsaid
