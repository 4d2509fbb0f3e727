"""Filters never answer a typo with silence: a value that names nothing is an
error with suggestions, a real value that no profile has an empty answer;
countries, languages and years as people write them."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest

import mgi
from mgi._languages import fallbacks, language, tag

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]
FOUND = ("huehuetenango-2024",)


@pytest.mark.parametrize(
    "country",
    ["GTM", "gtm", "GT", "gt", "Guatemala", "GUATEMALA", "república de guatemala", "Guatémala"],
)
def test_a_country_by_either_code_or_any_name_in_any_case(country: str) -> None:
    assert mgi.profiles.filter(country=country).ids == FOUND


@pytest.mark.parametrize("country", ["France", "FR", "FRA", "Francia", "Costa de Marfil"])
def test_a_real_country_that_no_profile_has_gives_nothing(country: str) -> None:
    assert mgi.profiles.filter(country=country) == mgi.Profiles([])


@pytest.mark.parametrize(
    ("country", "suggested"),
    [("guatemla", "Guatemala"), ("Guate mala", "Guatemala"), ("frnace", "France")],
)
def test_a_country_that_names_nothing_is_an_error_with_suggestions(
    country: str, suggested: str
) -> None:
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.profiles.filter(country=country)
    assert caught.value.what == "country"
    assert caught.value.key == country
    assert suggested in caught.value.suggestions


def test_a_country_unknown_to_the_table_is_found_as_a_profile_writes_it() -> None:
    kosovo = attrs.evolve(
        HUEHUETENANGO,
        id="pristina-2023",
        place=attrs.evolve(HUEHUETENANGO.place, country="XKX", country_name="Kosovo"),
    )
    profiles = mgi.Profiles([HUEHUETENANGO, kosovo])
    assert profiles.filter(country="kosovo").ids == ("pristina-2023",)
    assert profiles.filter(country="xkx").ids == ("pristina-2023",)
    with pytest.raises(mgi.NotFoundError, match="did you mean 'Kosovo'"):
        profiles.filter(country="kosvo")


@pytest.mark.parametrize(
    "value", ["es", "ES", "es-GT", "es_gt", "ES-419", "spa", "Spanish", "español"]
)
def test_a_language_as_people_write_it(value: str) -> None:
    assert mgi.profiles.filter(language=value).ids == FOUND


@pytest.mark.parametrize("value", ["en", "EN-us", "de", "quc", "Portuguese"])
def test_a_real_language_that_no_profile_has_gives_nothing(value: str) -> None:
    assert len(mgi.profiles.filter(language=value)) == 0


@pytest.mark.parametrize(("value", "suggested"), [("xx", "es"), ("spanich", "Spanish")])
def test_a_language_that_names_nothing_is_an_error(value: str, suggested: str) -> None:
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.profiles.filter(language=value)
    assert caught.value.what == "language"
    assert suggested in caught.value.suggestions


def test_a_profile_in_a_three_letter_language_is_found_by_either_code() -> None:
    spanish = attrs.evolve(HUEHUETENANGO, id="spa-2024", language="spa")
    profiles = mgi.Profiles([spanish])
    assert profiles.filter(language="es").ids == ("spa-2024",)
    assert profiles.filter(language="ES-gt").ids == ("spa-2024",)


@pytest.mark.parametrize("year", [2024, "2024", " 2024 "])
def test_a_year_as_a_number_or_digits(year: int | str) -> None:
    assert mgi.profiles.filter(year=year).ids == FOUND


def test_a_real_year_that_no_profile_has_gives_nothing() -> None:
    assert len(mgi.profiles.filter(year="2019")) == 0


@pytest.mark.parametrize("year", ["20x4", "2024-08", "24", 1, "", True, 2024.0])
def test_a_year_that_names_nothing_is_an_error(year: object) -> None:
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.profiles.filter(year=year)  # type: ignore[arg-type]
    assert caught.value.what == "year"


def test_the_close_year_is_suggested() -> None:
    with pytest.raises(mgi.NotFoundError, match=r"did you mean '2024'"):
        mgi.profiles.filter(year="20244")


@pytest.mark.parametrize("criterion", ["country", "language"])
def test_a_value_of_the_wrong_type_is_a_clear_error(criterion: str) -> None:
    with pytest.raises(mgi.InvalidValueError, match=criterion):
        mgi.profiles.filter(**{criterion: 3})  # type: ignore[arg-type]


def test_searches_read_the_same_values() -> None:
    assert len(mgi.search("migrantes", country="gt", language="ES", year="2024")) == 16
    assert len(mgi.search("migrantes", country="France")) == 0
    with pytest.raises(mgi.NotFoundError, match="unknown country 'guatemla'"):
        mgi.search("migrantes", country="guatemla")
    with pytest.raises(mgi.NotFoundError, match="unknown language"):
        mgi.search("migrantes", language="xx")


def _mgi(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mgi", *arguments], capture_output=True, text=True, check=False
    )


def test_the_shell_fails_on_a_typo_instead_of_printing_no_matches() -> None:
    typo = _mgi("search", "migra", "--country", "guatemla")
    assert typo.returncode == 1
    assert typo.stdout == ""
    assert typo.stderr.startswith("mgi: error: unknown country 'guatemla' (did you mean")
    found = _mgi("search", "migra", "--country", "GT", "--lang", "es-GT", "--year", "2024")
    assert found.returncode == 0
    assert found.stdout.startswith("huehuetenango-2024: ")
    elsewhere = _mgi("search", "migra", "--country", "France")
    assert (elsewhere.returncode, elsewhere.stdout) == (
        0,
        "no matches for 'migra'. No profile met the criteria.\n",
    )


# -- language tags ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("es", "es"),
        ("ES", "es"),
        ("es_gt", "es-GT"),
        ("zh-hant-TW", "zh-Hant-TW"),
        ("sr-Latn-RS-x-private", "sr-Latn-RS-x-private"),
        ("Spanish", None),
        ("e", None),
        ("es-", None),
        ("", None),
    ],
)
def test_tags_are_read_in_any_case(text: str, read: str | None) -> None:
    assert tag(text) == read


@pytest.mark.parametrize("text", ["\u212aa", "e\u017f", "es-\u212a\u212a", "ｅｓ"])
def test_a_tag_is_ascii_letters_and_digits(text: str) -> None:
    # The Kelvin sign and the long s fold to k and s, and full-width letters
    # are letters: none of them is in a tag, so none names a language.
    assert tag(text) is None
    assert language(text) is None


def test_a_tag_falls_back_to_its_language() -> None:
    assert fallbacks("es-419") == ("es-419", "es")
    assert language("pt_BR") == "pt"
    assert fallbacks("nonsense!") == ()


def test_domain_names_by_tag() -> None:
    partnerships = mgi.domains[3]
    assert partnerships.name_in("es-GT") == partnerships.name_in("ES") == "Alianzas"
    assert partnerships.name_in("fr-CA") == "Partenariats"
    assert partnerships.name_in("pt-BR") is None
    assert partnerships.name_in("not a tag") is None


def test_a_fallback_to_english_is_said_in_the_data() -> None:
    crises = mgi.domains[5]
    assert crises.name_in("de") is None
    name = crises.name_for("de-CH")
    assert (name.text, name.language) == ("Mobility dimensions of crises", "en")
    german = mgi.domains[1].name_for("DE")
    assert german.language == "de"


# -- suggestions by the beginnings of words -----------------------------------------


@pytest.mark.parametrize(
    ("key", "slug"),
    [("bienestar", "wellbeing"), ("derechos", "migrants_rights"), ("movilidad", "crises")],
)
def test_a_partial_name_suggests_its_domain(key: str, slug: str) -> None:
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.domains[key]
    assert slug in caught.value.suggestions


def test_a_misspelt_name_still_suggests_by_spelling() -> None:
    with pytest.raises(mgi.NotFoundError, match="did you mean 'partnerships'"):
        mgi.domains["parnterships"]


def test_two_letters_suggest_no_beginnings() -> None:
    # "de" begins words of most names: too short to be a useful hint.
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.domains["de"]
    assert caught.value.suggestions == ()
