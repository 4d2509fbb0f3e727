"""The shipped JSON Schemas: fresh, valid, in agreement with the loaders on
generated documents, and versioned with the documents that name them."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from jsonschema import Draft202012Validator
from tests.mutations import broken, json_values, parent, paths
from tests.strategies import profiles, responses

import mgi
from mgi.taxonomy import DOMAIN_SLUGS

ROOT = Path(__file__).parent.parent
PACKAGED = ROOT / "src" / "mgi" / "data" / "schema"
sys.path.insert(0, str(ROOT / "tools"))

import make_schema  # noqa: E402  (the generator beside the project)

PROFILE = Draft202012Validator(mgi.schema("profile"))
RESPONSES = Draft202012Validator(mgi.schema("responses"))


# -- the files ---------------------------------------------------------------------


def test_the_schemas_and_their_reference_are_fresh() -> None:
    stale = [
        str(path.relative_to(ROOT))
        for path, text in make_schema.outputs().items()
        if path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run 'python tools/make_schema.py' to update {stale}"


@pytest.mark.parametrize("name", ["profile", "responses"])
def test_each_schema_is_a_valid_draft_2020_12_schema(name: mgi.SchemaName) -> None:
    schema = mgi.schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:mgi:{name}:1"
    assert schema["title"]
    assert "cannot" not in schema["description"]  # what it cannot say is said plainly
    assert "mgi checks that" in schema["description"]


def test_schema_gives_a_new_copy_of_the_packaged_file() -> None:
    first = mgi.schema("profile")
    assert first == json.loads((PACKAGED / "profile.json").read_text(encoding="utf-8"))
    first["properties"].clear()
    assert mgi.schema("profile")["properties"]  # the caller's change stays the caller's
    assert mgi.schema("profile") is not mgi.schema("profile")


def test_an_unknown_schema_is_a_miss_with_suggestions() -> None:
    with pytest.raises(mgi.NotFoundError, match=r"unknown schema 'profiles' \(did you mean"):
        mgi.schema("profiles")  # type: ignore[arg-type]
    with pytest.raises(mgi.NotFoundError):
        mgi.schema(["profile"])  # type: ignore[arg-type]


def test_the_shell_prints_the_schema(tmp_path: Path) -> None:
    for name in ("profile", "responses"):
        done = subprocess.run(
            [sys.executable, "-m", "mgi", "schema", name],
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(done.stdout) == mgi.schema(name)  # type: ignore[arg-type]
        assert done.stdout == (PACKAGED / f"{name}.json").read_text(encoding="utf-8")
    target = tmp_path / "profile.schema.json"
    subprocess.run(
        [sys.executable, "-m", "mgi", "schema", "profile", "-o", str(target)], check=True
    )
    assert json.loads(target.read_text(encoding="utf-8"))["$id"] == "urn:mgi:profile:1"
    refused = subprocess.run(
        [sys.executable, "-m", "mgi", "schema", "profiles"], capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert "choose from 'profile', 'responses'" in refused.stderr


def test_descriptions_come_from_the_field_docs() -> None:
    schema = mgi.schema("profile")
    assert schema["properties"]["title"]["description"] == "The title as published."
    place = schema["$defs"]["Place"]
    assert place["title"] == "Place"
    assert place["properties"]["country"]["description"].startswith("ISO 3166-1 alpha-3")
    assert schema["$defs"]["Source"]["properties"]["url"]["description"] == (
        "The address of the page, or null where it is not known."
    )
    item = mgi.sdg.subcategories["4d"]
    assert mgi.schema("responses")["properties"]["4d"]["title"] == item.name


# -- the versions are kept ----------------------------------------------------------

# A fingerprint of each format version's rules (the schema without its titles
# and descriptions). A change to the rules is a new version of the format:
# give the format its next version in mgi/_formats.py (see the versioning
# policy in docs/reference/documents.md) and add the new fingerprint here.
FINGERPRINTS = {
    "urn:mgi:profile:1": "78583eee161d1325898e312d69cbb7ecb76b99c7321f84286f011de2456eab68",
    "urn:mgi:responses:1": "12e0e23e0de4520b7693dce07af9520685dc62290e17cd751b67fe8bdbf0d304",
}
ANNOTATIONS = frozenset({"title", "description", "$comment"})


def _rules(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_rules(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        key: {name: _rules(inner) for name, inner in value.items()}
        if key in ("properties", "$defs")
        else _rules(value)
        for key, value in schema.items()
        if key not in ANNOTATIONS
    }


@pytest.mark.parametrize("name", ["profile", "responses"])
def test_the_rules_change_only_with_the_version(name: mgi.SchemaName) -> None:
    schema = mgi.schema(name)
    rules = json.dumps(_rules(schema), sort_keys=True, ensure_ascii=True)
    fingerprint = hashlib.sha256(rules.encode()).hexdigest()
    assert FINGERPRINTS.get(schema["$id"]) == fingerprint, (
        f"the rules of {schema['$id']} changed: a new version of the format "
        f"(docs/reference/documents.md), whose fingerprint is {fingerprint}"
    )


# -- the types of a document ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        (mgi.ProfileDocument, ()),
        (mgi.PlaceDocument, ("$defs", "Place")),
        (mgi.FindingDocument, ("$defs", "Finding")),
        (mgi.SourceDocument, ("$defs", "Source")),
    ],
)
def test_the_typed_documents_have_the_schema_s_keys(kind: Any, where: tuple[str, ...]) -> None:
    shape: Any = mgi.schema("profile")
    for step in where:
        shape = shape[step]
    hints = typing.get_type_hints(kind)
    assert list(hints) == list(shape["properties"])
    assert set(shape["required"]) <= kind.__required_keys__
    for key, hint in hints.items():
        if "enum" in shape["properties"][key]:
            assert list(typing.get_args(hint)) == shape["properties"][key]["enum"]


def test_the_domain_slugs_type_lists_the_slugs() -> None:
    assert typing.get_args(mgi.DomainSlug) == DOMAIN_SLUGS


def test_profile_to_dict_gives_plain_json_values() -> None:
    document = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    assert json.loads(json.dumps(document)) == document
    assert type(document["place"]["level"]) is str
    assert type(document["findings"][0]["kind"]) is str


# -- format versions in documents ----------------------------------------------------

BUNDLED = mgi.profiles["huehuetenango-2024"]


def test_a_document_with_its_format_round_trips_unchanged() -> None:
    text = mgi.dumps_profile(BUNDLED)
    assert json.loads(text)["$schema"] == "urn:mgi:profile:1"
    assert next(iter(json.loads(text))) == "$schema"
    assert mgi.dumps_profile(mgi.loads_profile(text)) == text
    lines = mgi.dumps_profiles([BUNDLED])
    assert mgi.dumps_profiles(mgi.loads_profiles(lines)) == lines
    assert PROFILE.is_valid(json.loads(text))


def test_a_document_without_its_format_is_read_as_the_current_one() -> None:
    document = mgi.profile_to_dict(BUNDLED)
    del document["$schema"]  # type: ignore[misc]
    before = copy.deepcopy(document)
    assert mgi.profile_from_dict(document) == BUNDLED
    assert document == before
    assert PROFILE.is_valid(document)


@pytest.mark.parametrize(
    "load",
    [
        lambda text: mgi.loads_profile(text, source="new.json"),
        lambda text: mgi.loads_profiles(text.replace("\n", " ") + "\n", source="new.json"),
    ],
    ids=["json", "json-lines"],
)
def test_a_newer_format_is_refused_naming_both_versions(load: Any) -> None:
    document = dict(mgi.profile_to_dict(BUNDLED), **{"$schema": "urn:mgi:profile:2"})
    document["colour"] = "a key of format 2"
    with pytest.raises(mgi.DataError) as caught:
        load(json.dumps(document, indent=1))
    (problem,) = caught.value.problems  # not the keys format 2 may have added
    assert problem.path == "$.$schema"
    assert "mgi profile format 2, newer than format 1" in problem.message
    assert "upgrade mgi" in problem.message


def test_another_format_is_reported_with_the_other_problems() -> None:
    document = dict(mgi.profile_to_dict(BUNDLED), **{"$schema": "urn:mgi:responses:1"})
    document["title"] = " "
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document)
    assert [str(problem) for problem in caught.value.problems] == [
        "$.$schema: expected 'urn:mgi:profile:1' (mgi profile format 1), got "
        "'urn:mgi:responses:1'",
        "$.title: expected some text, got an empty string",
    ]
    alone = dict(mgi.profile_to_dict(BUNDLED), **{"$schema": None})
    with pytest.raises(mgi.DataError, match=r"\$\.\$schema: expected .* got null"):
        mgi.profile_from_dict(alone)


def test_responses_files_name_their_format() -> None:
    text = '{"$schema": "urn:mgi:responses:1", "2a": "yes"}'
    assert mgi.sdg.loads_responses(text) == {"2a": mgi.Response.YES}
    with pytest.raises(mgi.DataError) as caught:
        mgi.sdg.loads_responses(text.replace(":1", ":7") + " ", source="a.json")
    assert str(caught.value) == (
        "a.json: $['$schema']: the document is in mgi responses format 7, newer than "
        "format 1, the newest this version of mgi reads: upgrade mgi to read it"
    )
    with pytest.raises(mgi.DataError, match=r"\$\['\$schema'\]: expected 'urn:mgi:responses:1'"):
        mgi.sdg.loads_responses('{"$schema": "urn:mgi:profile:1"}')


def test_a_json_responses_file_takes_each_key_as_written() -> None:
    with pytest.raises(mgi.DataError) as caught:
        mgi.sdg.loads_responses('{"1A": "no", "public education": "no"}', source="a.json")
    assert [problem.message for problem in caught.value.problems] == [
        "write the sub-category key as '1a': a JSON file takes the keys '1a' to '6e' as written",
        "write the sub-category key as '1b': a JSON file takes the keys '1a' to '6e' as written",
    ]
    csv = "subcategory,response\n1A,no\npublic education,no\n"
    assert list(mgi.sdg.loads_responses(csv, "csv")) == ["1a", "1b"]


# -- one spelling for each value ---------------------------------------------------------

SLUGS = ", ".join(map(repr, DOMAIN_SLUGS))


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("findings", 0, "domain"), 3, f"expected one of {SLUGS}, got integer 3"),
        (("findings", 0, "domain"), "PD_3", f"expected one of {SLUGS}, got string 'PD_3'"),
        (("findings", 0, "domain"), "Alianzas", f"expected one of {SLUGS}, got string"),
        (("findings", 0, "kind"), "Potential", "expected one of 'well_developed', 'potential'"),
        (("place", "level"), "city", "expected one of 'national', 'local', got string 'city'"),
    ],
)
def test_a_document_takes_the_canonical_form_only(
    where: tuple[Any, ...], value: object, message: str
) -> None:
    document: Any = mgi.profile_to_dict(BUNDLED)
    parent(document, where)[where[-1]] = value
    with pytest.raises(mgi.DataError) as caught:
        mgi.profile_from_dict(document)
    (problem,) = caught.value.problems
    assert problem.message.startswith(message)
    meant = {"domain": "partnerships", "kind": "potential", "level": "local"}[where[-1]]
    assert problem.message.endswith(f"(did you mean {meant!r}?)")
    assert not PROFILE.is_valid(document)


# -- the schemas and the loaders agree ---------------------------------------------------

# Values near each rule's edges: white space Python strips and ECMA-262 does
# not (and the other way), a final newline, years and months just outside,
# digits of other scripts, the other spellings of domains, kinds and levels,
# other formats' ids.
EDGES = [
    *["", " ", "\t", "\u3000", "\x1c", "\x85", "\ufeff", "\u200b", "\n", " x "],
    *["abc\n", "\nabc", "Abc", "a--b", "-a", "a-", "a_b", "0", "x-1"],
    *["en", "EN", "e", "engl", "en\n", "GTM", "gtm", "GT", "GTMX", "GTM\n"],
    *["2024-08", "2024-8", "1899-12", "1900-01", "2999-12", "3000-01", "2024-00"],
    *["2024-13", "2024-10", "2024-08\n", "\u0662\u0660\u0662\u0664-\u0660\u0668", "２０２４-０８"],
    *["partnerships", "Partnerships", "PD_3", "alianzas", "partnerships\n", "crises"],
    *["potential", "well_developed", "well-developed", "national", "local", "city"],
    *["urn:mgi:profile:1", "urn:mgi:profile:2", "urn:mgi:profile:01", "urn:mgi:responses:1"],
    "https://json-schema.org/draft/2020-12/schema",
]
edge_values = st.sampled_from(EDGES) | st.text(max_size=4) | json_values


# A document with every key present once: each of its places, with each edge value.
FULL = dict(
    mgi.profile_to_dict(BUNDLED),
    introduction=["A paragraph."],
    findings=mgi.profile_to_dict(BUNDLED)["findings"][:1],
    source={"description": "A description.", "url": "https://example.org"},
)


def test_the_schema_and_mgi_agree_on_every_edge_of_every_key() -> None:
    disagree = []
    for path in paths(FULL):
        for value in EDGES:
            document: Any = copy.deepcopy(FULL)
            parent(document, path)[path[-1]] = value
            if PROFILE.is_valid(document) != _mgi_accepts_profile(document):
                disagree.append((path, value))
    assert not disagree


def _mgi_accepts_profile(document: Any) -> bool:
    try:
        mgi.profile_from_dict(document)
    except mgi.DataError:
        return False
    return True


def _agree_on_profile(document: Any) -> None:
    verdict = PROFILE.is_valid(document)
    assert _mgi_accepts_profile(document) == verdict, (
        f"the schema {'accepts' if verdict else 'refuses'} what mgi does not: {document!r}"
    )
    text = json.dumps(document, ensure_ascii=False)
    try:
        mgi.loads_profile(text)
    except mgi.DataError:
        assert not verdict
    else:
        assert verdict


def _changed(document: Any, data: st.DataObject) -> Any:
    """A copy of ``document`` with one to three changes: a value replaced by
    one near an edge, a type broken, a key removed or added, the format key
    given any value."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        action = data.draw(st.sampled_from(["value", "broken", "format"]))
        found = paths(document) if isinstance(document, (dict, list)) else []
        if action == "value" and found:
            path = data.draw(st.sampled_from(found))
            parent(document, path)[path[-1]] = data.draw(edge_values)
        elif action == "broken" and found:
            document = broken(document, data)
        elif isinstance(document, dict):
            document["$schema"] = data.draw(edge_values)
    return document


