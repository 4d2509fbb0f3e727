"""The packaged country table: names in English, Spanish and French to ISO codes."""

from __future__ import annotations

import pytest

import mgi
from mgi._data import countries, read_document


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Guatemala", "GTM"),
        ("República de Guatemala", "GTM"),
        ("République du Guatemala", "GTM"),
        ("Kingdom of Morocco", "MAR"),
        ("Royaume du Maroc", "MAR"),
        ("Marruecos", "MAR"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Costa de Marfil", "CIV"),
        ("The Republic of Costa Rica", "CRI"),
        ("El Salvador", "SLV"),
        ("Estados Unidos Mexicanos", "MEX"),
        ("MÉXICO", "MEX"),
        ("Republic of Korea", "KOR"),
        ("Congo", "COG"),
        ("République démocratique du Congo", "COD"),
        ("Brasil", "BRA"),
    ],
)
def test_official_and_short_names_in_three_languages(name: str, code: str) -> None:
    assert countries().code(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "Korea", "", "Republic of", "de"])
def test_unknown_or_ambiguous_names_give_none(name: str) -> None:
    assert countries().code(name) is None


def test_every_display_name_maps_back_to_its_code() -> None:
    table = countries()
    assert len(table.codes) == 249
    for code in table.codes:
        for language in ("en", "es", "fr", "pt"):
            name = table.name(code, language)
            assert name is not None
            assert table.code(name) == code, (code, language, name)


def test_the_table_records_where_it_comes_from() -> None:
    document, _ = read_document("countries.json")
    assert "pycountry" in document["source"]
    assert "iso-codes" in document["source"]
    assert "tools/make_countries.py" in document["about"]
    assert "Korea" in document["left_out"]
    topics = [source.topic for source in mgi.provenance().sources]
    assert any("countries.json" in topic for topic in topics)


def test_a_name_given_to_two_countries_is_a_data_error() -> None:
    from mgi._countries import Countries, CountryEntry

    entries = [
        CountryEntry("AAA", {"en": "A"}, ("Same",)),
        CountryEntry("BBB", {"en": "B"}, ("same",)),
    ]
    with pytest.raises(mgi.DataError, match=r"\$\.countries\[1\]\.forms: the name 'same'"):
        Countries(entries, "countries.json")
