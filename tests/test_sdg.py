"""SDG indicator 10.7.2 data: faithful to the researched facts, reachable from
each domain, looked up by the collection rules, immutable and loaded lazily."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import mgi
from mgi._convert import structure
from mgi.sdg import Category, SdgIndicator

FIXTURES = Path(__file__).parent / "fixtures"
FACTS = json.loads((FIXTURES / "sdg-10-7-2-facts.json").read_text(encoding="utf-8"))
KEYS = [f"{number}{letter}" for number in range(1, 7) for letter in "abcde"]


def test_indicator_matches_the_facts() -> None:
    indicator = mgi.sdg.indicator
    assert indicator.code == FACTS["indicator"] == "10.7.2"
    assert indicator.name == FACTS["name"]
    assert indicator.former_name == FACTS["former_name"]
    assert list(indicator.custodians) == FACTS["custodians"]
    assert indicator.partner_agency == FACTS["partner_agency"]
    assert list(indicator.custodian_sources) == FACTS["custodian_sources"]


def test_series_match_the_facts() -> None:
    found = [(s.code, s.number, s.meaning, s.source) for s in mgi.sdg.indicator.series]
    first = FACTS["series"][0]
    assert found[0] == (first["code"], first["series_number"], first["meaning"], first["source"])
    assert [code for code, *_ in found] == ["SG_CPA_MIGRS", "SG_CPA_MIGRP"]


def test_sg_cpa_migrp_is_described_as_corrected() -> None:
    # The first collection read SG_CPA_MIGRP as a breakdown by category; the
    # second corrects it: one percentage per area and year.
    assert "SG_CPA_MIGRP is one percentage per area and year" in _additions()
    series = mgi.sdg.indicator.series[1]
    assert series.meaning.startswith("one percentage per area and year: the proportion of")
    assert "by category" not in series.meaning
    assert series.number is None  # not found
    source = (FIXTURES / "sdg-10-7-2" / "un-sdmx-regions-share-2021.csv").read_text()
    repository, path, commit = series.source.removeprefix("github:").split(" ")
    assert source.splitlines()[0] == (
        f"# Source: github {repository}, {path}, commit {commit.removeprefix('@')}"
    )


def _additions() -> str:
    """The additions to the facts, white space run together."""
    text = (FIXTURES / "facts" / "mgi-facts-additions.md").read_text(encoding="utf-8")
    return " ".join(text.split())


def test_former_names_oldest_first() -> None:
    first = "Number of countries that have implemented well-managed migration policies"
    assert f'first (2017) name, "{first}"' in _additions()
    assert mgi.sdg.indicator.former_names == (first, FACTS["former_name"])
    assert mgi.sdg.indicator.former_name == FACTS["former_name"]


def test_each_domain_has_its_official_question() -> None:
    table = (FIXTURES / "sdg-10-7-2" / "metadata-domains-questions.txt").read_text()
    questions = re.findall(r"^Domain (\d): (.+)$", table, re.M)
    assert [(str(d.number), d.question) for d in mgi.sdg.indicator.domains] == questions
    assert mgi.domains["partnerships"].sdg.question.startswith("Does the Government take any")


def test_breakdown_codes_match_the_facts() -> None:
    indicator = mgi.sdg.indicator
    assert {b.code: b.name for b in indicator.breakdowns} == FACTS["dimension"]["codes"]
    assert [b.code for b in indicator.breakdowns] == ["_T"] + [f"PD_{n}" for n in range(1, 7)]
    assert indicator.breakdowns_source == FACTS["dimension"]["source"]


def test_domains_and_subcategories_match_the_facts() -> None:
    indicator = mgi.sdg.indicator
    assert indicator.domains_source == FACTS["domains_source"]
    assert len(indicator.domains) == len(FACTS["domains"]) == 6
    for domain, fact in zip(indicator.domains, FACTS["domains"], strict=True):
        assert (domain.number, domain.code, domain.name, domain.proxy) == (
            fact["number"],
            fact["code"],
            fact["name"],
            fact["proxy"],
        )
        assert {s.letter: s.name for s in domain.subcategories} == fact["subcategories"]
        assert all(s.domain == domain.number for s in domain.subcategories)
    assert [s.key for s in mgi.sdg.subcategories] == KEYS


def test_scale_matches_the_facts() -> None:
    indicator = mgi.sdg.indicator
    assert indicator.method_source == FACTS["scale_source"]
    found = [(step.category, step.label, step.range) for step in indicator.scale]
    assert found == [(s["score"], s["label"], s["range"]) for s in FACTS["scale"]]
    assert [Category(step.category).label for step in indicator.scale] == [
        s["label"] for s in FACTS["scale"]
    ]


@pytest.mark.parametrize("step", FACTS["scale"], ids=lambda step: step["label"])
def test_category_boundaries_follow_the_published_ranges(step: dict[str, Any]) -> None:
    # Read each published range ("< 40", ">= 40 and < 80", "= 100") and probe
    # its edges with exact values just inside and just outside.
    tiny = Fraction(1, 10**9)
    low = re.search(r">= (\d+)", step["range"])
    high = re.search(r"< (\d+)", step["range"])
    exact = re.fullmatch(r"= (\d+)", step["range"])
    category = Category(step["score"])
    if exact:
        assert Category.of(int(exact[1])) is category
        assert Category.of(int(exact[1]) - tiny) is not category
    if low:
        assert Category.of(int(low[1])) is category
        assert Category.of(int(low[1]) - tiny) is not category
    if high:
        assert Category.of(int(high[1]) - tiny) is category
        assert Category.of(int(high[1])) is not category
    if not low and high:
        assert Category.of(0) is category


@pytest.mark.parametrize("value", [-1, 101, Fraction(-1, 3), 0.5, True, "50", None])
def test_category_of_rejects_values_off_the_scale(value: Any) -> None:
    with pytest.raises(mgi.InvalidValueError):
        Category.of(value)


def test_each_mgi_domain_reaches_its_sdg_domain() -> None:
    for domain in mgi.domains.values():
        sdg = domain.sdg
        assert sdg is mgi.sdg.indicator.domains[domain.number - 1]
        assert (sdg.number, sdg.code) == (domain.number, domain.sdg_code)
        assert [s.key for s in sdg.subcategories] == [f"{domain.number}{x}" for x in "abcde"]
    assert mgi.domains["PD_4"].sdg.name == "Socioeconomic well-being"


def test_breakdown_names_agree_with_domain_names() -> None:
    names = {b.code: b.name for b in mgi.sdg.indicator.breakdowns}
    assert all(names[d.code] == d.name for d in mgi.sdg.indicator.domains)


def test_provenance_names_every_source_of_the_sdg_data() -> None:
    listed = {source for part in mgi.provenance().sources for source in part.sources}
    indicator = mgi.sdg.indicator
    used = {
        *indicator.custodian_sources,
        *(series.source for series in indicator.series),
        indicator.breakdowns_source,
        indicator.method_source,
        indicator.domains_source,
    }
    assert used <= listed


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("1a", "1a"),
        ("1A", "1a"),
        ("1.a", "1a"),
        (" 6 E ", "6e"),
        ("Public education", "1b"),
        ("SYSTEM TO MONITOR VISA OVERSTAYS", "6a"),
    ],
)
def test_subcategories_found_by_documented_keys(key: str, expected: str) -> None:
    found = mgi.sdg.subcategories[key]
    assert found.key == expected
    assert mgi.sdg.subcategories.get(key) is found
    assert key in mgi.sdg.subcategories


def test_a_subcategory_is_its_own_key() -> None:
    item = mgi.sdg.subcategories["2c"]
    assert mgi.sdg.subcategories[item] is item
    stranger = attrs.evolve(item, name="Something else")
    assert mgi.sdg.subcategories.get(stranger) is None


@pytest.mark.parametrize("key", ["7a", "1f", "0a", "", "PD_1a", 1.0, None, ["1a"], ("1", "a")])
def test_subcategory_misses_follow_the_collection_rules(key: Any) -> None:
    assert mgi.sdg.subcategories.get(key) is None
    assert mgi.sdg.subcategories.get(key, "none") == "none"
    assert (key in mgi.sdg.subcategories) is False
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.sdg.subcategories[key]
    assert repr(key) in str(caught.value)
    assert "sub-category" in str(caught.value)


def test_a_near_miss_suggests_the_key() -> None:
    with pytest.raises(KeyError, match=r"did you mean '2a'\?"):
        mgi.sdg.subcategories["a dedicated goverment agency to implement national policy"]


def test_records_are_frozen_and_hashable() -> None:
    indicator = mgi.sdg.indicator
    domain = indicator.domains[0]
    item = domain.subcategories[0]
    for record, field in [(indicator, "name"), (domain, "name"), (item, "name")]:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, "changed")
    assert isinstance(indicator.domains, tuple)
    assert isinstance(domain.subcategories, tuple)
    assert hash(attrs.evolve(indicator)) == hash(indicator)
    with pytest.raises(AttributeError):
        mgi.sdg.subcategories._items = ()  # type: ignore[misc]
    assert mgi.sdg.indicator.domains[0].subcategories[0].name == (
        "Essential and/or emergency health care"
    )


def _document() -> dict[str, Any]:
    from mgi._data import read_document

    document, _ = read_document("sdg.json")
    return document  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["domains"][0].update(code="PD_2"), "$.domains[0].code"),
        (lambda d: d["domains"][1]["subcategories"].pop(), "$.domains[1].subcategories"),
        (lambda d: d["domains"][2]["subcategories"][0].update(domain=4), "$.domains[2]"),
        (lambda d: d["domains"][3]["subcategories"][1].update(letter="f"), "letter"),
        (lambda d: d["domains"].reverse(), "$.domains"),
        (lambda d: d["scale"].pop(), "$.scale"),
        (lambda d: d["series"][0].update(number=3230), "$.series[0].number"),
        (lambda d: d["breakdowns"][0].update(code="PD_7"), "$.breakdowns[0].code"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_bad_sdg_data_is_reported_with_its_path(change: Any, where: str) -> None:
    document = _document()
    change(document)
    with pytest.raises(mgi.DataError) as caught:
        structure(document, SdgIndicator, "sdg.json")
    assert str(caught.value).startswith("sdg.json: ")
    assert where in str(caught.value)


def test_import_mgi_reads_no_sdg_data_until_asked() -> None:
    code = (
        "import sys, mgi\n"
        "before = sorted(m for m in ('mgi.sdg', 'attrs', 'json') if m in sys.modules)\n"
        "from mgi import sdg\n"
        "middle = 'mgi._data' in sys.modules\n"
        "sdg.subcategories['1a']\n"
        "print(before, middle, mgi.sdg is sdg, 'sdg' in dir(mgi), 'indicator' in dir(sdg))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.split() == ["[]", "False", "True", "True", "True"]


def test_loaded_once() -> None:
    assert mgi.sdg.indicator is mgi.sdg.indicator
    assert mgi.sdg.subcategories is mgi.sdg.subcategories
    assert mgi.sdg.subcategories["3b"] is mgi.sdg.indicator.domains[2].subcategories[1]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        mgi.sdg.nothing  # noqa: B018
