"""The page reader fuzzed with damaged copies of the real page: whatever the
text, it returns a valid profile or raises ParseError, in time linear in the
size of the text, and refuses text over its size limit."""

from __future__ import annotations

import itertools
import time
import unicodedata
from collections.abc import Callable
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from tests.conftest import FIXTURES
from tests.mutations import error_from
from tests.scripts import load_script

import mgi
from mgi.parse import MAX_PAGE_SIZE
from mgi.text import MAX_MARKS

SEED = (FIXTURES / "huehuetenango-2024.txt").read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")

# Characters a copy can carry that are no part of the text.
CONTROLS = [chr(code) for code in [*range(0x20), 0x7F, 0x85]] + list("\u2028\u2029\ufeff\u200b")
Lines = list[str]
Mutation = Callable[[st.DrawFn, Lines], Lines]


def _at(draw: st.DrawFn, lines: Lines) -> int:
    return draw(st.integers(0, len(lines) - 1))


def _drop(draw: st.DrawFn, lines: Lines) -> Lines:
    del lines[_at(draw, lines)]
    return lines


def _duplicate(draw: st.DrawFn, lines: Lines) -> Lines:
    at = _at(draw, lines)
    lines.insert(at, lines[at])
    return lines


def _swap(draw: st.DrawFn, lines: Lines) -> Lines:
    first, second = _at(draw, lines), _at(draw, lines)
    lines[first], lines[second] = lines[second], lines[first]
    return lines


def _insert_into_line(draw: st.DrawFn, lines: Lines, text: str) -> Lines:
    at = _at(draw, lines)
    cut = draw(st.integers(0, len(lines[at])))
    lines[at] = lines[at][:cut] + text + lines[at][cut:]
    return lines


def _control(draw: st.DrawFn, lines: Lines) -> Lines:
    return _insert_into_line(draw, lines, draw(st.sampled_from(CONTROLS)))


# Any character, halves of surrogate pairs too (a Python str can hold them).
_ANY_CHARACTER = st.characters() | st.characters(categories=["Cs"])


def _unicode(draw: st.DrawFn, lines: Lines) -> Lines:
    return _insert_into_line(draw, lines, draw(st.text(_ANY_CHARACTER, min_size=1, max_size=40)))


def _marks(draw: st.DrawFn, lines: Lines) -> Lines:
    marks = draw(st.text(st.sampled_from("\u0301\u0316\u0327\u0f73"), min_size=1, max_size=40))
    return _insert_into_line(draw, lines, marks)


def _long_line(draw: st.DrawFn, lines: Lines) -> Lines:
    at = _at(draw, lines)
    lines[at] = " ".join([lines[at]] * draw(st.integers(2, 2000)))
    return lines


MUTATIONS: list[Mutation] = [_drop, _duplicate, _swap, _control, _unicode, _marks, _long_line]


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """The seed page with lines dropped, repeated and swapped, control
    characters, random Unicode and combining marks put in, lines made very
    long, and its line ends mixed."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 8))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    ends = itertools.cycle(draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1)))
    return "".join(line + next(ends) for line in lines)


def _assert_profile_or_parse_error(text: str | bytes, strict: bool, **options: int) -> None:
    error = error_from(mgi.ParseError, mgi.parse_profile, text, strict=strict, **options)
    if error is not None:
        assert error.line >= 1
        assert error.message
        return
    parsed = mgi.parse_profile(text, strict=strict, **options)
    profile = parsed if isinstance(parsed, mgi.Profile) else parsed.profile
    # Valid through and through: its JSON form passes every check of the loader.
    assert mgi.loads_profile(mgi.dumps_profile(profile)) == profile


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages(), st.booleans())
def test_a_mutated_page_gives_a_profile_or_a_parse_error(text: str, strict: bool) -> None:
    _assert_profile_or_parse_error(text, strict)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages(), st.binary(min_size=1, max_size=4), st.integers(0, 100))
def test_mutated_bytes_give_a_profile_or_a_parse_error(text: str, junk: bytes, at: int) -> None:
    # The generator may produce lone surrogates: keep them as (invalid) bytes.
    data = text.encode("utf-8", "surrogatepass")
    cut = len(data) * at // 100
    _assert_profile_or_parse_error(data[:cut] + junk + data[cut:], strict=False)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages(), st.integers(1, 3))
def test_megabytes_of_mutated_text(text: str, megabytes: int) -> None:
    large = text * (megabytes * 1_000_000 // len(text) + 1)
    _assert_profile_or_parse_error(large, strict=False, max_size=len(large))


# -- linear time ------------------------------------------------------------------


def _benchmark() -> ModuleType:
    """benchmarks/parse_pages.py: its large pages are what this test and the
    benchmark's seconds-per-MB lines measure."""
    return load_script("benchmarks/parse_pages.py")


