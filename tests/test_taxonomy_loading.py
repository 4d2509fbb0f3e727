"""The bundled taxonomy is built by its records' constructors, without the
converter, and the converter still says what is wrong with a broken file."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import attr
import pytest

import mgi
from mgi import _data
from mgi._convert import structure
from mgi.taxonomy import Domain


def test_the_constructors_build_what_the_converter_builds() -> None:
    document, name = _data.read_document("taxonomy.json")
    converted = structure(document, tuple[Domain, ...], name)
    built = tuple(mgi.domains.values())
    assert built == converted

    # Equal down to the types: enums stay enums, tuples stay tuples.
    def shape(domain: Domain) -> str:
        return repr(attr.asdict(domain, retain_collection_types=True))

    assert [shape(domain) for domain in built] == [shape(domain) for domain in converted]
    assert {type(name.use) for domain in built for name in domain.names} == {mgi.NameUse}


def test_the_first_lookup_needs_neither_the_converter_nor_the_profile_records() -> None:
    code = (
        "import sys, mgi\n"
        "assert mgi.domains[1].slug == 'migrants_rights'\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('mgi', 'cattrs')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "mgi.taxonomy" in loaded
    assert not {"cattrs", "mgi._convert", "mgi.model", "mgi.indicator", "mgi.collections"} & loaded


def _load_broken(monkeypatch: pytest.MonkeyPatch, change: Any) -> mgi.Domains:
    document, name = _data.read_document("taxonomy.json")
    broken = copy.deepcopy(document)
    change(broken)
    monkeypatch.setattr(_data, "read_document", lambda *parts: (broken, name))
    loader = _data.domains.__wrapped__  # type: ignore[attr-defined]
    return loader()  # type: ignore[no-any-return]


def test_a_wrong_value_is_located_by_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    def misspell(document: Any) -> None:
        document[2]["names"][0]["use"] = "nmae"

    with pytest.raises(mgi.DataError) as raised:
        _load_broken(monkeypatch, misspell)
    assert raised.value.source == "mgi/data/taxonomy.json"
    [problem] = raised.value.problems
    assert problem.path == "$[2].names[0].use"
    assert "'name'" in problem.message


def test_an_unknown_key_is_located_by_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    def add_key(document: Any) -> None:
        document[0]["migof"]["page"] = 3

    with pytest.raises(mgi.DataError) as raised:
        _load_broken(monkeypatch, add_key)
    assert [problem.path for problem in raised.value.problems] == ["$[0].migof"]
    assert "page" in raised.value.problems[0].message


def test_a_value_of_the_wrong_type_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def number_as_text(document: Any) -> None:
        document[4]["number"] = "5"

    with pytest.raises(mgi.DataError) as raised:
        _load_broken(monkeypatch, number_as_text)
    assert [problem.path for problem in raised.value.problems] == ["$[4].number"]


def test_the_records_show_themselves_as_attrs_would() -> None:
    domain = mgi.domains[3]
    assert repr(domain.names[0]) == (
        "Name(text='Partnerships', language='en', use=<NameUse.NAME: 'name'>, "
        f"source={domain.names[0].source!r})"
    )
    area = domain.subareas[0]
    assert repr(area) == (
        f"SubArea(text='Regional cooperation', language='en', source={area.source!r})"
    )
    migof = domain.migof
    assert repr(migof) == (
        f"MigofElement(kind=<MigofKind.PRINCIPLE: 'principle'>, number=3, text={migof.text!r}, "
        f"statement={migof.statement!r}, source={migof.source!r}, inferred={migof.inferred!r})"
    )
