"""Scoring SDG 10.7.2 responses by the published method.

The method, as the indicator's metadata gives it: each sub-category is coded
1 ("yes") or 0 ("no"), in domain 1 "yes, regardless of immigration status" 1,
"yes, only for those with legal immigration status" 0.5 and "no" 0; a domain's
value is the mean of its five codes x 100, the overall value the mean of all
30 x 100; categories: < 40 -> 1, 40 to < 80 -> 2, 80 to < 100 -> 3, 100 -> 4.
The expected values below are worked out by hand from that text.
"""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import mgi
from mgi.sdg import Category, Response

KEYS = [f"{number}{letter}" for number in range(1, 7) for letter in "abcde"]
# The coding of the published method, written out here on its own.
CODES = {
    1: {"yes_regardless_of_status": Fraction(1), "yes_only_legal_status": Fraction(1, 2), "no": 0},
    **{number: {"yes": Fraction(1), "no": Fraction(0)} for number in range(2, 7)},
}
YES = {number: "yes_regardless_of_status" if number == 1 else "yes" for number in range(1, 7)}
LEGAL = "yes_only_legal_status"


def nothing() -> dict[str, str]:
    """A complete set with every sub-category answered 'no'."""
    return dict.fromkeys(KEYS, "no")


def with_domain(number: int, answers: list[str]) -> dict[str, str]:
    responses = nothing()
    responses.update({f"{number}{letter}": a for letter, a in zip("abcde", answers, strict=True)})
    return responses


def category_by_hand(value: Fraction) -> int:
    if value < 40:
        return 1
    if value < 80:
        return 2
    return 3 if value < 100 else 4


# Both sides of every boundary in domains 2-6 (20/40, 60/80, 80/100).
YES_NO_CASES = [
    (0, 0, 1),
    (1, 20, 1),
    (2, 40, 2),
    (3, 60, 2),
    (4, 80, 3),
    (5, 100, 4),
]


@pytest.mark.parametrize("number", range(2, 7))
@pytest.mark.parametrize(("yes", "value", "category"), YES_NO_CASES)
def test_domains_2_to_6_on_both_sides_of_each_boundary(
    number: int, yes: int, value: int, category: int
) -> None:
    answers = ["yes"] * yes + ["no"] * (5 - yes)
    result = mgi.sdg.score(with_domain(number, answers))
    domain = result.domains[number - 1]
    assert domain.domain.number == number
    assert domain.value == value
    assert domain.category is Category(category)
    assert int(domain.category) == category


# Domain 1, whose half credit also gives 10, 30, 50, 70 and 90.
DOMAIN_1_CASES = [
    (["yes_only_legal_status", "no", "no", "no", "no"], 10, 1),
    (["yes_regardless_of_status", LEGAL, "no", "no", "no"], 30, 1),
    ([LEGAL, LEGAL, LEGAL, "no", "no"], 30, 1),
    (["yes_regardless_of_status", "yes_regardless_of_status", "no", "no", "no"], 40, 2),
    ([LEGAL, LEGAL, LEGAL, LEGAL, "no"], 40, 2),
    ([LEGAL] * 5, 50, 2),
    (["yes_regardless_of_status"] * 3 + [LEGAL, "no"], 70, 2),
    (["yes_regardless_of_status"] * 4 + ["no"], 80, 3),
    (["yes_regardless_of_status"] * 3 + [LEGAL, LEGAL], 80, 3),
    (["yes_regardless_of_status"] * 4 + [LEGAL], 90, 3),
    (["yes_regardless_of_status"] * 5, 100, 4),
]


@pytest.mark.parametrize(("answers", "value", "category"), DOMAIN_1_CASES)
def test_domain_1_half_credit_on_both_sides_of_each_boundary(
    answers: list[str], value: int, category: int
) -> None:
    result = mgi.sdg.score(with_domain(1, answers))
    assert result.domains[0].value == value
    assert result.domains[0].category is Category(category)


# The overall value over all 30: 30 codes of 0, 0.5 or 1 give multiples of 5/3.
OVERALL_CASES = [
    (11, 1, Fraction(115, 3), 1),  # 38.33
    (12, 0, Fraction(40), 2),
    (23, 1, Fraction(235, 3), 2),  # 78.33
    (24, 0, Fraction(80), 3),
    (29, 1, Fraction(295, 3), 3),  # 98.33
    (30, 0, Fraction(100), 4),
]


@pytest.mark.parametrize(("full", "half", "value", "category"), OVERALL_CASES)
def test_overall_value_over_all_30(full: int, half: int, value: Fraction, category: int) -> None:
    # ``full`` sub-categories coded 1, and ``half`` (0 or 1) coded 0.5 on 1a,
    # which is taken for a full code last.
    responses = nothing()
    for key in (KEYS[5:] + KEYS[1:5] + KEYS[:1])[:full]:
        responses[key] = YES[int(key[0])]
    if half:
        responses["1a"] = LEGAL
    codes = [CODES[int(key[0])][answer] for key, answer in responses.items()]
    assert sum(codes) == full + Fraction(half, 2)
    result = mgi.sdg.score(responses)
    assert result.value == value
    assert result.category is Category(category)
    assert float(result) == float(value)


