"""Looking domains up by any key, and the one rule for misses."""

from __future__ import annotations

from pathlib import Path

import pytest

import mgi

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("key", "number"),
    [
        (1, 1),
        ("3", 3),
        ("partnerships", 3),
        ("alianzas", 3),
        ("ALIANZAS", 3),
        ("Partenariats", 3),
        ("PD_5", 5),
        ("MIGRANTS' RIGHTS", 1),
        ("Migrant’s Rights", 1),
        ("migrants rights", 1),
        ("Derechos de los migrantes", 1),
        ("derechos de las personas migrantes", 1),
        ("Enfoque de gobierno integral", 2),
        ("Approche associant l’ensemble du gouvernement", 2),
        ("bienestar socioeconomico de las personas migrantes y la sociedad", 4),
        ("Socioeconomic well-being of migrants", 4),
        ("WELLBEING", 4),
        ("Mobility dimension of crises", 5),
        ("MIGRACION SEGURA, ORDENADA Y REGULAR", 6),
        ("Migrations sûres, ordonnées et régulières", 6),
        ("  whole   of government APPROACH ", 2),
    ],
)
def test_every_key_form_finds_its_domain(key: int | str, number: int) -> None:
    assert mgi.domains[key].number == number
    assert mgi.domains.get(key) is mgi.domains[number]
    assert key in mgi.domains


def test_a_domain_is_its_own_key() -> None:
    domain = mgi.domains[4]
    assert mgi.domains[domain] is domain


def test_iteration_is_in_domain_order() -> None:
    assert [d.number for d in mgi.domains.values()] == [1, 2, 3, 4, 5, 6]
    assert [d.slug for d in mgi.domains.values()] == list(mgi.model.DOMAIN_SLUGS)
    assert len(mgi.domains) == 6


def test_a_miss_names_the_key_and_suggests() -> None:
    with pytest.raises(mgi.NotFoundError) as caught:
        mgi.domains["parnterships"]
    assert isinstance(caught.value, KeyError)
    assert caught.value.key == "parnterships"
    assert "partnerships" in caught.value.suggestions
    assert str(caught.value) == "unknown domain 'parnterships' (did you mean 'partnerships'?)"


@pytest.mark.parametrize("key", [0, 7, -1, True, 2.0, None, "", "nothing like it", (), [1]])
def test_misses_follow_one_rule(key: object) -> None:
    assert mgi.domains.get(key) is None  # type: ignore[arg-type]
    assert mgi.domains.get(key, "fallback") == "fallback"  # type: ignore[arg-type]
    assert key not in mgi.domains
    with pytest.raises(mgi.NotFoundError):
        mgi.domains[key]  # type: ignore[index]


def test_names_per_language() -> None:
    rights = mgi.domains[1]
    assert rights.name == "Migrants' rights"
    assert rights.name_in("es") == "Derechos de los migrantes"
    assert rights.name_in("fr") == "Droits des migrants"
    assert rights.name_in("pt") is None  # not found in any source: left out
    for domain in mgi.domains.values():
        assert domain.name_in("en")
        assert domain.name_in("es")
        assert domain.name_in("fr")
        assert all(name.source for name in domain.names)


def test_descriptions_by_level() -> None:
    domain = mgi.domains[2]
    assert domain.description("national").startswith("Indicators in this domain")
    assert domain.description(mgi.Level.LOCAL).startswith("Indicators in this category")


def test_crosswalks() -> None:
    assert [d.sdg_code for d in mgi.domains.values()] == [f"PD_{n}" for n in range(1, 7)]
    kinds = [(d.migof.kind.value, d.migof.number) for d in mgi.domains.values()]
    assert kinds == [
        ("principle", 1),
        ("principle", 2),
        ("principle", 3),
        ("objective", 1),
        ("objective", 2),
        ("objective", 3),
    ]
    assert [d.migof.inferred for d in mgi.domains.values()] == [False] * 4 + [True] * 2


def test_subareas_as_published() -> None:
    assert "Family reunification" in mgi.domains[1].subareas_in("en")
    assert "Regroupement familial" in mgi.domains[1].subareas_in("fr")
    assert mgi.domains[2].subareas_in("en")[0] == "Institutional framework"
    assert mgi.domains[6].subareas_in("en") == ()  # not found: left out


def test_repr_is_short() -> None:
    assert repr(mgi.domains[3]) == "Domain(3, 'partnerships')"
    assert str(mgi.domains[3]) == "Partnerships"


def test_subarea_apostrophe_as_published() -> None:
    # mgi-facts additions, part A: the pages print a typographic apostrophe.
    text = (FIXTURES / "facts" / "mgi-facts-additions.md").read_text(encoding="utf-8")
    additions = " ".join(text.split())
    published = "Migrants’ access to basic social services and social security"
    assert f'print "{published}" with a typographic apostrophe (U+2019)' in additions
    assert mgi.domains[1].subareas_in("en")[0] == published
    texts = [area.text for domain in mgi.domains.values() for area in domain.subareas]
    assert not any("Migrants' access" in text for text in texts)


def test_names_seen_only_as_headings_are_marked_recased() -> None:
    # A sentence-case name whose only published form is an all-capital
    # heading is a re-casing: the provenance says so for each of them.
    note = next(
        part.note or ""
        for part in mgi.provenance().sources
        if part.topic.startswith("domain names and variants")
    )
    assert "re-casing and not a published spelling" in note
    for seen in ("DERECHOS DE LOS MIGRANTES", "APPROCHE ASSOCIANT L'ENSEMBLE DU GOUVERNEMENT"):
        assert seen in note
    assert "'PARTENARIATS'" in note
    assert "the Huehuetenango headings" in note
    assert "French names of domains 4-6 come from running text and are capitalised" in note
    headings = {
        (domain.number, name.language): name.text
        for domain in mgi.domains.values()
        for name in domain.names
        if name.use is mgi.NameUse.HEADING
    }
    # Every Spanish name and variant is the re-casing of a Huehuetenango heading
    # but the portal's name of domain 1, which the note names itself.
    for domain in mgi.domains.values():
        for name in domain.names:
            if name.language == "es" and name.use is not mgi.NameUse.HEADING:
                heading = headings[domain.number, "es"]
                assert name.text.upper() == heading or name.text in note, name.text