def _fastest_read(text: str, strict: bool) -> float:
    """The least of three times: noise on a shared machine only adds time."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        error_from(mgi.ParseError, mgi.parse_profile, text, strict=strict, max_lines=None)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize(("shape", "strict"), [("large_page", True), ("shuffled_page", False)])
def test_reading_time_is_linear_in_the_size(shape: str, strict: bool) -> None:
    make = getattr(_benchmark(), shape)
    small, large = make(1_000_000), make(4_000_000)
    assert 3.5 < len(large) / len(small) < 4.5
    ratio = _fastest_read(large, strict) / _fastest_read(small, strict)
    # Linear reading gives about 4; quadratic, 16.
    assert ratio < 8, f"reading 4 MB took {ratio:.1f} times as long as 1 MB"


def test_a_large_page_reads_into_every_finding() -> None:
    page = _benchmark().large_page(200_000)
    profile = mgi.parse_profile(page)
    assert len(profile.findings) > 10 * len(mgi.profiles["huehuetenango-2024"].findings)
    marks = unicodedata.normalize("NFC", f"e{chr(0x301) * MAX_MARKS}")  # kept, as the page has it
    assert any(marks in finding.text for finding in profile.findings)


# -- limits -------------------------------------------------------------------------


def test_text_over_the_size_limit_is_refused_before_it_is_read() -> None:
    assert mgi.parse_profile(SEED, max_size=len(SEED)) == mgi.profiles["huehuetenango-2024"]
    for text, unit in [(SEED, "characters"), (SEED.encode(), "bytes")]:
        for strict in (True, False):
            with pytest.raises(mgi.ParseError) as caught:
                mgi.parse_profile(text, max_size=len(SEED) - 1, strict=strict)
            assert caught.value.line == 1
            assert f"has {len(text):,} {unit}, more than the limit of {len(SEED) - 1:,}" in str(
                caught.value
            )


def test_the_default_limit_is_a_few_megabytes() -> None:
    assert 1_000_000 < MAX_PAGE_SIZE <= 10_000_000
    too_long = "x" * (MAX_PAGE_SIZE + 1)
    with pytest.raises(mgi.ParseError, match=f"more than the limit of {MAX_PAGE_SIZE:,}"):
        mgi.parse_profile(too_long)
    with pytest.raises(mgi.ParseError, match="no profile found"):
        mgi.parse_profile(too_long, max_size=None)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_long_run_of_combining_marks_is_refused_at_its_line(end: str) -> None:
    lines = list(SEED_LINES)
    at = next(index for index, line in enumerate(lines) if line.startswith("  • "))
    lines[at] += "e" + "\u0301" * (MAX_MARKS + 1)
    with pytest.raises(mgi.ParseError) as caught:
        mgi.parse_profile(end.join(lines), strict=False)
    assert caught.value.line == at + 1
    assert f"more than {MAX_MARKS} combining marks in a row" in caught.value.message


def test_half_a_surrogate_pair_is_refused_at_its_line() -> None:
    lines = list(SEED_LINES)
    lines[7] += "\udc80"
    with pytest.raises(mgi.ParseError) as caught:
        mgi.parse_profile("\r\n".join(lines), strict=False)
    assert caught.value.line == 8
    assert caught.value.message == "U+DC80, half of a surrogate pair, is not a character"