@settings(max_examples=150, deadline=None)
@given(profiles, st.booleans())
def test_the_schema_accepts_every_valid_profile(profile: mgi.Profile, versioned: bool) -> None:
    document: dict[str, Any] = dict(mgi.profile_to_dict(profile))
    if not versioned:
        del document["$schema"]
    assert PROFILE.is_valid(document), list(PROFILE.iter_errors(document))
    _agree_on_profile(document)


@settings(max_examples=400, deadline=None)
@given(profiles, st.data())
def test_the_schema_and_mgi_agree_on_changed_profiles(
    profile: mgi.Profile, data: st.DataObject
) -> None:
    _agree_on_profile(_changed(mgi.profile_to_dict(profile), data))


@settings(max_examples=400, deadline=None)
@given(profiles, st.data())
def test_the_schema_and_mgi_agree_on_each_string_near_its_edges(
    profile: mgi.Profile, data: st.DataObject
) -> None:
    # One string changed: about half of these documents stay valid, so the
    # edges are tried from both sides.
    document: Any = mgi.profile_to_dict(profile)
    found = [path for path in paths(document) if isinstance(parent(document, path)[path[-1]], str)]
    path = data.draw(st.sampled_from(found))
    parent(document, path)[path[-1]] = data.draw(st.sampled_from(EDGES) | st.text(max_size=4))
    _agree_on_profile(document)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_the_schema_and_mgi_agree_on_any_json(value: Any) -> None:
    _agree_on_profile(value)


