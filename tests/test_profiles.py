"""The bundled profile, its findings, and the profile collection."""

from __future__ import annotations

import pytest

import mgi

HUEHUETENANGO = "huehuetenango-2024"


@pytest.fixture
def profile() -> mgi.Profile:
    return mgi.profiles[HUEHUETENANGO]


def test_place_and_date(profile: mgi.Profile) -> None:
    place = profile.place
    assert (place.name, place.kind, place.level) == (
        "Municipalidad de Huehuetenango",
        "municipality",
        mgi.Level.LOCAL,
    )
    assert (place.country, place.country_name) == ("GTM", "Guatemala")
    assert profile.language == "es"
    assert str(profile.published) == "2024-08"


def test_select_by_domain_and_kind(profile: mgi.Profile) -> None:
    assert len(profile.select()) == 33
    assert len(profile.select(domain=2)) == 5
    assert len(profile.select(domain="Enfoque de gobierno integral", kind="potential")) == 3
    well = profile.select(kind=mgi.FindingKind.WELL_DEVELOPED)
    assert len(well) == 17
    assert all(f.kind is mgi.FindingKind.WELL_DEVELOPED for f in well)
    assert profile.select(kind="well-developed") == well


def test_per_domain_view(profile: mgi.Profile) -> None:
    groups = profile.by_domain()
    assert [g.domain.number for g in groups] == [1, 2, 3, 4, 5, 6]
    counts = [(len(g.well_developed), len(g.potential)) for g in groups]
    assert counts == [(4, 2), (2, 3), (2, 2), (3, 3), (3, 3), (3, 3)]
    trafficking = profile.for_domain("safe_orderly_regular").well_developed[0]
    assert trafficking.startswith("En 2023 las autoridades municipales")


@pytest.mark.parametrize(
    ("domain", "kind"), [("parnterships", None), (None, "strengths"), (9, None), (None, 3)]
)
def test_unknown_domain_or_kind_is_a_clear_error(
    profile: mgi.Profile, domain: object, kind: object
) -> None:
    with pytest.raises(mgi.NotFoundError):
        profile.select(domain=domain, kind=kind)  # type: ignore[arg-type]


def test_lookup_by_id_and_misses() -> None:
    assert mgi.profiles["HUEHUETENANGO-2024"].id == HUEHUETENANGO
    assert HUEHUETENANGO in mgi.profiles
    assert mgi.profiles.get("huehuetenango-2023") is None
    assert "../../etc/passwd" not in mgi.profiles
    with pytest.raises(mgi.NotFoundError, match="did you mean 'huehuetenango-2024'"):
        mgi.profiles["huehuetenango"]
    assert mgi.profiles.ids == (HUEHUETENANGO,)


@pytest.mark.parametrize(
    ("criteria", "found"),
    [
        ({"country": "GTM"}, 1),
        ({"country": "gtm"}, 1),
        ({"country": "Guatemala"}, 1),
        ({"country": "MEX"}, 0),
        ({"level": "local"}, 1),
        ({"level": mgi.Level.NATIONAL}, 0),
        ({"language": "es"}, 1),
        ({"language": "en"}, 0),
        ({"year": 2024}, 1),
        ({"year": 2023}, 0),
        ({"country": "GTM", "level": "local", "language": "es", "year": 2024}, 1),
    ],
)
def test_filters(criteria: dict[str, object], found: int) -> None:
    assert len(mgi.profiles.filter(**criteria)) == found  # type: ignore[arg-type]


def test_unknown_level_is_a_clear_error() -> None:
    with pytest.raises(mgi.NotFoundError, match="unknown level 'regional'"):
        mgi.profiles.filter(level="regional")  # type: ignore[arg-type]


def test_city_is_another_word_for_local() -> None:
    assert mgi.profiles.filter(level="city") == mgi.profiles.filter(level="local")
    domain = mgi.domains[3]
    assert domain.description("city") == domain.description("local") == domain.local_description
    with pytest.raises(mgi.NotFoundError, match="did you mean"):
        domain.description("town")  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning, match="local_description"):
        assert domain.city_description == domain.local_description


def test_duplicate_ids_are_refused(profile: mgi.Profile) -> None:
    from mgi.collections import Profiles

    with pytest.raises(mgi.MGIError, match="huehuetenango-2024"):
        Profiles([profile, profile])
