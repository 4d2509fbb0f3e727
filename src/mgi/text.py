"""Text matching that ignores case, accents and punctuation.

>>> fold("MIGRACIÓN  Segura, ordenada")
'migracion segura ordenada'
>>> fold("Migrants’ rights") == fold("migrants' RIGHTS") == fold("migrants_rights")
True
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["close_matches", "fold"]

_NOT_WORD = re.compile(r"[\W_]+")
# Apostrophes join a word ("migrants'", "d'une"); dropping them keeps
# "migrants' rights" and "migrants rights" equal.
_APOSTROPHES = re.compile(r"['’ʼ`´]")


def fold(text: str) -> str:
    """Lower-case ``text``, drop accents and apostrophes, and turn every run of
    other punctuation, underscores and white space into one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", _APOSTROPHES.sub("", bare)).strip()


def close_matches(key: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates closest to ``key`` once both are folded, best first."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    found = difflib.get_close_matches(fold(key), list(by_fold), n=limit, cutoff=0.6)
    return [by_fold[folded] for folded in found]