def test_all_yes_is_exactly_100_where_float_sums_fall_short() -> None:
    # Adding the thirty shares in floats one by one gives 99.99999999999999:
    # category 3. (Python 3.12's sum() compensates; a plain running total
    # does not.)
    total = 0.0
    for _ in range(30):
        total += 1.0 / 30
    assert total * 100 < 100
    result = mgi.sdg.score({key: YES[int(key[0])] for key in KEYS})
    assert result.value == 100
    assert result.category is Category.FULLY_MEETS
    assert [d.category for d in result.domains] == [Category.FULLY_MEETS] * 6


@st.composite
def complete_sets(draw: st.DrawFn) -> dict[str, str]:
    return {key: draw(st.sampled_from(sorted(CODES[int(key[0])]))) for key in KEYS}


@settings(max_examples=60, deadline=None)
@given(complete_sets())
def test_overall_value_is_the_mean_of_the_30_codes_times_100(responses: dict[str, str]) -> None:
    before = copy.deepcopy(responses)
    result = mgi.sdg.score(responses)
    codes = [CODES[int(key[0])][responses[key]] for key in KEYS]
    assert result.value == Fraction(sum(codes)) / 30 * 100
    assert result.category is Category(category_by_hand(result.value))
    for number, domain in enumerate(result.domains, start=1):
        mine = codes[(number - 1) * 5 : number * 5]
        assert domain.value == Fraction(sum(mine)) / 5 * 100
        assert domain.category is Category(category_by_hand(domain.value))
    assert result.value == sum(d.value for d in result.domains) / 6
    assert result.missing == ()
    assert responses == before


@settings(max_examples=40, deadline=None)
@given(complete_sets(), st.sets(st.sampled_from(KEYS)))
def test_partial_sets_count_missing_as_0_and_list_them(
    responses: dict[str, str], left_out: set[str]
) -> None:
    for key in left_out:
        del responses[key]
    result = mgi.sdg.score(responses, partial=True)
    codes = [CODES[int(k[0])][responses[k]] if k in responses else 0 for k in KEYS]
    assert result.value == Fraction(sum(codes)) / 30 * 100
    assert [item.key for item in result.missing] == [k for k in KEYS if k in left_out]
    assert [a.response is None for a in result.answers] == [k in left_out for k in KEYS]


def test_a_partial_set_is_an_error_unless_asked_for() -> None:
    responses = nothing()
    del responses["2c"], responses["5e"]
    with pytest.raises(mgi.ResponseError) as caught:
        mgi.sdg.score(responses)
    assert caught.value.subcategories == ("2c", "5e")
    assert "missing responses for 2 sub-categories: 2c, 5e" in str(caught.value)
    assert "partial=True" in str(caught.value)
    result = mgi.sdg.score(responses, partial=True)
    assert [item.key for item in result.missing] == ["2c", "5e"]
    assert [item.key for item in result.domains[1].missing] == ["2c"]
    assert result.domains[0].missing == ()


def test_empty_set_without_partial_names_all_30() -> None:
    with pytest.raises(mgi.ResponseError) as caught:
        mgi.sdg.score({})
    assert caught.value.subcategories == tuple(KEYS)


@pytest.mark.parametrize(
    ("key", "value", "named", "message"),
    [
        ("7a", "yes", "7a", "unknown sub-category '7a'"),
        ("1f", "no", "1f", "unknown sub-category '1f'"),
        ("1aa", "no", "1aa", "did you mean '1a'?"),
        (3, "no", "3", "unknown sub-category 3"),
        ("2a", "yes_only_legal_status", "2a", "for domain 1 only"),
        ("6e", "yes_only_legal_status", "6e", "for domain 1 only"),
        ("3b", "yes_regardless_of_status", "3b", "for domain 1 only"),
        ("1a", "yes", "1a", "regardless of immigration status"),
        ("2a", "maybe", "2a", "expected 'yes' or 'no', got 'maybe'"),
        ("2a", "Yes", "2a", "did you mean 'yes'?"),
        ("2a", 1, "2a", "got 1"),
        ("1c", 0.5, "1c", "got 0.5"),
        ("1c", Fraction(1, 2), "1c", "got Fraction(1, 2)"),
        ("4d", True, "4d", "got True"),
        ("4d", None, "4d", "got None"),
        ("4d", "", "4d", "got ''"),
    ],
)
def test_bad_responses_name_the_subcategory(
    key: Any, value: Any, named: str, message: str
) -> None:
    responses: dict[Any, Any] = nothing()
    responses[key] = value
    before = dict(responses)
    for partial in (False, True):
        with pytest.raises(mgi.ResponseError) as caught:
            mgi.sdg.score(responses, partial=partial)
        assert caught.value.subcategories == (named,)
        assert message in str(caught.value)
        assert named in str(caught.value)
    assert responses == before


