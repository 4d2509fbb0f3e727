"""Text matching that ignores case, accents and punctuation.

>>> fold("MIGRACIÓN  Segura, ordenada")
'migracion segura ordenada'
>>> fold("Migrants’ rights") == fold("migrants' RIGHTS") == fold("migrants_rights")
True

Search works on words: :func:`words` splits folded text into words, with
apostrophes between words (so French elisions split), and
:func:`word_spans` says where each word lies in the original text:

>>> words("L’accès à la SANTÉ")
['l', 'acces', 'a', 'la', 'sante']
>>> word_spans("Niñez, ¡salud!")
[('ninez', 0, 5), ('salud', 8, 13)]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import islice

__all__ = [
    "MAX_MARKS",
    "close_matches",
    "fold",
    "half_pair",
    "lone_surrogate",
    "long_mark_run",
    "word_spans",
    "words",
]

MAX_MARKS = 30
"""The most combining marks in a row that text may hold: the limit of
Unicode's stream-safe text format (UAX #15).  Real text never comes near it;
Python's normalisation takes time quadratic in the length of a run."""

_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
# Apostrophes join a word ("migrants'", "d'une"); dropping them keeps
# "migrants' rights" and "migrants rights" equal.
_NO_APOSTROPHES = str.maketrans("", "", "'’ʼ`´")
# The accents of Latin, Greek and Cyrillic letters after decomposition: one
# regular expression removes them fast. U+034F (grapheme joiner) is not one.
_COMMON_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NON_ASCII = r"[^\x00-\x7f]"  # rare: compiled by re on first use


def _bare(text: str) -> str:
    """``text`` case-folded, decomposed (NFKD) and without combining marks."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    if long_mark_run(folded) is not None:
        # Marks are dropped below anyway; dropping them first gives the same
        # result without normalising a long run of them.
        folded = "".join(char for char in folded if not _is_mark(char))
    folded = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if folded.isascii():
        return folded
    # Rare: marks of other scripts. Look only at the distinct non-ASCII characters.
    marks = {char for char in re.findall(_NON_ASCII, folded) if unicodedata.combining(char)}
    if not marks:
        return folded
    return "".join(char for char in folded if char not in marks)


def fold(text: str) -> str:
    """Lower-case ``text``, drop accents and apostrophes, and turn every run of
    other punctuation, underscores and white space into one space."""
    return _NOT_WORD.sub(" ", _bare(text).translate(_NO_APOSTROPHES)).strip()


def lone_surrogate(text: str) -> int | None:
    r"""The position of the first lone surrogate in ``text``, or ``None``.

    A surrogate is half of a UTF-16 pair, not a character: no file can
    hold one, and a ``str`` that does cannot be written out.

    >>> lone_surrogate("ok"), lone_surrogate("a\ud800b")
    (None, 1)
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")  # surrogates are what UTF-8 cannot encode
    except UnicodeEncodeError as error:
        return error.start
    return None


def half_pair(char: str) -> str:
    """What is wrong with the lone surrogate ``char``, for an error message."""
    return f"U+{ord(char):04X}, half of a surrogate pair, is not a character"


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded and without accents.

    Any character that is not a letter or a digit separates words,
    apostrophes included.
    """
    return _WORD.findall(_bare(text))


@lru_cache(maxsize=4096)
def _bare_char(char: str) -> str:
    return _bare(char)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Each word of ``text`` as :func:`words` gives it, with its start and end
    in ``text`` itself (so ``text[start:end]`` is the word as written)."""
    if text.isascii():
        return [(match[0], match.start(), match.end()) for match in _WORD.finditer(text.lower())]
    # Fold character by character, remembering where each folded character
    # came from: folding the whole text gives the same words (casefold and
    # NFKD work per character; reordered marks are dropped anyway).
    pieces = [_bare_char(char) for char in text]
    origin = [index for index, piece in enumerate(pieces) for _ in piece]
    folded = "".join(pieces)
    return [
        (match[0], origin[match.start()], origin[match.end() - 1] + 1)
        for match in _WORD.finditer(folded)
    ]


def close_matches(key: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates closest to ``key`` once both are folded, best first:
    those whose words begin with the key's words (``'bienestar'`` finds
    "Bienestar socioeconómico ..."), then those spelt nearly alike.

    >>> close_matches("parnterships", ["Partnerships", "Crises"])
    ['Partnerships']
    >>> close_matches("bienestar socio", ["Bienestar socioeconómico de las personas", "Alianzas"])
    ['Bienestar socioeconómico de las personas']
    """
    import difflib  # only a miss needs it

    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    folded = fold(key)
    found = list(islice(_beginning_with(folded, by_fold), limit))
    for candidate in difflib.get_close_matches(folded, list(by_fold), n=limit, cutoff=0.6):
        if len(found) < limit and candidate not in found:
            found.append(candidate)
    return [by_fold[match] for match in found]


# Shorter beginnings than this would match too many words to be a suggestion.
_SHORTEST_BEGINNING = 3


def _beginning_with(folded: str, candidates: Iterable[str]) -> Iterator[str]:
    """The folded candidates with a run of words that the words of ``folded``
    begin, one for one: "bienestar soc" is the beginning of "... bienestar
    socioeconomico ..."."""
    wanted = folded.split()
    if len(folded) < _SHORTEST_BEGINNING or not wanted:
        return
    size = len(wanted)
    for candidate in candidates:
        tokens = candidate.split()
        if any(
            all(
                token.startswith(word) for token, word in zip(tokens[start:], wanted, strict=False)
            )
            for start in range(len(tokens) - size + 1)
        ):
            yield candidate


# Where a run of more than MAX_MARKS marks could be: no mark is below U+0300.
_MAYBE_MARKS = re.compile(rf"[^\x00-\u02ff]{{{MAX_MARKS + 1},}}")
_ASTRAL = "[\U00010000-\U0010ffff]"  # rare: compiled by re on first use


def long_mark_run(text: str) -> int | None:
    """Where the first run of more than :data:`MAX_MARKS` combining marks in
    ``text`` starts, or ``None``: the text is not fit to normalise.

    >>> long_mark_run("Zoë, café"), long_mark_run("e" + "\u0301" * 31)
    (None, 1)
    """
    for candidate in _MAYBE_MARKS.finditer(text):
        start, end = candidate.span()
        runs = _mark_runs(astral=re.search(_ASTRAL, text[start:end]) is not None)
        found = runs.search(text, start, end)
        if found is not None:
            return found.start()
    return None


def _is_mark(char: str) -> bool:
    return unicodedata.combining(char) != 0 or char in _DECOMPOSES_TO_MARKS


# Not marks themselves, but their decompositions start with one.
_DECOMPOSES_TO_MARKS = "\u0f73\u0f75\u0f81\uff9e\uff9f"


@cache
def _mark_runs(astral: bool) -> re.Pattern[str]:
    """A run of more than MAX_MARKS marks, built on first need.  Marks beyond
    U+FFFF make the pattern slower to search (and to build), so they are only
    in the pattern used on text that has such characters."""
    last = sys.maxunicode if astral else 0xFFFF
    marks = "".join(chr(code) for code in range(0x300, last + 1) if _is_mark(chr(code)))
    return re.compile(f"[{re.escape(marks)}]{{{MAX_MARKS + 1},}}")
