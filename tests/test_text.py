"""Folding and word splitting: fast, and the same answer however it is reached."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings, strategies as st

from mgi.text import fold, word_spans, words

_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ`´]")


def _plain_fold(text: str) -> str:
    """The definition: case-fold, decompose, drop every combining mark,
    drop apostrophes, one space for each run of anything else."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", _APOSTROPHES.sub("", bare)).strip()


_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300)
@given(_texts)
@example("Atencio\u0301n\u034f a la nin\u0303ez, ¿sí? — «l’accès» ﬁn ß")
@example("عَرَبِيّ हिन्दी ٢٠٢٤")
def test_fold_is_the_plain_definition(text: str) -> None:
    assert fold(text) == _plain_fold(text)


@settings(max_examples=300)
@given(_texts)
@example("Atencio\u0301n a la nin\u0303ez, ¿sí? «l’accès» ﬁn ß ½")
def test_word_spans_find_the_words_in_the_original_text(text: str) -> None:
    spans = word_spans(text)
    assert [word for word, _, _ in spans] == words(text)
    for word, start, end in spans:
        # One character can give several words ("½" is 1 and 2).
        assert word in words(text[start:end])


def test_words_split_at_apostrophes_unlike_fold() -> None:
    assert words("d’une l'accès") == ["d", "une", "l", "acces"]
    assert fold("d’une l'accès") == "dune lacces"
