"""Posting lists: which documents hold each piece of text, and the set
operations a search runs on them.

A document is a number; a posting list is an ``array('I')`` of document
numbers in order (a number repeats when its text holds the piece more than
once). A collection of 10 000 profiles holds some 15 million words in
500 000 texts, so the build and the queries hand every per-word step to C
(``bytes.split``, ``map``, ``bisect``, set operations) and keep Python
bytecode to one short loop.

>>> found = postings(["Migrantes, NIÑEZ", "niñez migrante"])
>>> sorted((piece.decode(), list(docs)) for piece, docs in found.items())
[('migrante', [1]), ('migrantes', [0]), ('niÑez', [0]), ('niñez', [1])]
>>> list(postings(["de la paz de"])[b"de"]), list(once_each([0, 0, 3]))
([0, 0], [0, 3])
>>> sorted(among({0, 1, 2}, [array("I", [1, 2]), array("I", [0, 7])], probe_above=0))
[0, 1, 2]
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import add, eq, getitem, setitem
from types import MappingProxyType

__all__ = [
    "PROBE_COST",
    "among",
    "byte_map",
    "byte_maps",
    "decode",
    "has",
    "once_each",
    "pieces",
    "postings",
    "probe",
    "separated",
    "spaced_all",
    "split_all",
]


def _separators() -> bytes:
    """A ``bytes.translate`` table: ASCII capitals to lower case, every other
    ASCII byte that is not a letter or digit to a space; bytes of non-ASCII
    characters are kept. Those ASCII bytes separate words for
    :func:`mgi.text.words` as white space does, so splitting at them keeps
    each word whole, and each piece then holds a word in few written forms
    ("Migrantes," and "migrantes" are one piece)."""
    table = bytearray(range(256))
    for byte in range(128):
        char = chr(byte)
        table[byte] = ord(char.lower()) if char.isalnum() else ord(" ")
    return bytes(table)


_SEPARATORS = _separators()
# Lone surrogates can come from JSON ("\ud800"); they separate words anyway.
_ERRORS = "surrogatepass"


def _separated_all(texts: Iterable[str]) -> Iterator[bytes]:
    encoded = map(str.encode, texts, repeat("utf-8"), repeat(_ERRORS))
    return map(bytes.translate, encoded, repeat(_SEPARATORS))


def split_all(texts: Iterable[str]) -> Iterator[list[bytes]]:
    """The pieces of each text, as :func:`pieces` gives them (all in C)."""
    return map(bytes.split, _separated_all(texts))


def spaced_all(texts: Iterable[str]) -> Iterator[bytes]:
    """Each text :func:`separated`, with a space before and after (all in C),
    so that every piece is between spaces.

    >>> list(spaced_all(["Trata, de"]))
    [b' trata  de ']
    """
    return map(add, repeat(b" "), map(add, _separated_all(texts), repeat(b" ")))


def separated(text: str) -> bytes:
    """``text`` as UTF-8 with ASCII capitals lowered and every other ASCII
    byte that is not a letter or digit made a space: its pieces between spaces.

    >>> separated("L’accès (à la SANTÉ).")
    b'l\\xe2\\x80\\x99acc\\xc3\\xa8s  \\xc3\\xa0 la sant\\xc3\\x89 '
    """
    return text.encode("utf-8", _ERRORS).translate(_SEPARATORS)


def pieces(text: str) -> list[bytes]:
    """``text`` split into pieces between separators, in order, as UTF-8.

    Every word of ``text`` (:func:`mgi.text.words`) lies in one piece; a piece
    can hold more than one word, or none ("l’accès", "–").

    >>> pieces("L’accès (à la SANTÉ)")
    [b'l\\xe2\\x80\\x99acc\\xc3\\xa8s', b'\\xc3\\xa0', b'la', b'sant\\xc3\\x89']
    """
    return separated(text).split()


def decode(piece: bytes) -> str:
    """A piece as text again."""
    return piece.decode("utf-8", _ERRORS)


def postings(texts: Iterable[str]) -> dict[bytes, array[int]]:
    """The documents each piece is in; documents are numbered in the order of
    ``texts``, so every list is in order.

    A document is added once for each time the piece appears in it, so a
    list can hold a number twice in a row: making a set of each text's
    pieces first costs more than the repeats (about a fifth more entries),
    which set operations and :func:`once_each` drop. This is the build's
    main loop: one dictionary look-up and one append per piece.
    """
    found: dict[bytes, array[int]] = {}
    for doc, every in enumerate(split_all(texts)):
        for piece in every:
            try:
                found[piece].append(doc)
            except KeyError:
                found[piece] = array("I", (doc,))
    return found


def once_each(ordered: Iterable[int]) -> Iterator[int]:
    """``ordered`` without repeats (which follow each other)."""
    last = -1
    for doc in ordered:
        if doc != last:
            last = doc
            yield doc


# Testing one document against a list by binary search costs about as much
# as reading this many of its entries: below that, read the list instead.
PROBE_COST = 24


def probe(docs_of: array[int], docs: list[int]) -> list[int]:
    """Those of ``docs`` in the sorted list ``docs_of``, by binary search."""
    if not docs_of:
        return []
    # Searching below the last entry keeps every position in the list; a
    # document past it lands on the last entry, which then differs from it.
    last = len(docs_of) - 1
    at = map(bisect_left, repeat(docs_of), docs, repeat(0), repeat(last))
    return list(compress(docs, map(eq, map(getitem, repeat(docs_of), at), docs)))


def byte_map(docs_of: array[int], size: int) -> bytearray:
    """One byte for each of ``size`` documents: 1 for those in ``docs_of``.

    >>> byte_map(array("I", [1, 3, 3]), 5)
    bytearray(b'\\x00\\x01\\x00\\x01\\x00')
    """
    found = bytearray(size)
    deque(map(setitem, repeat(found), docs_of, repeat(1)), maxlen=0)
    return found


def byte_maps(lists: Iterable[array[int]], size: int) -> dict[int, bytearray]:
    """The :func:`byte_map` of each list of at least an eighth of ``size``
    documents (no more than twice the list's own size), by ``id()`` of the
    list: testing a document against a long list is then one look-up rather
    than a binary search.

    >>> common, rare = array("I", [0, 1]), array("I", [3])
    >>> list(byte_maps([common, rare], 16)) == [id(common)]
    True
    """
    return {id(docs): byte_map(docs, size) for docs in lists if len(docs) * 8 >= size}


def among(
    docs: set[int],
    lists: Sequence[array[int]],
    maps: Mapping[int, bytearray] = MappingProxyType({}),
    *,
    probe_above: int = PROBE_COST,
) -> set[int]:
    """Those of ``docs`` in any of ``lists``.

    ``maps`` holds the :func:`byte_map` of some lists, by ``id()``: a
    document is then looked up in one step. Other lists are either searched
    for each document (when much longer than the documents left to find) or
    read once against them. All of it runs in C.
    """
    if len(lists) == 1:
        return _among(docs, lists[0], maps, probe_above)
    found: set[int] = set()
    left = docs
    for docs_of in lists:
        if not left:
            break
        hits = _among(left, docs_of, maps, probe_above)
        if hits:
            found |= hits
            left = left - hits
    return found


def _among(
    docs: set[int], docs_of: array[int], maps: Mapping[int, bytearray], probe_above: int
) -> set[int]:
    mapped = maps.get(id(docs_of))
    if mapped is not None:
        return set(compress(docs, map(getitem, repeat(mapped), docs)))
    if len(docs) * probe_above < len(docs_of):
        return set(probe(docs_of, list(docs)))
    return docs.intersection(docs_of)


def has(
    lists: Iterable[array[int]], doc: int, maps: Mapping[int, bytearray] = MappingProxyType({})
) -> bool:
    """Whether ``doc`` is in one of the sorted ``lists`` (``maps`` as for
    :func:`among`)."""
    for docs_of in lists:
        mapped = maps.get(id(docs_of))
        if mapped is not None:
            if mapped[doc]:
                return True
            continue
        at = bisect_left(docs_of, doc)
        if at < len(docs_of) and docs_of[at] == doc:
            return True
    return False
