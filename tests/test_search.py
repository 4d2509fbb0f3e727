"""Search: word-based, ranked, accent- and case-blind, built on a lazy index."""

from __future__ import annotations

import gc
import pickle
import threading
from collections.abc import Iterator, Sequence
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import mgi
from mgi.index import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, Query, _pieces, index_of
from mgi.text import words

HUEHUETENANGO = mgi.profiles["huehuetenango-2024"]
WELL = mgi.FindingKind.WELL_DEVELOPED
POTENTIAL = mgi.FindingKind.POTENTIAL


def _profile(
    id: str,
    findings: Sequence[tuple[int, mgi.FindingKind, str]],
    *,
    title: str = "Perfil",
    introduction: tuple[str, ...] = (),
    **place: object,
) -> mgi.Profile:
    return attrs.evolve(
        HUEHUETENANGO,
        id=id,
        title=title,
        introduction=introduction,
        findings=tuple(mgi.Finding(domain, kind, text) for domain, kind, text in findings),
        place=attrs.evolve(HUEHUETENANGO.place, **place),
    )


@pytest.fixture(scope="module")
def collection() -> mgi.Profiles:
    return mgi.Profiles(
        [
            _profile(
                "a-2024",
                [
                    (1, WELL, "Atención en salud a la NIÑEZ migrante, sin importar su condición."),
                    (1, POTENTIAL, "Luchar contra la xenofobia."),
                    (3, POTENTIAL, "Acuerdos sobre el agua con Nicaragua."),
                    (6, WELL, "Jornada contra la Trata de Personas."),
                    (6, WELL, "Campaña sobre la trata de las personas migrantes."),
                ],
                title="Perfil de Ciudad A (Guatemala)",
                introduction=("Evaluación de la migración en la Ciudad A.",),
            ),
            _profile(
                "b-2023",
                [
                    (2, WELL, "L’accès aux données sur la migration s’améliore."),
                    (6, POTENTIAL, "Proteger a las personas de la trata."),
                    (4, POTENTIAL, "Aguas y saneamiento para migrantes."),
                ],
                country="FRA",
                country_name="France",
                level=mgi.Level.NATIONAL,
                kind="country",
            ),
        ]
    )


def _found(hits: mgi.Hits) -> list[tuple[str, str]]:
    return [(hit.profile.id, hit.text) for hit in hits]


@pytest.mark.parametrize("query", ["ninez", "NIÑEZ", "Niñéz", "niñez, ¡migrante!"])
def test_case_accents_and_punctuation_are_ignored(collection: mgi.Profiles, query: str) -> None:
    assert [hit.position for hit in collection.search(query)] == [1]


def test_words_match_words_that_begin_with_them(collection: mgi.Profiles) -> None:
    assert {text for _, text in _found(collection.search("xenof"))} == {
        "Luchar contra la xenofobia."
    }
    # "agua" is inside "Nicaragua" but begins no word there: no match there.
    agua = [hit.text for hit in collection.search("agua")]
    assert agua == [
        "Acuerdos sobre el agua con Nicaragua.",
        "Aguas y saneamiento para migrantes.",
    ]
    assert collection.search("aragua") == []


def test_every_word_must_appear_in_any_order(collection: mgi.Profiles) -> None:
    assert [hit.text for hit in collection.search("migrante niñez")] == [
        "Atención en salud a la NIÑEZ migrante, sin importar su condición."
    ]
    assert collection.search("niñez xenofobia") == []


def test_a_phrase_is_whole_words_in_order(collection: mgi.Profiles) -> None:
    texts = [hit.text for hit in collection.search('"trata de personas"')]
    assert texts == ["Jornada contra la Trata de Personas."]
    assert collection.search('"trata de person"') == []
    assert collection.search('"personas trata"') == []
    # The same words, not as a phrase, also find them apart.
    assert len(collection.search("trata de personas")) == 3


def test_apostrophes_separate_words(collection: mgi.Profiles) -> None:
    for query in ("acces", "l’accès", "l'acces", '"l accès"', "améliore"):
        assert [hit.profile.id for hit in collection.search(query)] == ["b-2023"], query


