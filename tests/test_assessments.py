"""The catalogue of known MGI assessments: every entry checked against the
copies of the facts in tests/fixtures/facts/, its incompleteness stated
wherever it is shown, and the lookups an analyst relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from tests.scripts import load_script

import mgi
from mgi._data import countries, read_document
from mgi.catalogue import ASSESSMENT_COLUMNS

ROOT = Path(__file__).parent.parent
FACTS = Path(__file__).parent / "fixtures" / "facts"
CATALOGUE = mgi.assessments
JSON_FACTS = json.loads((FACTS / "mgi-facts.json").read_text(encoding="utf-8"))
ADDITIONS = (FACTS / "mgi-facts-additions.md").read_text(encoding="utf-8")


def _tool(name: str) -> ModuleType:
    return load_script(f"tools/{name}.py")


def test_the_packaged_file_is_what_the_script_makes_of_the_facts() -> None:
    document, _ = read_document("assessments.json")
    assert _tool("make_assessments").build(FACTS) == document


# -- every entry against the facts ---------------------------------------------------


def _entry(level: str, place: str) -> mgi.Assessment:
    (found,) = [a for a in CATALOGUE if a.level.value == level and place in a.names]
    return found


@pytest.mark.parametrize(
    "fact",
    JSON_FACTS["catalogue"],
    ids=lambda fact: fact.get("place", fact["country"]),
)
def test_every_catalogue_fact_is_an_entry(fact: dict[str, object]) -> None:
    place = str(fact.get("place", fact["country"]))
    if place == "Caribbean Community (regional)":  # a regional user: left out, and said so
        assert CATALOGUE.get("Caribbean Community") is None
        part = next(p for p in mgi.provenance().sources if p.topic.startswith("catalogue"))
        assert "the Caribbean Community (a regional user)" in (part.note or "")
        return
    entry = _entry(str(fact["level"]), place)
    assert entry.country == countries().code(str(fact["country"]))
    assert entry.country_name == countries().name(entry.country, "en")
    assert fact["source"] in entry.sources
    years = fact["years"]
    assert isinstance(years, list)
    if fact.get("uncertain"):
        assert entry.year is None or (entry.year in years and entry.year == max(years))
    else:
        assert entry.year == (years[0] if years else None)
    second = f"{place} (second profile)" in ADDITIONS  # a portal page of a second profile
    assert entry.follow_up == (fact.get("follow_up", False) or second)
    assert entry.note is not None or "note" not in fact
    if "note" in fact:
        assert str(fact["note"]) in entry.note  # type: ignore[operator]


def test_every_profile_of_the_additions_is_an_entry() -> None:
    part = ADDITIONS.split("## C.")[1].split("\n## ")[0]
    rows = re.findall(r"^\| (.+?) \| (.+?) \| (local|national) \| (https://\S+) \|$", part, re.M)
    assert len(rows) == 7
    for place, country, level, address in rows:
        found = [a for a in CATALOGUE if address in a.addresses]
        assert len(found) == 1, place
        assert found[0].country == countries().code(country)
        assert found[0].level.value == level
    assert CATALOGUE["Guatemala"].follow_up  # its second profile
    assert CATALOGUE["City of Accra"] is CATALOGUE["Accra"]  # the same assessment


def test_every_place_named_in_the_facts_tables_is_found() -> None:
    # Independently of the JSON facts: the first column of the Markdown
    # tables of §6.2 and §6.3, each place looked up by name.
    text = (FACTS / "mgi-facts.md").read_text(encoding="utf-8")
    section = text.split("### 6.2 National assessments")[1].split("## 7.")[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith(("| Country", "| Local authority")):
            first = line.split("|")[1].strip()
            if not first.startswith("---"):
                names += [name.strip() for name in re.split(r"[;,] ", first)]
    assert len(names) == 65
    missing = [
        name
        for name in names
        if name != "Caribbean Community (regional)" and CATALOGUE.get(name) is None
    ]
    assert missing == []


def test_the_publication_record_of_villa_del_rosario() -> None:
    entry = CATALOGUE["Villa del Rosario"]
    assert (entry.year, entry.language, entry.kind) == (2021, "es", "municipality")
    assert "PUB2021/047/L" in (entry.note or "")
    assert "original language Spanish" in (entry.note or "")
    assert entry is CATALOGUE["Municipio de Villa del Rosario"]


def test_years_languages_and_kinds_only_where_the_facts_show_them() -> None:
    assert CATALOGUE["Senegal"].year is None  # "profile year uncertain"
    assert CATALOGUE["São Paulo"].year is None  # "profile year not directly seen"
    assert CATALOGUE["Honduras"].year == 2022  # the second report; 2018 is inferred
    assert CATALOGUE["Burkina Faso"].language == "fr"
    assert CATALOGUE["Albania"].language == "sq"
    assert CATALOGUE["Durango"].kind is None  # a state or a city: the facts do not say
    assert CATALOGUE["Estado de Nuevo León"].kind == "state"
    national = CATALOGUE.filter(level="national")
    assert {entry.kind for entry in national} == {"country"}
    for entry in CATALOGUE:
        for address in entry.addresses:
            assert "migrationdataportal" in address or "publications.iom.int" in address
            assert address in entry.sources


def test_the_bundled_profile_links_to_its_entry() -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    entry = profile.assessment
    assert entry is CATALOGUE["Huehuetenango"]
    assert entry is CATALOGUE.for_profile(profile) is CATALOGUE.for_profile(profile.id)
    assert entry is not None
    assert entry.profile == profile.id
    assert (entry.place, entry.country, entry.level, entry.year, entry.language) == (
        profile.place.name,
        profile.place.country,
        profile.place.level,
        profile.published.year,
        profile.language,
    )
    assert entry.sources == (profile.source.description,)
    assert attrs.evolve(profile, id="my-copy-2025").assessment is None


# -- incomplete, and saying so --------------------------------------------------------


def test_counts_against_the_published_count() -> None:
    assert len(CATALOGUE) == 70
    assert len(CATALOGUE.filter(level="national")) == 36
    assert len(CATALOGUE.filter(level="local")) == 34
    published = CATALOGUE.published
    assert published is not None
    fact = next(c for c in JSON_FACTS["headline_counts"] if c["value"].startswith("112"))
    assert (published.countries, published.local, published.total) == (112, 104, 216)
    assert published.source == fact["source"]
    assert str(published.year) in fact["date"]
    assert published.cited_as in fact["date"]


def test_the_notice_is_everywhere_the_catalogue_is_shown() -> None:
    notice = CATALOGUE.notice
    assert notice == (
        "70 assessments listed here (36 countries, 34 local authorities) of about 216 "
        "published (112 countries and 104 cities, Success Stories 2024): this catalogue "
        "is incomplete."
    )
    assert "70 listed of about 216 published: incomplete" in repr(CATALOGUE)
    assert notice in CATALOGUE._repr_html_()
    assert "this catalogue is incomplete" in CATALOGUE._repr_markdown_()
    one = CATALOGUE.filter(country="UKR")
    assert one.notice.startswith("1 assessment listed here (1 local authority) of about 216")
    assert "incomplete" in repr(one)
    bare = mgi.Assessments(list(CATALOGUE)[:2])
    assert bare.published is None
    assert "incomplete" in bare.notice
    assert "incomplete" in repr(bare)
    provenance = next(p for p in mgi.provenance().sources if p.topic.startswith("catalogue"))
    assert "incomplete" in provenance.topic
    assert "70 entries (36 countries, 34 local authorities)" in (provenance.note or "")


# -- lookups ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "place"),
    [
        ("MONTREAL", "Montréal"),
        ("sao paulo", "São Paulo (city)"),
        ("São Paulo (city)", "São Paulo (city)"),
        ("ciudad de mexico", "Ciudad de México"),
        ("Accra Metropolitan Assembly", "Accra"),
        ("tulcan", "Tulcán"),
    ],
)
def test_places_by_name_ignoring_case_and_accents(key: str, place: str) -> None:
    assert CATALOGUE[key].place == place
    assert key in CATALOGUE


def test_the_miss_rules() -> None:
    with pytest.raises(
        mgi.NotFoundError, match=r"unknown place 'Kenemaa' \(did you mean 'Kenema'"
    ):
        CATALOGUE["Kenemaa"]
    for key in ["Atlantis", "", None, 3.5, ["Kenema"], "x" * 10_000]:
        assert CATALOGUE.get(key) is None
        assert (key in CATALOGUE) is False
    with pytest.raises(mgi.PositionError):
        CATALOGUE[70]


@pytest.mark.parametrize("country", ["MEX", "mex", "Mexico", "México", "Mexique", "MÉXICO"])
def test_filter_by_country_code_or_name(country: str) -> None:
    found = CATALOGUE.filter(country=country)
    assert {entry.country for entry in found} == {"MEX"}
    assert len(found) == 6
    assert found.published == CATALOGUE.published


def test_filters_refuse_what_names_nothing() -> None:
    with pytest.raises(mgi.NotFoundError, match=r"unknown country 'Guatamala' \(did you mean"):
        CATALOGUE.filter(country="Guatamala")
    with pytest.raises(mgi.NotFoundError, match="unknown level 'regional'"):
        CATALOGUE.filter(level="regional")  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="year: expected a year as an int"):
        CATALOGUE.filter(year="2021")  # type: ignore[arg-type]
    assert len(CATALOGUE.filter(country="France")) == 0  # a country, not in the catalogue


def test_filter_by_level_and_year() -> None:
    assert CATALOGUE.filter(level="city") == CATALOGUE.filter(level="local")
    assert [entry.place for entry in CATALOGUE.filter(year=2021, level="national")] == [
        "Angola",
        "Burkina Faso",
        "Cabo Verde",
        "Guinea-Bissau",
        "Madagascar",
    ]


def test_the_table() -> None:
    table = CATALOGUE.filter(country="GTM").table()
    assert table.columns == ASSESSMENT_COLUMNS
    records = table.to_records()
    assert [r["place"] for r in records] == [
        "Guatemala",
        "Municipalidad de Huehuetenango",
        "San Marcos",
    ]
    assert records[1]["profile"] == "huehuetenango-2024"
    assert records[2]["year"] is None
    assert records[0]["addresses"].endswith("guatemala-second-profile")
    assert " | " in records[0]["sources"]
    assert table.to_csv().splitlines()[3].startswith("San Marcos,,GTM,Guatemala,local,,,False,,")


def test_records_refuse_impossible_values() -> None:
    entry = CATALOGUE["Kenema"]
    with pytest.raises(mgi.InvalidValueError, match="country: expected an ISO 3166-1"):
        attrs.evolve(entry, country="Sierra Leone")
    with pytest.raises(mgi.InvalidValueError, match="sources: expected at least one source"):
        attrs.evolve(entry, sources=())
    with pytest.raises(mgi.InvalidValueError, match="year: expected a year"):
        attrs.evolve(entry, year=22)
    with pytest.raises(mgi.InvalidValueError, match="item 0: expected Assessment"):
        mgi.Assessments(["Kenema"])  # type: ignore[list-item]
