"""Collections of any size: built from files, folders, JSON Lines and objects."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st
from tests.strategies import profiles as generated_profiles

import mgi
from mgi import _convert

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]


def _variant(number: int, **changes: Any) -> mgi.Profile:
    """The bundled profile under another id (and other fields)."""
    return attrs.evolve(HUEHUETENANGO, id=f"copy-{number}", **changes)


def _line(profile: mgi.Profile) -> str:
    return json.dumps(mgi.profile_to_dict(profile), ensure_ascii=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of two JSON files, a JSON Lines file of two profiles, and other files."""
    (tmp_path / "files").mkdir()
    mgi.dump_profile(_variant(1), tmp_path / "files" / "one.json")
    mgi.dump_profile(_variant(2, language="en"), tmp_path / "files" / "two.json")
    (tmp_path / "files" / "notes.txt").write_text("not a profile", encoding="utf-8")
    lines = [_line(_variant(3)), "", _line(_variant(4, published=mgi.YearMonth(2019, 5)))]
    (tmp_path / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_every_kind_of_source_in_one_collection(folder: Path) -> None:
    parsed_elsewhere = _variant(5)
    collection = mgi.load_profiles(
        folder / "files", str(folder / "more.jsonl"), mgi.profiles, [parsed_elsewhere]
    )
    assert collection.ids == (
        "copy-1",
        "copy-2",
        "copy-3",
        "copy-4",
        "copy-5",
        "huehuetenango-2024",
    )
    assert collection["COPY-3"] == _variant(3)
    assert collection.source_of("copy-1") == str(folder / "files" / "one.json")
    assert collection.source_of("copy-4") == f"{folder / 'more.jsonl'}, line 3"
    assert collection.source_of("copy-5") == "argument 4, item 0"
    assert collection.source_of("huehuetenango-2024") == (
        "mgi/data/profiles/huehuetenango-2024.json"
    )


def test_the_query_api_of_the_bundled_collection(folder: Path) -> None:
    collection = mgi.load_profiles(folder / "files", folder / "more.jsonl")
    assert collection.get("nothing") is None
    assert "nothing" not in collection
    with pytest.raises(mgi.NotFoundError, match="did you mean 'copy-1'"):
        collection["copy-01"]
    assert collection.filter(language="en").ids == ("copy-2",)
    assert collection.filter(year=2019).ids == ("copy-4",)
    assert len(collection.filter(country="Guatemala", level="local")) == 4
    assert len(collection.filter(domain="crises", kind="potential")) == 4
    with pytest.raises(mgi.NotFoundError):
        collection.filter(kind="strength")
    # The filtered collection remembers where its profiles came from.
    assert collection.filter(year=2019).source_of("copy-4").endswith("more.jsonl, line 3")


def test_filter_by_domain_and_kind_keeps_profiles_with_such_findings() -> None:
    crises = tuple(f for f in HUEHUETENANGO.findings if f.domain != 5)
    without = _variant(1, findings=crises)
    collection = mgi.Profiles([HUEHUETENANGO, without])
    assert collection.filter(domain=5).ids == ("huehuetenango-2024",)
    assert collection.filter(domain="partnerships", kind="potential").ids == (
        "copy-1",
        "huehuetenango-2024",
    )


def test_a_duplicate_id_names_both_places(folder: Path) -> None:
    mgi.dump_profile(_variant(3), folder / "files" / "three.json")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(folder / "files", folder / "more.jsonl")
    message = str(caught.value)
    assert "'copy-3' appears twice" in message
    assert str(folder / "files" / "three.json") in message
    assert f"{folder / 'more.jsonl'}, line 1" in message


def test_objects_given_twice_are_named_by_position() -> None:
    with pytest.raises(mgi.DataError, match=r"argument 1 and argument 2, item 0"):
        mgi.load_profiles(HUEHUETENANGO, [HUEHUETENANGO])


def test_a_bad_line_names_file_line_and_json_path(tmp_path: Path) -> None:
    document = mgi.profile_to_dict(HUEHUETENANGO)
    document["findings"][4]["domain"] = "parnterships"
    path = tmp_path / "bad.jsonl"
    path.write_text(_line(_variant(1)) + "\n" + json.dumps(document) + "\n", encoding="utf-8")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(path)
    assert str(caught.value) == (
        f"{path}: line 2, $.findings[4].domain: expected one of 'migrants_rights', "
        "'whole_of_government', 'partnerships', 'wellbeing', 'crises', "
        "'safe_orderly_regular', got string 'parnterships' "
        "(did you mean 'partnerships'?)"
    )
    assert caught.value.source == str(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "x",', "line 2, column 12: invalid JSON: Expecting property name"),
        ('{"id": "x", "id": "y"}', "line 2, column 1: invalid JSON: the key 'id' appears twice"),
        ("[1, 2]", "line 2, $: expected an object, got array"),
        ('{"id": NaN}', "line 2, column 8: invalid JSON: NaN is not a valid JSON number"),
    ],
)
def test_malformed_lines_are_located(tmp_path: Path, line: str, expected: str) -> None:
    path = tmp_path / "bad.ndjson"
    path.write_text(_line(_variant(1)) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(path)
    assert str(caught.value).startswith(f"{path}: {expected}")


def test_a_line_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(_line(_variant(1)).encode() + b"\n" + b'{"id": "caf\xe9"}\n')
    with pytest.raises(mgi.DataError, match=r"bad.jsonl: line 2, byte 11: not UTF-8 text"):
        mgi.load_profiles(path)


def test_a_folder_is_read_for_json_and_json_lines_files(folder: Path) -> None:
    (folder / "more.jsonl").rename(folder / "files" / "more.jsonl")
    (folder / "files" / "last.ndjson").write_text(_line(_variant(6)) + "\n", encoding="utf-8")
    collection = mgi.load_profiles(folder / "files")
    assert collection.ids == ("copy-1", "copy-2", "copy-3", "copy-4", "copy-6")
    assert collection.source_of("copy-4") == f"{folder / 'files' / 'more.jsonl'}, line 3"
    assert collection.source_of("copy-6") == f"{folder / 'files' / 'last.ndjson'}, line 1"


def test_extensions_are_read_in_any_case(folder: Path) -> None:
    (folder / "more.jsonl").rename(folder / "MORE.JSONL")
    assert mgi.load_profiles(folder / "MORE.JSONL").ids == ("copy-3", "copy-4")


def test_a_bad_file_in_a_folder_is_named(folder: Path) -> None:
    (folder / "files" / "three.json").write_text('{"id": "three"}', encoding="utf-8")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(folder / "files")
    assert str(caught.value).startswith(f"{folder / 'files' / 'three.json'}: $.title:")


def test_missing_paths_and_wrong_objects_are_mgi_errors(tmp_path: Path) -> None:
    with pytest.raises(mgi.MGIError, match=r"nowhere\.jsonl: cannot read the file"):
        mgi.load_profiles(tmp_path / "nowhere.jsonl")
    with pytest.raises(mgi.MGIError, match=r"nowhere\.json: cannot read the file"):
        mgi.load_profiles(tmp_path / "nowhere.json")
    with pytest.raises(mgi.InvalidValueError, match="argument 1, item 1: expected a Profile"):
        mgi.load_profiles([HUEHUETENANGO, "huehuetenango-2024"])
    with pytest.raises(mgi.InvalidValueError, match="argument 2: expected a path"):
        mgi.load_profiles(HUEHUETENANGO, 42)  # type: ignore[arg-type]


def test_an_empty_collection_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    collection = mgi.load_profiles(tmp_path / "empty.jsonl")
    assert not collection
    assert collection.search("migrantes") == []


@pytest.mark.parametrize("collecting", [True, False])
def test_the_garbage_collector_is_left_as_it_was(folder: Path, collecting: bool) -> None:
    (gc.enable if collecting else gc.disable)()
    try:
        mgi.load_profiles(folder / "more.jsonl")
        assert gc.isenabled() is collecting
        (folder / "more.jsonl").write_text("{", encoding="utf-8")
        with pytest.raises(mgi.DataError):
            mgi.load_profiles(folder / "more.jsonl")
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


def test_dump_then_load_gives_the_same_profiles(tmp_path: Path) -> None:
    originals = [_variant(number) for number in range(3)] + [HUEHUETENANGO]
    mgi.dump_profiles(originals, tmp_path / "all.jsonl")
    assert list(mgi.load_profiles(tmp_path / "all.jsonl")) == sorted(
        originals, key=lambda profile: profile.id
    )
    assert (tmp_path / "all.jsonl").read_text(encoding="utf-8").count("\n") == 4
    # The file loads with the standard library alone, one document per line.
    for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines():
        assert mgi.profile_from_dict(json.loads(line)) in originals


def test_a_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + _line(_variant(1)).encode())
    assert mgi.load_profiles(tmp_path / "bom.jsonl").ids == ("copy-1",)


