"""No caller can change the shared bundled objects."""

from __future__ import annotations

import attrs
import pytest

import mgi


def _bundled_records() -> list[object]:
    profile = mgi.profiles["huehuetenango-2024"]
    domain = mgi.domains[1]
    return [
        profile,
        profile.place,
        profile.published,
        profile.source,
        profile.findings[0],
        domain,
        domain.names[0],
        domain.subareas[0],
        domain.migof,
        mgi.provenance(),
        mgi.provenance().sources[0],
    ]


@pytest.mark.parametrize("record", _bundled_records(), ids=lambda r: type(r).__name__)
def test_records_refuse_assignment(record: object) -> None:
    field = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)
    with pytest.raises((AttributeError, TypeError)):
        record.__dict__  # noqa: B018  (slotted: no per-instance dict to change)
    hash(record)  # only immutable containers inside


def test_containers_are_tuples() -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    for value in (profile.findings, profile.introduction, mgi.domains[1].names):
        assert isinstance(value, tuple)


@pytest.mark.parametrize("collection", ["domains", "profiles"])
def test_collections_are_read_only(collection: str) -> None:
    items = getattr(mgi, collection)
    with pytest.raises(AttributeError):
        items._items = ()
    with pytest.raises(TypeError):
        items._index["x"] = None
    with pytest.raises(TypeError):
        items[0] = None


def test_variants_come_from_evolve() -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    variant = attrs.evolve(profile, findings=profile.findings[:1])
    assert len(variant.findings) == 1
    assert len(mgi.profiles["huehuetenango-2024"].findings) == 33
    with pytest.raises(mgi.InvalidValueError):
        attrs.evolve(profile, language="Spanish")
