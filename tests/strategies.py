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

# -- the taxonomy and the provenance ------------------------------------------

languages = st.from_regex(r"[a-z]{2,3}", fullmatch=True)

names = st.builds(
    mgi.Name, text=texts, language=languages, use=st.sampled_from(mgi.NameUse), source=texts
)


@st.composite
def domains(draw: st.DrawFn, number: int | None = None) -> mgi.Domain:
    """A domain record: any texts, with the number, slug and codes that go together."""
    from mgi.taxonomy import DOMAIN_SLUGS

    number = draw(st.integers(1, 6)) if number is None else number
    return mgi.Domain(
        number=number,
        slug=DOMAIN_SLUGS[number - 1],
        names=(
            mgi.Name(draw(texts), "en", mgi.NameUse.NAME, draw(texts)),
            *draw(st.lists(names, max_size=3)),
        ),
        national_description=draw(texts),
        local_description=draw(texts),
        subareas=tuple(
            draw(st.lists(st.builds(mgi.SubArea, texts, languages, texts), max_size=3))
        ),
        migof=draw(
            st.builds(
                mgi.MigofElement,
                kind=st.sampled_from(mgi.MigofKind),
                number=st.integers(1, 3),
                text=texts,
                statement=texts,
                source=texts,
                inferred=st.booleans(),
            )
        ),
        sdg_code=f"PD_{number}",
    )


provenances = st.builds(
    mgi.Provenance,
    data_version=texts,
    updated=texts,
    description=texts,
    sources=st.lists(
        st.builds(
            mgi.DataSource,
            topic=texts,
            sources=st.lists(texts, max_size=3).map(tuple),
            note=st.none() | texts,
        ),
        max_size=3,
    ).map(tuple),
    not_found=st.lists(texts, max_size=3).map(tuple),
)

# -- SDG indicator 10.7.2 ---------------------------------------------------------


@st.composite
def sdg_domains(draw: st.DrawFn, number: int) -> mgi.sdg.SdgDomain:
    return mgi.sdg.SdgDomain(
        number=number,
        code=f"PD_{number}",
        name=draw(texts),
        proxy=draw(texts),
        question=draw(texts),
        subcategories=tuple(
            mgi.sdg.Subcategory(number, letter, draw(texts)) for letter in "abcde"
        ),
    )


@st.composite
def sdg_indicators(draw: st.DrawFn) -> mgi.sdg.SdgIndicator:
    series = st.builds(
        mgi.sdg.Series, code=texts, number=st.none() | texts, meaning=texts, source=texts
    )
    breakdown_codes = st.sampled_from(["_T", *(f"PD_{n}" for n in range(1, 7))])
    return mgi.sdg.SdgIndicator(
        code=draw(texts),
        name=draw(texts),
        former_names=tuple(draw(st.lists(texts, max_size=2))),
        custodians=tuple(draw(st.lists(texts, max_size=2))),
        partner_agency=draw(texts),
        custodian_sources=tuple(draw(st.lists(texts, max_size=2))),
        series=tuple(draw(st.lists(series, max_size=2))),
        breakdowns=tuple(draw(st.lists(st.builds(mgi.sdg.Breakdown, breakdown_codes, texts)))),
        breakdowns_source=draw(texts),
        scale=tuple(mgi.sdg.ScaleStep(n, mgi.Category(n).label, draw(texts)) for n in range(1, 5)),
        method_source=draw(texts),
        domains=tuple(draw(sdg_domains(n)) for n in range(1, 7)),
        domains_source=draw(texts),
    )


@st.composite
def responses(draw: st.DrawFn, complete: bool = False) -> dict[str, mgi.sdg.Response]:
    """Responses each sub-category's domain takes, keyed '1a' ... '6e'; some
    sub-categories left out unless ``complete``."""
    chosen = {}
    for item in mgi.sdg.subcategories:
        if complete or draw(st.booleans()):
            chosen[item.key] = draw(st.sampled_from(item.responses))
    return chosen