def test_loaded_collections_share_repeated_strings(tmp_path: Path) -> None:
    mgi.dump_profiles([_variant(number) for number in range(3)], tmp_path / "all.jsonl")
    first, *others = mgi.load_profiles(tmp_path / "all.jsonl")
    for other in others:
        assert other.place.country is first.place.country
        assert other.place.kind is first.place.kind
        assert other.published is first.published


# -- the fast converter builds exactly what the detailed converter builds ------


def _record_form(document: Any) -> Any:
    """A document without its format key: what the converter reads (the
    format is the document's, read by mgi.documents)."""
    return {key: value for key, value in document.items() if key != "$schema"}


def _fast(document: Any) -> mgi.Profile:
    return _convert._fast.structure(document, mgi.Profile)


def _detailed(document: Any) -> mgi.Profile:
    return _convert._detailed().structure(document, mgi.Profile)


@settings(max_examples=60)
@given(generated_profiles)
def test_valid_documents_build_the_same_on_both_converters(profile: mgi.Profile) -> None:
    document = _record_form(mgi.profile_to_dict(profile))
    assert _fast(document) == profile
    assert _detailed(document) == profile
    # Keys in another order make no difference.
    reordered = {key: document[key] for key in reversed(document)}
    reordered["findings"] = [{k: f[k] for k in reversed(f)} for f in document["findings"]]
    assert _fast(reordered) == profile


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


