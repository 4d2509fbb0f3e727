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
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["close_matches", "fold", "word_spans", "words"]

_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
# Apostrophes join a word ("migrants'", "d'une"); dropping them keeps
# "migrants' rights" and "migrants rights" equal.
_APOSTROPHES = re.compile(r"['’ʼ`´]")
# The accents of Latin, Greek and Cyrillic letters after decomposition: one
# regular expression removes them fast. U+034F (grapheme joiner) is not one.
_COMMON_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _bare(text: str) -> str:
    """``text`` case-folded, decomposed (NFKD) and without combining marks."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    folded = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", folded))
    if folded.isascii():
        return folded
    # Rare: marks of other scripts. Look only at the distinct non-ASCII characters.
    marks = {char for char in _NON_ASCII.findall(folded) if unicodedata.combining(char)}
    if not marks:
        return folded
    return "".join(char for char in folded if char not in marks)


def fold(text: str) -> str:
    """Lower-case ``text``, drop accents and apostrophes, and turn every run of
    other punctuation, underscores and white space into one space."""
    return _NOT_WORD.sub(" ", _APOSTROPHES.sub("", _bare(text))).strip()


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
    """The candidates closest to ``key`` once both are folded, best first."""
    import difflib  # only a miss needs it

    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    found = difflib.get_close_matches(fold(key), list(by_fold), n=limit, cutoff=0.6)
    return [by_fold[folded] for folded in found]