def test_titles_and_introductions_are_searched_too(collection: mgi.Profiles) -> None:
    hits = collection.search("ciudad")
    assert [(hit.part, hit.position, hit.domain, hit.kind) for hit in hits] == [
        (mgi.Part.TITLE, 1, None, None),
        (mgi.Part.INTRODUCTION, 1, None, None),
    ]
    assert hits[0].finding is None
    assert collection.search("ciudad", part="introduction")[0].text.startswith("Evaluación")


def test_filters(collection: mgi.Profiles) -> None:
    def ids(**criteria: object) -> list[tuple[str, int | None]]:
        hits = collection.search("personas", **criteria)  # type: ignore[arg-type]
        return [(hit.profile.id, hit.domain) for hit in hits]

    # Two texts of the same length keep collection order; the longest is last.
    assert ids() == [("a-2024", 6), ("b-2023", 6), ("a-2024", 6)]
    assert ids(kind="potential") == [("b-2023", 6)]
    assert ids(domain="Migración segura, ordenada y regular", kind=WELL) == [
        ("a-2024", 6),
        ("a-2024", 6),
    ]
    assert ids(domain=2) == []
    assert ids(country="france") == [("b-2023", 6)]
    assert ids(level="local", year=2024, language="es") == [("a-2024", 6), ("a-2024", 6)]
    assert ids(part="title") == []