KEY_EDGES = [item.key for item in mgi.sdg.subcategories] + [
    *["1A", "1.a", "1 a", "7a", "1f", "public education", "$schema", "1a ", "", "1a\n"]
]
VALUE_EDGES = [*(response.value for response in mgi.Response), "Yes", "yes ", "", "yes\n"]
VALUE_EDGES += ["urn:mgi:responses:1", "urn:mgi:responses:2", None, 1, True, [], {}]
RESPONSE_KEYS = st.sampled_from(KEY_EDGES)
RESPONSE_VALUES = st.sampled_from(VALUE_EDGES)


def test_the_schema_and_mgi_agree_on_every_edge_of_every_response() -> None:
    for key in KEY_EDGES:
        for value in VALUE_EDGES:
            _agree_on_responses({"2a": "no", key: value})


def _agree_on_responses(document: Any) -> None:
    verdict = RESPONSES.is_valid(document)
    try:
        mgi.sdg.loads_responses(json.dumps(document))
    except mgi.DataError:
        assert not verdict, f"the schema accepts what mgi does not: {document!r}"
    else:
        assert verdict, f"the schema refuses what mgi accepts: {document!r}"


@settings(max_examples=100, deadline=None)
@given(responses(), st.booleans())
def test_the_schema_accepts_every_valid_responses_file(
    given: dict[str, mgi.Response], versioned: bool
) -> None:
    document: dict[str, Any] = {key: response.value for key, response in given.items()}
    if versioned:
        document["$schema"] = "urn:mgi:responses:1"
    assert RESPONSES.is_valid(document)
    _agree_on_responses(document)


@settings(max_examples=300, deadline=None)
@given(responses(), st.dictionaries(RESPONSE_KEYS, RESPONSE_VALUES, max_size=4), json_values)
def test_the_schema_and_mgi_agree_on_changed_responses(
    given: dict[str, mgi.Response], changes: dict[str, Any], value: Any
) -> None:
    document: dict[str, Any] = {key: response.value for key, response in given.items()}
    _agree_on_responses({**document, **changes})
    _agree_on_responses(value)
