"""Every public model survives its way to and from JSON unchanged, and every
broken document raises an mgi error that says where.

Profiles have their own tests (test_roundtrip, test_invalid_documents); here:
the records of the bundled taxonomy, provenance and SDG 10.7.2 data (read by
the one converter the loaders use), SDG responses files and scores, and the
results of a lenient parse.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from tests.mutations import broken, error_from, json_values
from tests.strategies import domains, provenances, responses, sdg_indicators
from tests.test_parse_properties import SEED_LINES, _damaged_pages, page_profiles

import mgi
from mgi._convert import structure, unstructure
from mgi._jsonio import parse_json
from mgi.sdg import Response

# -- bundled records: taxonomy, provenance, SDG 10.7.2 ------------------------------

RECORDS = {
    "domain": (domains(), mgi.Domain),
    "provenance": (provenances, mgi.Provenance),
    "sdg indicator": (sdg_indicators(), mgi.sdg.SdgIndicator),
}


def _as_json(record: object) -> str:
    return json.dumps(unstructure(record), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("kind", sorted(RECORDS))
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_records_survive_json(kind: str, data: st.DataObject) -> None:
    strategy, record_type = RECORDS[kind]
    record = data.draw(strategy)
    assert structure(parse_json(_as_json(record)), record_type) == record


@pytest.mark.parametrize("kind", sorted(RECORDS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_broken_record_documents_are_located(kind: str, data: st.DataObject) -> None:
    strategy, record_type = RECORDS[kind]
    document = broken(unstructure(data.draw(strategy)), data)
    with pytest.raises(mgi.DataError) as caught:
        structure(document, record_type, "data.json")
    assert caught.value.problems
    assert all(problem.location.startswith("$") for problem in caught.value.problems)


@pytest.mark.parametrize("kind", sorted(RECORDS))
@settings(max_examples=40, deadline=None)
@given(value=json_values)
def test_any_json_value_gives_a_record_or_a_located_error(kind: str, value: Any) -> None:
    error = error_from(mgi.DataError, structure, value, RECORDS[kind][1])
    assert error is None or all(problem.location.startswith("$") for problem in error.problems)


def test_the_bundled_files_are_what_the_records_write() -> None:
    # The generated records above stand for the bundled ones: these read back too.
    for record, record_type in [
        (mgi.domains[1], mgi.Domain),
        (mgi.provenance(), mgi.Provenance),
        (mgi.sdg.indicator, mgi.sdg.SdgIndicator),
    ]:
        assert structure(parse_json(_as_json(record)), record_type) == record


# -- SDG 10.7.2 responses and scores ------------------------------------------------


@st.composite
def _written_keys(draw: st.DrawFn, given: dict[str, Response]) -> dict[str, str]:
    """The responses with each key as a person might write it: '1a', '1A', '1.a',
    or the sub-category's name in any case."""
    written = {}
    for key, response in given.items():
        name = mgi.sdg.subcategories[key].name
        form = draw(st.sampled_from([key, key.upper(), f"{key[0]}.{key[1]}", name, name.upper()]))
        written[form] = response.value
    return written


def _as_csv(written: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["subcategory", "response"])
    writer.writerows(written.items())
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_responses_survive_json_and_csv(data: st.DataObject) -> None:
    given = data.draw(responses())
    written = data.draw(_written_keys(given))
    expected = {item.key: given[item.key] for item in mgi.sdg.subcategories if item.key in given}
    # A JSON file takes the keys as written ('1a'); CSV the forms people write.
    from_json = mgi.sdg.loads_responses(json.dumps({k: r.value for k, r in given.items()}))
    from_csv = mgi.sdg.loads_responses(_as_csv(written), "csv")
    assert from_json == from_csv == expected
    assert list(from_json) == list(expected)  # in sub-category order


@settings(max_examples=60, deadline=None)
@given(responses())
def test_a_score_survives_its_answer_rows(given: dict[str, Response]) -> None:
    before = dict(given)
    result = mgi.sdg.score(given, partial=True)
    assert given == before  # the caller's responses are read, never changed
    rows = {
        row["subcategory"]: row["response"]
        for row in result.answer_rows()
        if row["response"] is not None
    }
    again = mgi.sdg.score(mgi.sdg.loads_responses(_as_csv(rows), "csv"), partial=True)
    assert again == result
    assert {item.key for item in result.missing} == {
        item.key for item in mgi.sdg.subcategories
    } - set(given)