def test_bad_criteria_are_mgi_errors(collection: mgi.Profiles) -> None:
    with pytest.raises(mgi.NotFoundError, match="unknown domain 'rights'"):
        collection.search("trata", domain="rights")
    with pytest.raises(mgi.NotFoundError, match="unknown finding kind 'strong'"):
        collection.search("trata", kind="strong")  # type: ignore[arg-type]
    with pytest.raises(mgi.NotFoundError, match="unknown part 'body'"):
        collection.search("trata", part="body")
    with pytest.raises(mgi.NotFoundError, match="unknown level 'town'"):
        collection.search("trata", level="town")  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="limit: expected a whole number"):
        collection.search("trata", limit="3")  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="limit: expected a whole number"):
        collection.search("trata", limit=-1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'domian'"):
        collection.search("trata", domian=3)  # type: ignore[call-arg]


@pytest.mark.parametrize("query", ["", "   ", "¿?", '""', "–"])
def test_a_query_without_words_is_refused(collection: mgi.Profiles, query: str) -> None:
    with pytest.raises(mgi.InvalidValueError, match="has no words to search for"):
        collection.search(query)


def test_a_query_must_be_text(collection: mgi.Profiles) -> None:
    with pytest.raises(mgi.InvalidValueError, match="expected the query as a string"):
        collection.search(b"trata")  # type: ignore[arg-type]


def test_an_empty_result_is_an_empty_sequence(collection: mgi.Profiles) -> None:
    hits = collection.search("zzz")
    assert hits == [] and hits == () and not hits and len(hits) == 0  # noqa: PT018
    assert list(hits) == []
    assert repr(hits) == "Hits([])"


def test_ranking(collection: mgi.Profiles) -> None:
    # Both hold the word "migrantes": the shorter text first.
    assert [hit.text for hit in collection.search("migrantes")] == [
        "Aguas y saneamiento para migrantes.",
        "Campaña sobre la trata de las personas migrantes.",
    ]
    # No text holds the word "migra" itself: findings before the
    # introduction, shorter findings first.
    hits = collection.search("migra")
    assert [hit.part for hit in hits] == [mgi.Part.FINDING] * 4 + [mgi.Part.INTRODUCTION]
    lengths = [len(hit.text) for hit in hits[:4]]
    assert lengths == sorted(lengths)


def test_whole_word_matches_come_before_prefix_matches() -> None:
    collection = mgi.Profiles(
        [
            _profile("a", [(1, WELL, "Trabajo con migrantes, migrantes y más migrantes.")]),
            _profile("b", [(1, WELL, "Migrante.")]),
        ]
    )
    assert [hit.profile.id for hit in collection.search("migrante")] == ["b", "a"]
    assert [hit.profile.id for hit in collection.search("migr")] == ["b", "a"]


def test_a_hit_says_where_it_is_and_what_matched(collection: mgi.Profiles) -> None:
    hit = collection.search("Personas trata", kind="well_developed")[0]
    assert (hit.profile.id, hit.part, hit.domain, hit.kind, hit.position) == (
        "a-2024",
        mgi.Part.FINDING,
        6,
        WELL,
        1,
    )
    assert hit.finding == collection["a-2024"].select(6, WELL)[0]
    assert hit.location == "domain 6 (safe_orderly_regular), well_developed 1"
    assert [hit.text[start:end] for start, end in hit.spans] == ["Trata", "Personas"]
    phrase = collection.search('"trata de las personas"')[0]
    assert [phrase.text[start:end] for start, end in phrase.spans] == ["trata de las personas"]
    second = collection.search("campaña")[0]
    assert second.position == 2
    assert second.finding is not None
    assert second.finding.text == second.text


def test_spans_point_into_text_with_combining_accents() -> None:
    decomposed = "Atencio\u0301n a la nin\u0303ez."
    collection = mgi.Profiles([_profile("a", [(1, WELL, decomposed)])])
    hit = collection.search("niñez atención")[0]
    assert [hit.text[start:end] for start, end in hit.spans] == ["Atencio\u0301n", "nin\u0303ez"]


def test_results_are_immutable_and_sliceable(collection: mgi.Profiles) -> None:
    hits = collection.search("personas")
    assert isinstance(hits[:2], mgi.Hits)
    assert hits[:2] == list(hits)[:2]
    assert hits[-1] == list(hits)[-1]
    with pytest.raises(AttributeError):
        hits._docs = []
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hits[0].position = 3  # type: ignore[misc]
    assert hash(hits) == hash(tuple(hits))
    assert hits.query == Query.parse("personas")


def test_hits_profiles(collection: mgi.Profiles) -> None:
    assert collection.search("personas").profiles().ids == ("a-2024", "b-2023")
    assert collection.search("xenofobia").profiles().ids == ("a-2024",)


def test_mgi_search_searches_the_bundled_profiles() -> None:
    hits = mgi.search('"trata de personas"', domain=6)
    assert [hit.position for hit in hits] == [1, 2]
    assert all(hit.profile is HUEHUETENANGO for hit in hits)


def test_the_index_is_built_once_even_from_many_threads() -> None:
    fresh = mgi.Profiles([HUEHUETENANGO])
    assert id(fresh) not in mgi.index._indexes  # nothing is built before the first search
    seen: list[object] = []
    barrier = threading.Barrier(8)

    def search() -> None:
        barrier.wait()
        fresh.search("migrantes")
        seen.append(index_of(fresh))

    threads = [threading.Thread(target=search) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8
    assert all(index is seen[0] for index in seen)


def test_the_index_goes_with_its_collection() -> None:
    fresh = mgi.Profiles([HUEHUETENANGO])
    hits = fresh.search("migrantes")
    key = id(fresh)
    assert key in mgi.index._indexes
    del fresh
    gc.collect()
    assert key not in mgi.index._indexes
    assert len(hits) == 16  # hits keep what they need


def test_a_query_has_at_most_so_many_words_and_characters(collection: mgi.Profiles) -> None:
    assert (MAX_QUERY_WORDS, MAX_QUERY_LENGTH) == (32, 1_000)
    assert len(collection.search(" ".join(["trata"] * 31) + ' "de"')) == 3
    assert len(collection.search("a" * MAX_QUERY_LENGTH)) == 0
    with pytest.raises(mgi.InvalidValueError, match="at most 32 words, phrases included; this"):
        collection.search(" ".join(["trata"] * 31) + ' "de personas"')
    with pytest.raises(mgi.InvalidValueError, match=r"this one has 400$"):
        collection.search('"' + "a " * 400 + '"')
    with pytest.raises(
        mgi.InvalidValueError, match="at most 1,000 characters; this one has 1,001"
    ):
        collection.search("a" * 1_001)


def test_hits_pickle_as_their_hits(collection: mgi.Profiles) -> None:
    hits = collection.search("personas", limit=3)
    copy = pickle.loads(pickle.dumps(hits))
    assert copy == hits
    assert copy == list(hits)
    assert copy.query == hits.query
    assert copy[1:] == hits[1:]
    assert copy.profiles().ids == hits.profiles().ids
    assert pickle.loads(pickle.dumps(copy)) == hits
    assert pickle.loads(pickle.dumps(hits[0])) == hits[0]
    assert pickle.loads(pickle.dumps(hits.query)) == hits.query
    # Only the hits go in, not the index they were read from.
    assert len(pickle.dumps(hits)) < len(pickle.dumps(list(hits))) + 200


_WORDY = st.text(
    st.sampled_from("aZñÑé\u0301\u0303 \t\u00a0.,’'_-–«»()İßﬁ½\ud800\u0f73")
    | st.characters(codec="utf-8")
    | st.characters(categories=["Mn", "Zs", "P"])
)


@given(_WORDY)
def test_a_text_is_the_words_of_its_pieces(text: str) -> None:
    # The index folds each piece of a text on its own: that must give the
    # words of the whole text.
    folded = [
        word for piece in _pieces(text) for word in words(piece.decode("utf-8", "surrogatepass"))
    ]
    assert folded == words(text)


def test_phrases_across_punctuation_cases_and_written_forms() -> None:
    texts = [
        "Apoyo a la Iniciativa – «Minatozu» de la ciudad.",  # marks of no word between
        "INICIATIVA MINATOZU, en marcha.",
        "La iniciatíva\u00a0Minatozu.",  # an accent, and a piece holding both words
        "Minatozu: iniciativa local.",  # the words, but not in order
        "Iniciativas Minatozu.",  # not the whole first word
    ]
    collection = mgi.Profiles(
        [_profile("a", [(1, WELL, text) for text in texts])],
    )
    found = {hit.text for hit in collection.search('"iniciativa minatozu"')}
    assert found == set(texts[:3])
    assert {hit.text for hit in collection.search('"iniciativa minat"')} == set()
    assert {hit.text for hit in collection.search("la iniciativa\u2019minat")} == {
        texts[0],
        texts[2],
    }


def test_words_repeated_in_a_text_are_found_once() -> None:
    collection = mgi.Profiles(
        [_profile("a", [(1, WELL, "de la paz de la paz de"), (2, WELL, "la paz")])]
    )
    assert [hit.position for hit in collection.search("de paz")] == [1]
    assert len(collection.search("paz", limit=5)) == 2
    assert len(collection.search('"la paz"')) == 2


def test_a_text_with_a_lone_surrogate_is_searched() -> None:
    # JSON can carry one ("\ud800"); it separates words like any non-letter.
    collection = mgi.Profiles([_profile("a", [(1, WELL, "trata\ud800personas")])])
    assert [hit.position for hit in collection.search('"trata personas"')] == [1]


def test_common_words_are_looked_up_like_rare_ones() -> None:
    # "migrantes" is in most texts (its list gets a byte per text), "rara" in one.
    findings = [(1, WELL, f"Personas migrantes {number}.") for number in range(40)]
    findings.append((2, POTENTIAL, "Rara ayuda a migrantes."))
    findings.append((3, POTENTIAL, "Rara vez."))
    collection = mgi.Profiles([_profile("a", findings)])
    assert [hit.text for hit in collection.search("rara migrantes")] == ["Rara ayuda a migrantes."]
    assert len(collection.search("migrantes personas")) == 40
    assert [hit.text for hit in collection.search('"a migrantes"')] == ["Rara ayuda a migrantes."]


# -- against a plain reading of every text -------------------------------------

VOCABULARY = [
    "Migrantes",
    "migración",
    "migrante",
    "niñez",
    "NIÑOS",
    "agua",
    "Nicaragua",
    "trata",
    "de",
    "la",
    "personas",
    "l’accès",
    "salud",
    "SALUD",
    "xenofobia",
    "2024",
    "TRATA",
    "Niñéz",
]
SEPARATORS = [" ", ", ", " – ", "\u00a0", " (", ") ", "’", " «", "» ", "_", " - "]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8))
    text = chosen[0]
    for word in chosen[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + word
    return text + "."


_findings = st.tuples(st.integers(1, 6), st.sampled_from(mgi.FindingKind), _texts())


@st.composite
def _collections(draw: st.DrawFn) -> mgi.Profiles:
    count = draw(st.integers(1, 4))
    return mgi.Profiles(
        _profile(
            f"p-{number}",
            draw(st.lists(_findings, max_size=8)),
            title=draw(_texts()),
            introduction=tuple(draw(st.lists(_texts(), max_size=2))),
        )
        for number in range(count)
    )


_QUERY_WORDS = [
    "migr",
    "migrante",
    "nin",
    "niñez",
    "agua",
    "trata",
    "de",
    "personas",
    "sal",
    "l’acc",
]
_queries = st.lists(
    st.sampled_from(_QUERY_WORDS)
    | st.sampled_from(
        ['"trata de"', '"de la"', '"niñez"', '"la trata de"', '"personas migrantes"']
    ),
    min_size=1,
    max_size=3,
).map(" ".join)


def _every_text(profile: mgi.Profile) -> Iterator[tuple[int, int, str]]:
    """Part rank (title 0, finding 1, introduction 2), order in profile, text."""
    yield 0, 0, profile.title
    for number, finding in enumerate(profile.findings, 1):
        yield 1, number, finding.text
    for number, paragraph in enumerate(profile.introduction, 1 + len(profile.findings)):
        yield 2, number, paragraph


def _term_matches(tokens: list[str], term_words: list[str], prefix: bool) -> bool:
    size = len(term_words)
    for start in range(len(tokens) - size + 1):
        window = tokens[start : start + size]
        if window[:-1] == term_words[:-1] and (
            window[-1].startswith(term_words[-1]) if prefix else window[-1] == term_words[-1]
        ):
            return True
    return False


def _reference(collection: mgi.Profiles, query: str) -> list[str]:
    """What a search must give, by reading every text: the texts, best first."""
    pieces = query.split('"')
    terms = [
        (words(piece), False) if inside else (words(word), True)
        for number, piece in enumerate(pieces)
        for inside in [number % 2 == 1]
        for word in ([piece] if inside else piece.split())
        if words(piece if inside else word)
    ]
    ranked = []
    for order, profile in enumerate(collection):
        for part, number, text in _every_text(profile):
            tokens = words(text)
            if all(_term_matches(tokens, term, prefix) for term, prefix in terms):
                whole = all(term[-1] in tokens for term, _ in terms)
                ranked.append(((not whole, part, len(text), order, number), text))
    return [text for _, text in sorted(ranked)]


@settings(max_examples=80, deadline=None)
@given(_collections(), _queries, st.integers(0, 6))
def test_search_agrees_with_reading_every_text(
    collection: mgi.Profiles, query: str, limit: int
) -> None:
    expected = _reference(collection, query)
    assert [hit.text for hit in collection.search(query)] == expected
    assert [hit.text for hit in collection.search(query, limit=limit)] == expected[:limit]


@settings(max_examples=40, deadline=None)
@given(_collections(), _queries, st.integers(0, 6))
def test_search_agrees_with_reading_every_text_without_bits(
    collection: mgi.Profiles, query: str, limit: int
) -> None:
    # In collections this small nearly every word is common and tested by
    # its bit; with none common, searches read the posting lists.
    with mock.patch.object(mgi.index, "_COMMON", 0):
        expected = _reference(collection, query)
        assert [hit.text for hit in collection.search(query)] == expected
        assert [hit.text for hit in collection.search(query, limit=limit)] == expected[:limit]