def test_a_subcategory_given_twice_is_an_error() -> None:
    responses = nothing()
    responses["2B"] = "yes"
    with pytest.raises(mgi.ResponseError, match=r"2b is given twice \(as '2b' and '2B'\)"):
        mgi.sdg.score(responses)


@pytest.mark.parametrize("responses", [[("1a", "no")], "1a=no", None, 3])
def test_responses_must_be_a_mapping(responses: Any) -> None:
    with pytest.raises(mgi.ResponseError, match="expected a mapping"):
        mgi.sdg.score(responses)


def test_response_errors_are_mgi_value_errors() -> None:
    assert issubclass(mgi.ResponseError, mgi.MGIError)
    assert issubclass(mgi.ResponseError, ValueError)
    assert issubclass(mgi.ResponseError, mgi.InvalidValueError)


def test_keys_and_values_may_be_typed() -> None:
    items = list(mgi.sdg.subcategories)
    typed = dict.fromkeys(items, Response.NO)
    typed[items[0]] = Response.YES_ONLY_LEGAL_STATUS
    typed[items[5]] = Response.YES
    result = mgi.sdg.score(typed)
    assert result.value == Fraction(3, 2) / 30 * 100
    assert [a.response for a in result.answers[:2]] == [
        Response.YES_ONLY_LEGAL_STATUS,
        Response.NO,
    ]


def test_responses_say_which_domains_take_them() -> None:
    assert [r.value for r in mgi.domains[1].sdg.responses] == [
        "yes_regardless_of_status",
        "yes_only_legal_status",
        "no",
    ]
    for number in range(2, 7):
        assert [r.value for r in mgi.domains[number].sdg.responses] == ["yes", "no"]
    assert {r.value: r.code for r in Response} == {
        "yes": 1,
        "no": 0,
        "yes_regardless_of_status": 1,
        "yes_only_legal_status": Fraction(1, 2),
    }


def test_results_are_frozen() -> None:
    result = mgi.sdg.score(with_domain(3, ["yes"] * 5))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.domains = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.domains[0].answers = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.answers[0].response = Response.YES  # type: ignore[misc]
    assert isinstance(result.value, Fraction)
    assert hash(result) == hash(mgi.sdg.score(with_domain(3, ["yes"] * 5)))


def test_results_cannot_hold_inconsistent_answers() -> None:
    item = mgi.sdg.subcategories["2a"]
    with pytest.raises(mgi.ResponseError, match="sub-category 2a"):
        mgi.sdg.Answer(item, Response.YES_ONLY_LEGAL_STATUS)
    with pytest.raises(mgi.InvalidValueError):
        mgi.sdg.Answer(item, "yes")  # type: ignore[arg-type]
    result = mgi.sdg.score(nothing())
    with pytest.raises(mgi.InvalidValueError):
        attrs.evolve(result.domains[0], answers=result.domains[1].answers)
    with pytest.raises(mgi.InvalidValueError):
        attrs.evolve(result, domains=result.domains[:5])


def test_tidy_rows() -> None:
    responses = with_domain(1, ["yes_regardless_of_status"] * 3 + [LEGAL, "no"])
    del responses["6e"]
    result = mgi.sdg.score(responses, partial=True)
    rows = result.rows()
    assert [row["breakdown"] for row in rows] == [f"PD_{n}" for n in range(1, 7)] + ["_T"]
    assert rows[0] == {
        "breakdown": "PD_1",
        "domain": 1,
        "name": "Migrant rights",
        "value": 70.0,
        "category": 2,
        "label": "Partially meets",
        "answered": 5,
        "missing": 0,
    }
    assert rows[5]["missing"] == 1
    assert rows[5]["answered"] == 4
    assert rows[6] == {
        "breakdown": "_T",
        "domain": None,
        "name": "All domains",
        "value": float(Fraction(35, 30) * 10),
        "category": 1,
        "label": "Requires further progress",
        "answered": 29,
        "missing": 1,
    }
    answers = result.answer_rows()
    assert [row["subcategory"] for row in answers] == KEYS
    assert answers[3] == {
        "subcategory": "1d",
        "domain": 1,
        "letter": "d",
        "name": "Social protection",
        "response": LEGAL,
        "code": 0.5,
    }
    assert answers[-1]["response"] is None
    assert answers[-1]["code"] == 0.0
    rows[0]["value"] = -1
    assert result.rows()[0]["value"] == 70.0


def test_rounded_and_float_views() -> None:
    responses = nothing()
    responses["1a"] = LEGAL
    result = mgi.sdg.score(responses)
    assert result.value == Fraction(5, 3)
    assert result.rounded(1) == 1.7
    assert result.rounded(0) == 2.0
    assert float(result) == 5 / 3
    assert repr(result.domains[0]) == (
        "DomainScore('PD_1', value=10, category='Requires further progress')"
    )
    assert repr(result) == "Score(value=1.67, category='Requires further progress')"