@settings(max_examples=60, deadline=None)
@given(responses())
def test_a_score_agrees_with_itself(given: dict[str, Response]) -> None:
    result = mgi.sdg.score(given, partial=True)
    assert result.value == sum(domain.value for domain in result.domains) / 6
    for scored in (result, *result.domains):
        assert 0 <= scored.value <= 100
        assert scored.category is mgi.sdg.Category.of(scored.value)
    rows = result.rows()
    assert [row["value"] for row in rows] == [float(d.value) for d in result.domains] + [
        float(result.value)
    ]


# Responses documents broken in the ways people break them.
_BAD_ENTRIES = st.sampled_from(
    [
        ("7a", "yes"),
        ("1a", "yes"),  # domain 1 asks about immigration status
        ("2a", "yes_only_legal_status"),
        ("2b", "maybe"),
        ("3c", ""),
        ("social protection", "perhaps"),
        ("", "no"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(responses(), st.lists(_BAD_ENTRIES, min_size=1, max_size=3, unique_by=lambda e: e[0]))
def test_bad_responses_are_each_located(
    given: dict[str, Response], bad: list[tuple[str, str]]
) -> None:
    spoilt = {getattr(mgi.sdg.subcategories.get(key), "key", key) for key, _ in bad}
    written = {key: r.value for key, r in given.items() if key not in spoilt} | dict(bad)
    for kind, text in (("json", json.dumps(written)), ("csv", _as_csv(written))):
        with pytest.raises(mgi.DataError) as caught:
            mgi.sdg.loads_responses(text, kind, source=f"answers.{kind}")
        locations = [problem.location for problem in caught.value.problems]
        assert len(locations) == len(bad), caught.value
        start = "$[" if kind == "json" else "line "
        assert all(location.startswith(start) for location in locations)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_json_value_gives_responses_or_a_located_error(value: Any) -> None:
    error = error_from(mgi.DataError, mgi.sdg.loads_responses, json.dumps(value))
    assert error is None or all(problem.location for problem in error.problems)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_csv_text_gives_responses_or_a_located_error(text: str | bytes) -> None:
    error = error_from(mgi.DataError, mgi.sdg.loads_responses, text, "csv")
    assert error is None or all(problem.location for problem in error.problems)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(json_values.filter(lambda v: not isinstance(v, (list, dict))), json_values))
def test_any_mapping_scores_or_raises_a_response_error(given: dict[Any, Any]) -> None:
    before = copy.deepcopy(given)
    error = error_from(mgi.ResponseError, mgi.sdg.score, given, partial=True)
    assert error is None or error.subcategories
    assert given == before


# -- lenient parse results ------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_a_clean_page_gives_a_result_without_warnings(language: str, data: st.DataObject) -> None:
    profile = data.draw(page_profiles(language))
    text = profile.to_text()
    result = mgi.parse_profile(text, id=profile.id, source=profile.source, strict=False)
    assert result == mgi.ParseResult(profile, ())


@settings(max_examples=60, deadline=None)
@given(_damaged_pages())
def test_every_warning_names_a_line_of_the_page(lines: list[str]) -> None:
    text = "\n".join(lines)
    error = error_from(mgi.ParseError, mgi.parse_profile, text, strict=False)
    if error is not None:
        assert 1 <= error.line <= len(lines)
        return
    result = mgi.parse_profile(text, strict=False)
    for warning in result.warnings:
        number = int(warning.location.removeprefix("line "))
        assert 1 <= number <= len(lines), warning
    assert mgi.loads_profile(mgi.dumps_profile(result.profile)) == result.profile


def test_the_seed_page_reads_without_warnings() -> None:
    result = mgi.parse_profile("\n".join(SEED_LINES), strict=False)
    assert result.warnings == ()
    assert result.profile == mgi.profiles["huehuetenango-2024"]
