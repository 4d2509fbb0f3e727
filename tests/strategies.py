"""Hypothesis strategies for valid ``mgi`` records."""

from __future__ import annotations

from hypothesis import strategies as st

import mgi

# Any text a profile might hold: printable, non-blank, any script.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
).filter(lambda text: text.strip() != "")

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)

year_months = st.builds(
    mgi.YearMonth, st.integers(min_value=1900, max_value=2999), st.integers(1, 12)
)

places = st.builds(
    mgi.Place,
    name=texts,
    kind=st.sampled_from(["country", "municipality", "city", "state", "province"]),
    level=st.sampled_from(mgi.Level),
    country=st.from_regex(r"[A-Z]{3}", fullmatch=True),
    country_name=texts,
)

findings = st.builds(
    mgi.Finding, domain=st.integers(1, 6), kind=st.sampled_from(mgi.FindingKind), text=texts
)

profiles = st.builds(
    mgi.Profile,
    id=ids,
    title=texts,
    place=places,
    language=st.sampled_from(["en", "es", "fr", "pt"]),
    published=year_months,
    introduction=st.lists(texts, max_size=3).map(tuple),
    findings=st.lists(findings, max_size=12).map(tuple),
    source=st.builds(mgi.Source, description=texts, url=st.none() | texts),
)
