"""The official SDG 10.7.2 results: every packaged value checked against the
copies of its sources in tests/fixtures/sdg-10-7-2/, and the queries,
tables and comparison an analyst relies on."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections import Counter
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from tests.scripts import load_script

import mgi
from mgi._data import countries, read_document
from mgi.results import RESULT_COLUMNS, WIDE_COLUMNS, ResultsDocument, collections_of

ROOT = Path(__file__).parent.parent
SOURCES = Path(__file__).parent / "fixtures" / "sdg-10-7-2"
RESULTS = mgi.sdg.results


def _tool(name: str) -> ModuleType:
    return load_script(f"tools/{name}.py")


MAKE = _tool("make_sdg_results")


def _rows(name: str) -> list[list[str]]:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    return list(csv.reader(line for line in lines if not line.startswith("#")))


def _result(code: str, year: int, domain: int | None) -> mgi.SdgResult:
    (found,) = [r for r in RESULTS if (r.country, r.year, r.domain) == (code, year, domain)]
    return found


def _keys(result: mgi.SdgResult) -> list[str]:
    return [source.key for source in result.sources]


# -- the packaged file is the script's output ----------------------------------------


def test_the_packaged_file_is_what_the_script_makes_of_the_sources() -> None:
    document, _ = read_document("sdg-results.json")
    assert MAKE.build(SOURCES) == document


def test_the_sources_are_verbatim_copies_with_their_origins() -> None:
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    for name in (
        "owid-all-domains-2019-2021.csv",
        "national-platforms.txt",
        "un-sdmx-nordics-2021.csv",
        "un-sdmx-regions-share-2021.csv",
    ):
        assert name in readme
    assert "United Nations – processed by Our World in Data" in readme


# -- every value against its source ---------------------------------------------------


def test_every_owid_value_is_an_overall_result_from_owid() -> None:
    header, *rows = _rows("owid-all-domains-2019-2021.csv")
    assert "SG_CPA_MIGRS - All Domains" in header[3]
    assert len(rows) == 198
    assert Counter(row[2] for row in rows) == {"2019": 110, "2021": 88}
    for entity, code, year, value in rows:
        result = _result(code, int(year), None)
        assert result.category == int(value), (entity, year)
        assert "owid" in _keys(result)
    from_owid = [r for r in RESULTS if "owid" in _keys(r)]
    assert len(from_owid) == 198
    assert all(r.domain is None for r in from_owid)


def test_every_nordic_value_is_a_2021_result() -> None:
    header, *rows = _rows("un-sdmx-nordics-2021.csv")
    codes = [countries().code(name) for name in header[1:]]
    assert codes == ["DNK", "FIN", "ISL", "NOR", "SWE"]
    # The rows are the six domains in order, then the overall value.
    for domain, row in zip([1, 2, 3, 4, 5, 6, None], rows, strict=True):
        for code, value in zip(codes, row[1:], strict=True):
            result = _result(code, 2021, domain)  # type: ignore[arg-type]
            assert result.category == int(value), (code, row[0])
            assert "un-sdmx-nordics" in _keys(result)


def _blocks() -> dict[str, list[str]]:
    text = (SOURCES / "national-platforms.txt").read_text(encoding="utf-8")
    found = {}
    for part in text.split("\n== ")[1:]:
        heading, *lines = part.splitlines()
        found[heading.split()[0]] = [heading, *(line for line in lines if line.strip())]
    return found


@pytest.mark.parametrize(
    ("repository", "code", "key"),
    [
        ("sdg-data-canada-odd-donnees/sdg-data-donnees-odd", "CAN", "canada"),
        ("NSOMalta/sdgdata", "MLT", "malta"),
        ("armstat/sdg-data-armenia", "ARM", "armenia"),
        ("sdgbih/sdg-data-bosnia", "BIH", "bosnia"),
    ],
)
def test_every_value_of_a_platform_table_is_a_result(repository: str, code: str, key: str) -> None:
    # Independently of the script's label tables: within each year, a label
    # that names the whole (Total, All Domains, ALLDOMAINS) is the overall
    # value and the others are domains 1 to 6 in the order given.
    _, _header, *rows = _blocks()[repository]
    years: dict[str, list[tuple[str, str]]] = {}
    for row in csv.reader(rows):
        years.setdefault(row[0], []).append((row[-2], row[-1]))
    for year, values in years.items():
        whole = [value for label, value in values if re.search("total|all", label, re.I)]
        parts = [value for label, value in values if not re.search("total|all", label, re.I)]
        assert len(parts) == 6
        for domain, value in enumerate(parts, 1):
            result = _result(code, int(year), domain)
            assert (result.category, _keys(result)) == (int(value), [key])
        for value in whole:
            assert _result(code, int(year), None).category == int(value)
            assert key in _keys(_result(code, int(year), None))


def test_croatia_kyrgyzstan_kazakhstan_and_papua_new_guinea() -> None:
    blocks = _blocks()
    _header, values = blocks["CroatianBureauOfStatistics/sdg-indicators"][1:]
    year, total, *domains = next(csv.reader([values]))
    assert year == "2020/2021"  # the 2021 round
    assert _result("HRV", 2021, None).category == int(total)
    assert [_result("HRV", 2021, n).category for n in range(1, 7)] == list(map(int, domains))
    assert "2020/2021" in RESULTS.latest("HRV").sources[1].note  # type: ignore[operator]
    kyrgyz = blocks["sdg-kyrgyzstan/open-sdg-data-starter"][1]
    found = [int(item.rsplit(" ", 1)[1]) for item in kyrgyz.split("; ")]
    assert [_result("KGZ", 2021, d).category for d in [None, 1, 2, 3, 4, 5, 6]] == found
    assert [_keys(_result("KAZ", year, None)) for year in (2021, 2023)] == [
        ["owid", "kazakhstan"],
        ["kazakhstan"],
    ]
    assert "2019 all domains = 2" in blocks["bitlab-abdullah/png-data"][0]
    assert _keys(_result("PNG", 2019, None)) == ["owid", "papua-new-guinea"]
    assert RESULTS.filter(country="PNG", domain=1) == mgi.SdgResults([])


def test_counts_of_overall_and_per_domain_values() -> None:
    overall = RESULTS.filter(domain="overall")
    assert len(overall) == 200  # 198 from Our World in Data, KGZ 2021, KAZ 2023
    by_domain = Counter(r.country for r in RESULTS if r.domain is not None)
    assert by_domain == {
        "CAN": 12,
        "MLT": 6,
        "ARM": 12,
        "BIH": 6,
        "HRV": 6,
        "KGZ": 6,
        "DNK": 6,
        "FIN": 6,
        "ISL": 6,
        "NOR": 6,
        "SWE": 6,
    }
    assert len(RESULTS) == 278


def test_values_given_by_two_sources_are_kept_once_with_both() -> None:
    twice = {(r.country, r.year) for r in RESULTS if len(r.sources) == 2}
    # The README's cross-check: 12 country-years, all in agreement.
    assert twice == {
        ("CAN", 2019),
        ("CAN", 2021),
        ("MLT", 2019),
        ("BIH", 2021),
        ("HRV", 2021),
        ("DNK", 2021),
        ("FIN", 2021),
        ("ISL", 2021),
        ("NOR", 2021),
        ("SWE", 2021),
        ("KAZ", 2021),
        ("PNG", 2019),
    }
    assert all(r.domain is None for r in RESULTS if len(r.sources) == 2)


def test_overall_values_lie_within_the_range_of_their_domains() -> None:
    # The overall value is the mean of the domain values, so its category
    # cannot fall outside theirs: a check that the domains were read in order.
    for code in ("CAN", "MLT", "ARM", "BIH", "HRV", "KGZ", "DNK", "FIN", "ISL", "NOR", "SWE"):
        for year in RESULTS[code].years:
            found = RESULTS.filter(country=code, year=year)
            domains = [r.category for r in found if r.domain]
            overall = [r.category for r in found if r.domain is None]
            if domains and overall:
                assert min(domains) <= overall[0] <= max(domains), (code, year)
    assert len(RESULTS.filter(country="ARM", year=2021, domain="overall")) == 0  # not published


def test_categories_and_labels_are_those_of_the_method() -> None:
    method = (SOURCES / "metadata-computation-method.txt").read_text(encoding="utf-8")
    found = re.search(r"\(1 = (.+?); 2 = (.+?); 3 = (.+?); 4 = (.+?)\)", method)
    assert found is not None
    for result in RESULTS:
        assert result.label == found[int(result.category)]
    row = RESULTS["CAN"].table().to_records()[0]
    assert (row["category"], row["label"]) == (3, "Meets")


def test_country_names_come_from_the_bundled_table() -> None:
    table = countries()
    for result in RESULTS:
        assert result.country_name == table.name(result.country, "en")
    assert RESULTS["RUS"][0].country_name == "Russian Federation"


def test_regional_shares_are_the_published_percentages() -> None:
    header, values = _rows("un-sdmx-regions-share-2021.csv")
    assert [share.area for share in mgi.sdg.shares] == header[1:]
    for share, value in zip(mgi.sdg.shares, values[1:], strict=True):
        assert (share.year, share.percent) == (2021, float(value))
        assert share.source.key == "un-sdmx-regions"
    assert round(float(Fraction(86, 138) * 100), 4) == mgi.sdg.shares["World"].percent
    assert mgi.sdg.shares["Oceania"].area == "Oceania*"  # kept as published


def test_every_source_names_its_origin() -> None:
    sources = {source.key: source for source in RESULTS.sources}
    assert sources["owid"].citation == "United Nations – processed by Our World in Data"
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    platforms = (SOURCES / "national-platforms.txt").read_text(encoding="utf-8")
    for source in [*RESULTS.sources, mgi.sdg.shares[0].source]:
        repository = source.origin.split()[0].removeprefix("github:")
        if source.key == "owid":
            repository = source.origin.split("github:")[1].split()[0]
        assert repository in readme or repository in platforms, source.key
        commit = re.search(r"@([0-9a-f]{40})", source.origin)
        if commit:
            assert commit[1] in readme + platforms
    listed = {s for part in mgi.provenance().sources for s in part.sources}
    for source in RESULTS.sources:
        assert any(source.origin.endswith(item.removeprefix("github:")) for item in listed) or any(
            item in source.origin for item in listed
        ), source.key


# -- the script stops on what it cannot settle ---------------------------------------


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


def test_a_disagreement_between_sources_stops_the_script(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    owid = folder / "owid-all-domains-2019-2021.csv"
    owid.write_text(owid.read_text().replace("Canada,CAN,2021,3", "Canada,CAN,2021,2"))
    with pytest.raises(MAKE.SourceError, match=r"CAN 2021 overall: \['owid'\] give 2, canada"):
        MAKE.build(folder)


def test_an_unknown_label_or_code_stops_the_script(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    platforms = folder / "national-platforms.txt"
    text = platforms.read_text(encoding="utf-8")
    platforms.write_text(text.replace("2019,Migrant rights,3", "2019,Migrant right,3"))
    with pytest.raises(MAKE.SourceError, match="unknown label 'Migrant right'"):
        MAKE.build(folder)
    platforms.write_text(text)
    owid = folder / "owid-all-domains-2019-2021.csv"
    owid.write_text(owid.read_text().replace("Angola,AGO", "Angola,AGX"))
    with pytest.raises(MAKE.SourceError, match="'Angola' is AGO, not AGX"):
        MAKE.build(folder)


# -- queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["CAN", "can", "Canada", "CANADÁ", "Canadá", "le Canada"])
def test_a_country_by_code_or_name_in_any_case(country: str) -> None:
    assert RESULTS.filter(country=country).countries == ("CAN",)
    assert RESULTS[country] == RESULTS.filter(country="CAN")


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russia", "RUS"), ("TURKEY", "TUR"), ("Cape Verde", "CPV"), ("Türkiye", "TUR")],
)
def test_names_the_sources_use_find_their_country(name: str, code: str) -> None:
    assert RESULTS[name].countries == (code,)


def test_a_name_that_is_no_country_raises_with_suggestions() -> None:
    with pytest.raises(
        mgi.NotFoundError, match=r"unknown country 'Swedn' \(did you mean 'Sweden'"
    ):
        RESULTS.filter(country="Swedn")
    with pytest.raises(mgi.InvalidValueError, match="country: expected a country code or name"):
        RESULTS.filter(country=752)  # type: ignore[arg-type]


def test_a_country_without_results_is_empty_not_an_error() -> None:
    assert len(RESULTS.filter(country="Cuba")) == 0
    assert RESULTS.get("Cuba") is None
    assert "Cuba" not in RESULTS
    with pytest.raises(mgi.NotFoundError, match="unknown country with official results 'Cuba'"):
        RESULTS["Cuba"]


def test_the_miss_rules_never_raise_for_get_and_in() -> None:
    for key in ["Atlantis", "", "x" * 10_000, 3.5, None, ["CAN"]]:
        assert RESULTS.get(key) is None  # type: ignore[arg-type]
        assert (key in RESULTS) is False
    assert RESULTS[0] in RESULTS
    with pytest.raises(mgi.NotFoundError):
        RESULTS[None]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("domain", "number"),
    [(3, 3), ("partnerships", 3), ("PD_3", 3), ("Alianzas", 3), ("overall", None), ("_T", None)],
)
def test_domains_by_the_usual_keys(domain: object, number: int | None) -> None:
    found = RESULTS.filter(domain=domain)  # type: ignore[arg-type]
    assert found
    assert {r.domain for r in found} == {number}


def test_unknown_domain_or_category_raises() -> None:
    with pytest.raises(mgi.NotFoundError, match="unknown domain 'partnership'"):
        RESULTS.filter(domain="partnership")
    with pytest.raises(
        mgi.NotFoundError, match=r"unknown category 'meet' \(did you mean .*'Meets'"
    ):
        RESULTS.filter(category="meet")
    with pytest.raises(mgi.NotFoundError):
        RESULTS.filter(category=5)
    with pytest.raises(mgi.InvalidValueError, match="year: expected a year as an int"):
        RESULTS.filter(year="2021")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "category", [mgi.Category.FULLY_MEETS, 4, "4", "Fully meets", "FULLY_MEETS"]
)
def test_categories_by_number_or_label(category: object) -> None:
    found = RESULTS.filter(year=2021, domain="overall", category=category)  # type: ignore[arg-type]
    assert found.countries == ("BFA", "BWA", "JOR", "PER", "TKM")


def test_latest_result_for_a_country() -> None:
    assert RESULTS.latest("Kazakhstan").year == 2023
    assert RESULTS.latest("Canada", "migrants_rights") == _result("CAN", 2021, 1)
    assert RESULTS.latest("MLT", 3).year == 2019
    with pytest.raises(
        mgi.NotFoundError, match="country with an official domain 1 result 'France'"
    ):
        RESULTS.latest("France", 1)
    latest = RESULTS.latest_rounds()
    assert {r.year for r in latest["Kazakhstan"]} == {2023}
    assert {r.year for r in latest["Armenia"]} == {2021}  # by domain only
    overall = RESULTS.filter(domain="overall").latest_rounds()
    assert len(overall) == len(overall.countries) == len(RESULTS.countries)
    assert overall["Armenia"][0].year == 2019


def test_the_collection_is_an_ordered_value() -> None:
    assert [(r.country, r.year, r.domain or 0) for r in RESULTS] == sorted(
        (r.country, r.year, r.domain or 0) for r in RESULTS
    )
    assert mgi.SdgResults(reversed(RESULTS)) == mgi.SdgResults(RESULTS)
    with pytest.raises(mgi.DataError, match="CAN 2021 overall is given twice"):
        mgi.SdgResults([RESULTS.latest("CAN")] * 2)
    with pytest.raises(mgi.InvalidValueError, match="item 0: expected SdgResult"):
        mgi.SdgResults(["CAN"])  # type: ignore[list-item]
    assert repr(RESULTS["CAN"]) == (
        "SdgResults(14 results: 1 country, 2019-2021, 2 overall and 12 by domain)"
    )
    assert repr(mgi.SdgResults([])) == "SdgResults()"


# -- tables ---------------------------------------------------------------------------


def test_the_tidy_table() -> None:
    table = RESULTS.filter(country="Norway", year=2021).table()
    assert table.columns == RESULT_COLUMNS
    assert table.rows[0] == (
        "NOR",
        "Norway",
        2021,
        None,
        None,
        "_T",
        3,
        "Meets",
        "owid | un-sdmx-nordics",
    )
    assert table.rows[1][3:6] == (1, "migrants_rights", "PD_1")
    lines = table.to_csv().splitlines()
    assert lines[1] == "NOR,Norway,2021,,,_T,3,Meets,owid | un-sdmx-nordics"
    records = json.loads(table.to_json())
    assert records[0]["domain"] is None
    assert records[0]["domain_slug"] is None
    assert records[1]["domain"] == 1


def test_the_wide_table_sets_countries_side_by_side() -> None:
    table = RESULTS.filter(year=2021, country="DNK").table(wide=True)
    assert table.columns == WIDE_COLUMNS
    assert table.rows == (("DNK", "Denmark", 2021, 2, 3, 3, 4, 2, 2, 2),)
    france = RESULTS.filter(country="FRA").table(wide=True)
    assert france.rows == (("FRA", "France", 2019, 3, None, None, None, None, None, None),)
    assert france.to_csv().splitlines()[1] == "FRA,France,2019,3,,,,,,"


def test_to_frame() -> None:
    pandas = pytest.importorskip("pandas")
    frame = RESULTS.filter(year=2021).table().to_frame()
    assert list(frame.columns) == list(RESULT_COLUMNS)
    assert len(frame) == len(RESULTS.filter(year=2021))
    overall = frame[frame["breakdown"] == "_T"]
    assert overall["domain"].isna().all()
    wide = RESULTS.filter(year=2021).table(wide=True).to_frame()
    assert isinstance(wide, pandas.DataFrame)
    assert wide.set_index("country").loc["CAN", "crises"] == 4


# -- the comparison with a computed score --------------------------------------------


def _everything(response: str = "yes") -> mgi.Score:
    answers = {item.key: response for item in mgi.sdg.subcategories if item.domain > 1}
    first = "yes_regardless_of_status" if response == "yes" else "no"
    answers |= {f"1{letter}": first for letter in "abcde"}
    return mgi.sdg.score(answers)


def test_a_score_compared_per_domain_where_both_exist() -> None:
    # Every answer yes: 100 everywhere, category 4. Canada 2021 publishes 3
    # overall and for domain 1, and 4 for domains 2-6.
    comparison = mgi.sdg.compare(_everything(), "Canada", 2021)
    assert (comparison.country, comparison.country_name, comparison.year) == (
        "CAN",
        "Canada",
        2021,
    )
    assert [v.breakdown for v in comparison.values] == ["_T", *(f"PD_{n}" for n in range(1, 7))]
    assert [v.computed for v in comparison.values] == [mgi.Category.FULLY_MEETS] * 7
    assert [v.agrees for v in comparison.values] == [False, False, True, True, True, True, True]
    assert [v.breakdown for v in comparison.differences] == ["_T", "PD_1"]
    assert not comparison.agrees
    assert not comparison.partial
    assert comparison.values[1].official == _result("CAN", 2021, 1)
    assert repr(comparison) == "Comparison('CAN', 2021: 7 compared, 5 agree)"


def test_only_the_overall_value_where_no_domain_is_published() -> None:
    comparison = _everything("no").compare("France")
    assert comparison.year == 2019  # the latest with results
    assert len(comparison.compared) == 1
    assert comparison.values[0].official == _result("FRA", 2019, None)
    assert [v.agrees for v in comparison.values] == [False, None, None, None, None, None, None]


def test_a_partial_score_says_so_and_agreement_is_checked() -> None:
    score = mgi.sdg.score({"3a": "yes", "3b": "yes"}, partial=True)
    comparison = score.compare("Malta")
    assert comparison.partial
    assert comparison.values[3].value == 40
    row = comparison.table().to_records()[3]
    assert row == {
        "country": "MLT",
        "country_name": "Malta",
        "year": 2019,
        "domain": 3,
        "domain_slug": "partnerships",
        "breakdown": "PD_3",
        "value": 40.0,
        "computed": 2,
        "computed_label": "Partially meets",
        "official": 4,
        "official_label": "Fully meets",
        "agrees": False,
    }


def test_compare_refuses_what_it_cannot_compare() -> None:
    with pytest.raises(mgi.NotFoundError, match="unknown country with official results 'Cuba'"):
        mgi.sdg.compare(_everything(), "Cuba")
    with pytest.raises(mgi.NotFoundError, match=r"unknown Canada round 2023"):
        mgi.sdg.compare(_everything(), "Canada", 2023)
    with pytest.raises(mgi.InvalidValueError, match="score: expected a Score"):
        mgi.sdg.compare({"1a": "yes"}, "Canada")  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="country: expected a country code or name"):
        mgi.sdg.compare(_everything(), 0)  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="year: expected a year as an int"):
        mgi.sdg.compare(_everything(), "Canada", "2021")  # type: ignore[arg-type]


def test_compare_with_your_own_results() -> None:
    mine = mgi.SdgResults(
        [attrs.evolve(_result("CAN", 2021, None), category=mgi.Category.FULLY_MEETS)]
    )
    assert mgi.sdg.compare(_everything(), "CAN", results=mine).agrees


# -- loading ------------------------------------------------------------------------------


def test_a_source_key_the_file_does_not_define_is_located() -> None:
    document, _ = read_document("sdg-results.json")
    document["results"][5]["sources"] = ["owid", "nowhere"]
    from mgi._convert import structure

    parsed = structure(document, ResultsDocument, "sdg-results.json")
    with pytest.raises(
        mgi.DataError, match=r"\$\.results\[5\]\.sources: unknown source 'nowhere'"
    ):
        collections_of(parsed, "sdg-results.json")


def test_a_category_outside_the_scale_is_refused_where_it_is() -> None:
    document, _ = read_document("sdg-results.json")
    document["results"][2]["category"] = 5
    document["results"][3]["category"] = "3"
    from mgi._convert import structure

    with pytest.raises(mgi.DataError) as caught:
        structure(document, ResultsDocument, "sdg-results.json")
    text = str(caught.value)
    assert "$.results[2].category: expected one of 1, 2, 3, 4, got integer 5" in text
    assert "$.results[3].category: expected one of 1, 2, 3, 4, got string '3'" in text


def test_results_round_trip_through_csv() -> None:
    reader = csv.DictReader(io.StringIO(RESULTS.table().to_csv()))
    rows = list(reader)
    assert len(rows) == len(RESULTS)
    for row, result in zip(rows, RESULTS, strict=True):
        assert (row["country"], int(row["year"]), int(row["category"])) == (
            result.country,
            result.year,
            result.category,
        )
        assert row["domain"] == ("" if result.domain is None else str(result.domain))