_ODD_VALUES = st.sampled_from(
    [None, True, 0, 1, 2.5, "", " ", "x", "2024-8", "potential", "crises", [], {}, ["x"]]
)


@settings(max_examples=150)
@given(st.data())
def test_a_changed_document_fails_on_the_fast_path_exactly_when_it_is_invalid(
    data: st.DataObject,
) -> None:
    document = _record_form(mgi.profile_to_dict(HUEHUETENANGO))
    for _ in range(data.draw(st.integers(1, 3))):
        places = list(_paths(document))[1:]
        *parent_path, key = data.draw(st.sampled_from(places))
        parent: Any = document
        for step in parent_path:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[key] = data.draw(_ODD_VALUES)
        elif action == "delete" and isinstance(parent, dict):
            del parent[key]
        elif isinstance(parent, dict):
            parent["extra"] = 1
    try:
        expected = _detailed(document)
    except Exception:  # the detailed converter refuses it: so must the fast one
        with pytest.raises(Exception):  # noqa: B017, PT011 - any misfit is refused
            _fast(document)
        with pytest.raises(mgi.DataError):
            mgi.profile_from_dict(document)
    else:
        assert _fast(document) == expected


def test_a_key_given_twice_is_refused() -> None:
    twice = '"kind": "potential", "kind": "well_developed"'
    text = _line(HUEHUETENANGO).replace('"kind": "well_developed"', twice, 1)
    with pytest.raises(mgi.DataError, match="the key 'kind' appears twice"):
        mgi.loads_profile(text)
