"""Ranked word search over a collection of profiles.

>>> import mgi
>>> hits = mgi.profiles.search('"trata de personas"')
>>> len(hits)
2
>>> hit = hits[0]
>>> hit.profile.id, hit.domain, hit.kind.value, hit.position
('huehuetenango-2024', 6, 'well_developed', 1)
>>> [hit.text[start:end] for start, end in hit.spans]
['Trata de Personas']
>>> mgi.profiles.search("xenofobia", kind="well_developed")
Hits([])
>>> mgi.profiles.search("xenofobia", kind="well_developed") == []
True

**Matching is word-based.** Case, accents and punctuation are ignored, and
each query word matches the words of the text that *begin* with it:
``migra`` finds "migrantes" and "migración", but ``agua`` does not find
"Nicaragua". Every word of the query must appear (in any order); words in
double quotes must appear together, in that order, as whole words:
``"trata de personas"`` is a phrase.

**Ranking.** Hits whose words match whole words come before hits that only
match by a word's beginning; then titles before findings before
introductions; then shorter texts first (a short text that holds the words is
more about them), then collection order.

**Limits.** A query holds at most :data:`MAX_QUERY_WORDS` (32) words,
counting those of its phrases, and at most :data:`MAX_QUERY_LENGTH` (1,000)
characters; a longer one raises :class:`mgi.InvalidValueError`.

**Index.** Each collection builds an inverted index of its words the first
time it is searched, once (safely when several threads search at once); a
search then looks words up instead of reading texts. How it works:

- Every title, finding and introduction paragraph is a *document*, numbered
  in rank order (part, then length, then collection order), so a list of
  document numbers in increasing order is a list of texts best first.
- Each word has a *posting list*: the sorted array of the documents that hold
  it (a document once for each time its text holds the word; a search reads
  each once). The words of a text are those of :func:`mgi.text.words`, got
  without folding every text: a text is cut, in C, at white space and ASCII
  punctuation (which never join or split a word) into pieces, and each
  distinct piece is folded once.
- A *common* word, one in at least one document in 32, also has a bit in
  a *plane*: a byte per document, shared by eight common words, where the
  word's bit is set for each document that holds it. Telling whether a
  document holds the word is then one look-up, however long its list, and
  the plane costs an eighth of a byte a document for each word, no more
  than the word's list. A word's bit is set the first time a search needs
  it, so building the index costs nothing more.
- A query word that may begin longer words matches the posting lists of a
  run of the sorted vocabulary. A search reads the rarest word's documents,
  best first, keeps those that hold the other words (by their bits, by
  binary search of their lists, or by reading a list that is not much
  longer), then those that meet the criteria and hold the query's phrases
  (checked in the text's words). Whole-word matches are found first, then
  the others; with a ``limit`` the search stops as soon as it has enough.
"""

from __future__ import annotations

import enum
import heapq
import re
import threading
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, compress, groupby, islice, repeat
from operator import and_, eq, itemgetter
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias, TypedDict, overload

import attrs

from mgi._checks import ReadOnly, member
from mgi.errors import InvalidValueError
from mgi.model import Finding, FindingKind, FindingKindName, Profile
from mgi.taxonomy import DOMAIN_SLUGS, DomainKey, Level, LevelName, domain_number
from mgi.text import word_spans, words

if TYPE_CHECKING:
    from mgi.collections import Profiles

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_WORDS",
    "Hit",
    "Hits",
    "Part",
    "Query",
    "SearchCriteria",
    "Term",
    "search_in",
]

MAX_QUERY_LENGTH = 1_000
"""The most characters a query may have."""
MAX_QUERY_WORDS = 32
"""The most words a query may hold, counting the words of its phrases."""


class Part(enum.StrEnum):
    """The part of a profile a text belongs to; a search can keep one.

    >>> import mgi
    >>> [hit.part.value for hit in mgi.profiles.search("Huehuetenango", limit=2)]
    ['title', 'finding']
    >>> len(mgi.profiles.search("Huehuetenango", part=mgi.Part.INTRODUCTION))
    1
    """

    TITLE = "title"
    """The profile's title."""
    INTRODUCTION = "introduction"
    """A paragraph of the introduction."""
    FINDING = "finding"
    """A well-developed area or an area with potential."""


#: The values of :class:`Part`, which a search's ``part=`` takes.
PartName: TypeAlias = Literal["title", "introduction", "finding"]


# -- queries -------------------------------------------------------------------


@attrs.frozen
class Term:
    """Words that must appear one after the other in a text.

    With ``prefix`` the last word matches any word it begins; the others
    match whole words only.

    >>> Term(("trata", "de"), prefix=False)
    Term(words=('trata', 'de'), prefix=False)
    """

    words: tuple[str, ...]
    """The folded words, in order."""
    prefix: bool
    """Whether the last word also matches the words it begins."""

    def __str__(self) -> str:
        shown = " ".join(self.words) + ("…" if self.prefix else "")
        return f'"{shown}"' if len(self.words) > 1 else shown


# A double-quoted phrase (straight or curly quotes; an unclosed quote runs to
# the end), or a run of anything else that is not white space.
_PIECE = re.compile(r'"([^"]*)"?|“([^”]*)”?|([^\s"“]+)')


@attrs.frozen
class Query:
    """A parsed search query: every term must match.

    >>> Query.parse('Trata "niñez migrante" l’accès')
    Query('Trata "niñez migrante" l’accès')
    >>> [str(term) for term in _.terms]
    ['trata…', '"ninez migrante"', '"l acces…"']
    >>> Query.parse("de " * 33)
    Traceback (most recent call last):
    ...
    mgi.errors.InvalidValueError: a query holds at most 32 words, phrases included; this one has 33
    """

    text: str
    """The query as it was written."""
    terms: tuple[Term, ...]
    """What must match: every term, in any order."""

    @classmethod
    def parse(cls, text: str) -> Query:
        """Read a query: words, and phrases in double quotes.

        :class:`mgi.InvalidValueError` if ``text`` is no string, holds no
        word, or is longer than :data:`MAX_QUERY_LENGTH` characters or
        :data:`MAX_QUERY_WORDS` words.
        """
        if not isinstance(text, str):
            raise InvalidValueError(f"expected the query as a string, got {type(text).__name__}")
        if len(text) > MAX_QUERY_LENGTH:
            raise InvalidValueError(
                f"a query holds at most {MAX_QUERY_LENGTH:,} characters; "
                f"this one has {len(text):,}"
            )
        terms: list[Term] = []
        count = 0
        for quoted, curly, bare in _PIECE.findall(text):
            found = words(quoted or curly or bare)
            count += len(found)
            term = Term(tuple(found), prefix=bool(bare))
            if found and term not in terms:
                terms.append(term)
        if count > MAX_QUERY_WORDS:
            raise InvalidValueError(
                f"a query holds at most {MAX_QUERY_WORDS} words, phrases included; "
                f"this one has {count}"
            )
        if not terms:
            raise InvalidValueError(f"the query {text!r} has no words to search for")
        return cls(text, tuple(terms))

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the query's terms match in ``text``: (start, end) pairs, in order.

        >>> Query.parse("migra").spans("Migrantes y migración")
        ((0, 9), (12, 21))
        """
        found = word_spans(text)
        folded = [word for word, _, _ in found]
        spans = set()
        for term in self.terms:
            for start in _matches(folded, term):
                spans.add((found[start][1], found[start + len(term.words) - 1][2]))
        return tuple(sorted(spans))

    def __repr__(self) -> str:
        return f"Query({self.text!r})"


def _matches(tokens: Sequence[str], term: Term) -> Iterator[int]:
    """Each index of ``tokens`` where ``term`` matches."""
    *first, last = term.words
    size = len(term.words)
    for start in range(len(tokens) - size + 1):
        end = tokens[start + size - 1]
        if (end.startswith(last) if term.prefix else end == last) and all(
            tokens[start + offset] == word for offset, word in enumerate(first)
        ):
            yield start


# -- results -------------------------------------------------------------------


@attrs.frozen(repr=False)
class Hit:
    """One text that matches a query.

    >>> import mgi
    >>> hit = mgi.profiles.search("xenofobia")[0]
    >>> hit.profile.id, hit.domain, hit.position, hit.text[:30]
    ('huehuetenango-2024', 1, 1, 'Realizar campañas de informaci')
    >>> hit.finding.kind.value, [hit.text[start:end] for start, end in hit.spans]
    ('potential', ['xenofobia'])
    """

    profile: Profile
    """The profile the text belongs to."""
    part: Part
    """Title, introduction or finding."""
    domain: int | None
    """The finding's domain number, 1 to 6 (``mgi.domains[hit.domain]``);
    ``None`` outside findings."""
    kind: FindingKind | None
    """The finding's kind; ``None`` outside findings."""
    position: int
    """Where the text is in its list, from 1: the n-th finding of its
    domain and kind, the n-th paragraph of the introduction, 1 for the title."""
    text: str
    """The matching text, as the profile gives it."""
    query: Query
    """The query that matched."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where the query matches in :attr:`text`, as (start, end) pairs."""
        return self.query.spans(self.text)

    @property
    def location(self) -> str:
        """Where the text is in its profile, in words.

        >>> import mgi
        >>> [hit.location for hit in mgi.profiles.search("Huehuetenango", limit=2)]
        ['title', 'domain 2 (whole_of_government), potential 1']
        >>> mgi.profiles.search("IGM")[0].location
        'introduction 2'
        """
        if self.domain is not None and self.kind is not None:
            slug = DOMAIN_SLUGS[self.domain - 1]
            return f"domain {self.domain} ({slug}), {self.kind.value} {self.position}"
        if self.part is Part.TITLE:
            return "title"
        return f"{self.part.value} {self.position}"

    @property
    def finding(self) -> Finding | None:
        """The matching finding, or ``None`` for a title or introduction."""
        if self.domain is None or self.kind is None:
            return None
        return self.profile.select(self.domain, self.kind)[self.position - 1]

    def __repr__(self) -> str:
        where = f"{self.part.value} {self.position}"
        if self.domain is not None and self.kind is not None:
            where = f"domain {self.domain} {self.kind.value} {self.position}"
        return f"Hit({self.profile.id!r}, {where}: {_clip(self.text, 50)!r})"


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class Hits(ReadOnly, Sequence[Hit]):
    """Search results, best first: an immutable sequence of :class:`Hit`.

    Hits are made as they are read, so a broad search costs little until
    its results are used. A slice is a ``Hits`` too; an empty result is
    falsy and equal to ``[]``. Hits pickle as the hits themselves, without
    the index they were read from.

    >>> import mgi, pickle
    >>> hits = mgi.profiles.search("migrantes")
    >>> len(hits), len(hits[:3]), hits.profiles().ids
    (16, 3, ('huehuetenango-2024',))
    >>> pickle.loads(pickle.dumps(hits)) == hits
    True
    >>> mgi.profiles.search("nothing") == []
    True
    """

    __slots__ = ("_docs", "_languages", "_query", "_source")

    _docs: Sequence[int]
    _query: Query
    _source: Index | _Listed
    _languages: tuple[str, ...]

    def __init__(
        self,
        query: Query,
        docs: Sequence[int],
        source: Index | _Listed,
        languages: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "_query", query)
        object.__setattr__(self, "_docs", docs)
        object.__setattr__(self, "_source", source)
        object.__setattr__(self, "_languages", languages)

    @property
    def query(self) -> Query:
        """The query these are the results of."""
        return self._query

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the profiles searched (those that met the
        criteria), most profiles first: what to search in when nothing matches.

        >>> import mgi
        >>> hits = mgi.search("trafficking")
        >>> len(hits), hits.languages
        (0, ('es',))
        """
        return self._languages

    def __len__(self) -> int:
        return len(self._docs)

    @overload
    def __getitem__(self, item: int) -> Hit: ...
    @overload
    def __getitem__(self, item: slice) -> Hits: ...

    def __getitem__(self, item: int | slice) -> Hit | Hits:
        if isinstance(item, slice):
            return Hits(self._query, self._docs[item], self._source, self._languages)
        return self._source.hit(self._docs[item], self._query)

    def __iter__(self) -> Iterator[Hit]:
        make, query = self._source.hit, self._query
        return (make(doc, query) for doc in self._docs)

    def profiles(self) -> Profiles:
        """The profiles with at least one hit, as a collection."""
        owners = {id(profile): profile for profile in map(self._source.profile, self._docs)}
        return self._source.collection(owners.values())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Hits, list, tuple)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[type[Hits], tuple[Query, range, _Listed, tuple[str, ...]]]:
        hits = tuple(self)
        listed = _Listed(hits, self._source.collection)
        return (Hits, (self._query, range(len(hits)), listed, self._languages))

    def __repr__(self) -> str:
        shown = ", ".join(map(repr, self[:3]))
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        return f"Hits([{shown}{more}])"

    def _repr_html_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.hits_html(self)

    def _repr_markdown_(self) -> str:
        from mgi import views  # a notebook display hook calls up to the views

        return views.hits_markdown(self)


@attrs.frozen
class _Listed:
    """What unpickled :class:`Hits` read from instead of an index: the hits."""

    hits: tuple[Hit, ...]
    collection: type[Profiles]

    def hit(self, doc: int, query: Query) -> Hit:
        return self.hits[doc]

    def profile(self, doc: int) -> Profile:
        return self.hits[doc].profile


# -- the index -------------------------------------------------------------------

# Texts are cut into pieces where bytes.translate with this table makes a
# space: at white space and ASCII punctuation, which are never part of a word
# and never join two (mgi.text.words splits there too). ASCII capitals are
# lowered, so that "Migrantes" and "migrantes" are one piece.
_CUT = bytes(
    byte if byte >= 128 else ord(chr(byte).lower()) if chr(byte).isalnum() else ord(" ")
    for byte in range(256)
)
# Lone surrogates can come from JSON ("\ud800"); they separate words anyway.
_SURROGATES = "surrogatepass"


def _cut(text: str) -> bytes:
    """``text`` as UTF-8, with a space for each ASCII separator and ASCII
    capitals lowered: its pieces between spaces.

    >>> _cut("L’accès (à la SANTÉ).")
    b'l\\xe2\\x80\\x99acc\\xc3\\xa8s  \\xc3\\xa0 la sant\\xc3\\x89  '
    """
    return text.encode("utf-8", _SURROGATES).translate(_CUT)


def _pieces(text: str) -> list[bytes]:
    """``text`` cut at white space and ASCII punctuation, as UTF-8.

    >>> _pieces("L’accès (à la SANTÉ).")
    [b'l\\xe2\\x80\\x99acc\\xc3\\xa8s', b'\\xc3\\xa0', b'la', b'sant\\xc3\\x89']
    """
    return _cut(text).split()


class _Docs(dict[bytes, "array[int]"]):
    """The documents each piece is in: an array made on first use."""

    def __missing__(self, piece: bytes) -> array[int]:
        made = self[piece] = array("I")
        return made


class Index:
    """An inverted index of a collection's texts; see the module docstring.

    >>> import mgi
    >>> index = index_of(mgi.profiles)
    >>> index.search(Query.parse('"trata de personas"'), limit=None)
    [11, 24]
    >>> index.hit(11, Query.parse("trata")).location
    'domain 6 (safe_orderly_regular), well_developed 1'
    """

    def __init__(self, profiles: Profiles) -> None:
        self.collection: type[Profiles] = type(profiles)
        """The type of collection :meth:`Hits.profiles` makes."""
        self._profiles = tuple(profiles)
        self._languages = _by_count(profile.language for profile in self._profiles)
        self._texts, self._natural, self._starts = _documents(self._profiles)
        # The posting list of each piece, made in C: split, look up, append.
        # A document is added once for each time the piece is in its text.
        docs_of = _Docs()
        append = array.append
        for doc, text in enumerate(self._texts):
            deque(map(append, map(docs_of.__getitem__, _pieces(text)), repeat(doc)), maxlen=0)
        # Then the words of each piece (joined by spaces), and each word's
        # list from its pieces' lists.
        self._words_of = {
            piece: " ".join(words(piece.decode("utf-8", _SURROGATES))) for piece in docs_of
        }
        lists_of: dict[str, list[array[int]]] = {}
        for piece, docs in docs_of.items():
            for word in set(self._words_of[piece].split()):
                lists_of.setdefault(word, []).append(docs)
        self._docs = {word: _merged(lists) for word, lists in lists_of.items()}
        self._vocabulary = sorted(self._docs)
        # Each common word gets a bit in a plane shared by eight words: a
        # byte per document. A plane is filled word by word, the first time a
        # search tests documents against the word.
        size = len(self._texts)
        common = [word for word in self._vocabulary if len(self._docs[word]) * _COMMON >= size]
        self._bit_of = {word: (number // 8, 1 << number % 8) for number, word in enumerate(common)}
        self._planes = [b""] * -(-len(common) // 8)
        self._filled: set[str] = set()
        self._filling = threading.Lock()

    # -- answering -------------------------------------------------------------

    def search(
        self, query: Query, *, accept: Callable[[int], bool] | None = None, limit: int | None
    ) -> list[int]:
        """The documents that match ``query`` and ``accept``, best first: at
        most ``limit`` of them."""
        phrases = [_Phrase.of(term) for term in query.terms if len(term.words) > 1]
        # Each word once, and whether it may begin a longer word.
        words = dict.fromkeys((word, term.prefix and last) for term, last, word in _words(query))
        # First the documents that hold every word of the query whole...
        whole = [self._matching(word) for word in dict.fromkeys(word for word, _ in words)]
        found = self._walk(whole, accept, phrases, limit) if all(whole) else []
        if limit is not None and len(found) >= limit:
            return found
        # ... then those where a last word only begins a longer word.
        ends = [self._matching(word, prefix) for word, prefix in words]
        exact = [self._matching(word) for word, _ in words]
        if ends == exact:
            return found  # no word begins a longer one
        seen = set(found)

        def new(doc: int) -> bool:
            return doc not in seen and (accept is None or accept(doc))

        rest = None if limit is None else limit - len(found)
        return found + self._walk(ends, new, phrases, rest)

    def _walk(
        self,
        words: list[tuple[str, ...]],
        accept: Callable[[int], bool] | None,
        phrases: list[_Phrase],
        limit: int | None,
    ) -> list[int]:
        """The documents that hold one of each of ``words`` (alternatives from
        the vocabulary), that ``accept`` accepts and that hold the
        ``phrases``, best first; at most ``limit``.

        The rarest word's documents are read in order, a batch at a time: all
        at once without a limit, else ``limit`` and twice as many each time.
        """
        rarest, *others = sorted(words, key=self._count)
        lists = [self._docs[word] for word in rarest]
        if limit is None:
            batches: Iterator[Sequence[int]] = iter([_union(lists)])
        else:
            batches = _batches(_in_order(lists), limit)
        kept: list[int] = []
        for batch in batches:
            for alternatives in others:
                batch = self._among(batch, alternatives)
            if len(lists) == 1:  # a list may hold a document twice
                batch = list(dict.fromkeys(batch))
            if accept is not None:
                batch = list(filter(accept, batch))
            if phrases:
                batch = [doc for doc in batch if self._holds(doc, phrases)]
            kept += batch
            if limit is not None and len(kept) >= limit:
                return kept[:limit]
        return kept

    def _matching(self, word: str, prefix: bool = False) -> tuple[str, ...]:
        """``word`` if the vocabulary has it; with ``prefix``, also the words
        it begins."""
        if not prefix:
            return (word,) if word in self._docs else ()
        # The words that begin with ``word`` follow it in the sorted
        # vocabulary (U+10FFFF is in no word: it is no letter).
        start = bisect_left(self._vocabulary, word)
        end = bisect_right(self._vocabulary, word + "\U0010ffff", start)
        return tuple(self._vocabulary[start:end])

    def _count(self, words: tuple[str, ...]) -> int:
        """How many documents the posting lists of ``words`` hold."""
        return sum(len(self._docs[word]) for word in words)

    def _among(self, docs: Sequence[int], words: tuple[str, ...]) -> list[int]:
        """Those of the sorted ``docs`` that hold one of ``words``, in order.

        Common words are tested by their bits, those of one plane at once:
        one look-up a document, in C. The others by their lists.
        """
        masks: dict[int, int] = {}
        lists = []
        for word in words:
            bit = self._bit(word)
            if bit is None:
                lists.append(self._docs[word])
            else:
                masks[bit[0]] = masks.get(bit[0], 0) | bit[1]
        found = [
            list(compress(docs, map(and_, _at(self._planes[number], docs), repeat(mask))))
            for number, mask in masks.items()
        ]
        if lists:
            found.append(_among(docs, lists))
        return found[0] if len(found) == 1 else sorted(set().union(*found))

    def _bit(self, word: str) -> tuple[int, int] | None:
        """The number of the plane of a common word, and the mask of its bit
        there (set for each document that holds the word, the first time it
        is asked for); ``None`` for other words."""
        bit = self._bit_of.get(word)
        if bit is not None and word not in self._filled:
            with self._filling:
                if word not in self._filled:
                    number, mask = bit
                    plane, docs = self._planes[number], self._docs[word]
                    self._planes[number] = _with_bit(plane, mask, docs, len(self._texts))
                    self._filled.add(word)
        return bit

    def _holds(self, doc: int, phrases: list[_Phrase]) -> bool:
        """Whether the text of ``doc`` holds every phrase."""
        pieces = b" " + _cut(self._texts[doc]) + b" "
        spaced = None
        for phrase in phrases:
            if phrase.plain is not None and phrase.plain in pieces:
                continue
            if spaced is None:
                folded = filter(None, map(self._words_of.__getitem__, pieces.split()))
                spaced = " " + " ".join(folded) + " "
            if phrase.spaced not in spaced:
                return False
        return True

    # -- documents ---------------------------------------------------------------

    def _place(self, doc: int) -> tuple[int, int]:
        """The number of the profile document ``doc`` is in, and the
        number of the text in the profile (0 its title, then its findings,
        then its paragraphs)."""
        at = self._natural[doc]
        number = bisect_right(self._starts, at) - 1
        return number, at - self._starts[number]

    def hit(self, doc: int, query: Query) -> Hit:
        """The :class:`Hit` for document ``doc``."""
        number, item = self._place(doc)
        profile = self._profiles[number]
        part, finding = _part_of(profile, item)
        if finding is not None:
            earlier = profile.findings[: item - 1]
            position = 1 + sum(
                other.domain == finding.domain and other.kind is finding.kind for other in earlier
            )
            return Hit(profile, part, finding.domain, finding.kind, position, finding.text, query)
        position = 1 if part is Part.TITLE else item - len(profile.findings)
        return Hit(profile, part, None, None, position, self._texts[doc], query)

    def profile(self, doc: int) -> Profile:
        """The profile document ``doc`` belongs to."""
        return self._profiles[self._place(doc)[0]]

    def languages(self, profiles: frozenset[int] | None = None) -> tuple[str, ...]:
        """The languages of the profiles (numbers in the collection; all of
        them by default), most profiles first."""
        if profiles is None:
            return self._languages
        return _by_count(self._profiles[number].language for number in profiles)

    def accepting(
        self,
        *,
        part: Part | None = None,
        domain: int | None = None,
        kind: FindingKind | None = None,
        profiles: frozenset[int] | None = None,
    ) -> Callable[[int], bool] | None:
        """A test of documents for these criteria (``None``: no criteria).

        ``profiles`` holds profile numbers (positions in the collection).
        """
        if part is None and domain is None and kind is None and profiles is None:
            return None
        finding_wanted = domain is not None or kind is not None

        def accept(doc: int) -> bool:
            number, item = self._place(doc)
            if profiles is not None and number not in profiles:
                return False
            where, finding = _part_of(self._profiles[number], item)
            if finding is None:
                return not finding_wanted and part in (None, where)
            return (
                part in (None, where)
                and domain in (None, finding.domain)
                and kind in (None, finding.kind)
            )

        return accept


def _documents(profiles: Sequence[Profile]) -> tuple[list[str], array[int], list[int]]:
    """Every text of ``profiles`` best first, the place of each in collection
    order, and where each profile's texts start in that order (its title,
    then its findings, then the paragraphs of its introduction)."""
    texts: list[str] = []
    starts: list[int] = []
    part = bytearray()
    for profile in profiles:
        starts.append(len(texts))
        texts.append(profile.title)
        texts += [finding.text for finding in profile.findings]
        texts += profile.introduction
        part += b"\0" + b"\1" * len(profile.findings) + b"\2" * len(profile.introduction)
    # Sorted by length, then (a stable sort keeps that order, and collection
    # order among equals) by part: titles, findings, introductions.
    lengths = list(map(len, texts))
    order = sorted(range(len(texts)), key=lengths.__getitem__)
    order.sort(key=part.__getitem__)
    return list(map(texts.__getitem__, order)), array("I", order), starts


def _by_count(codes: Iterable[str]) -> tuple[str, ...]:
    """The distinct ``codes``, the most frequent first."""
    counts = Counter(codes)
    return tuple(sorted(counts, key=lambda code: (-counts[code], code)))


def _part_of(profile: Profile, item: int) -> tuple[Part, Finding | None]:
    """The part text number ``item`` of ``profile`` is in (0 the title, then
    the findings, then the paragraphs), and its finding if it is one."""
    if item == 0:
        return Part.TITLE, None
    if item <= len(profile.findings):
        return Part.FINDING, profile.findings[item - 1]
    return Part.INTRODUCTION, None


def _merged(lists: list[array[int]]) -> array[int]:
    """One sorted list of the documents in ``lists``."""
    return lists[0] if len(lists) == 1 else array("I", sorted(chain.from_iterable(lists)))


# A word in at least one document in this many is *common*: it also has a bit
# in a byte per document, which takes no more memory than its list.
_COMMON = 32


def _with_bit(plane: bytes, mask: int, docs: array[int], size: int) -> bytes:
    """``plane`` (a byte per document, of ``size`` documents; empty before
    its first word) with the bit of ``mask`` set for ``docs``.

    >>> list(_with_bit(bytes([0, 2, 0, 2]), 1, array("I", [0, 1]), 4))
    [1, 3, 0, 2]
    """
    marks = bytearray(size)
    deque(map(marks.__setitem__, docs, repeat(mask)), maxlen=0)  # in C
    # The other bits are kept by OR-ing the bytes as one big number.
    both = int.from_bytes(plane, "little") | int.from_bytes(marks, "little")
    return both.to_bytes(len(marks), "little")


def _at(plane: bytes, docs: Sequence[int]) -> Sequence[int]:
    """The bytes of ``plane`` at ``docs`` (in C)."""
    return itemgetter(*docs)(plane) if len(docs) > 1 else [plane[doc] for doc in docs]


def _words(query: Query) -> Iterator[tuple[Term, bool, str]]:
    """Each word of the query's terms, with its term and whether it is its last."""
    for term in query.terms:
        for number, word in enumerate(term.words, 1):
            yield term, number == len(term.words), word


class _Phrase(NamedTuple):
    """A phrase, as it is found in the words of a text."""

    spaced: str
    """Its words joined by spaces, between spaces: " trata de personas ", found
    in a text's words joined so (" trata de person" if the last word may
    begin a longer word)."""
    plain: bytes | None
    """The same as bytes, if it is ASCII: found in the pieces of a text
    (between spaces, :func:`_cut`) where it is written plainly, one separator
    between words, it is in the text; where not, :attr:`spaced` tells."""

    @classmethod
    def of(cls, term: Term) -> _Phrase:
        spaced = " " + " ".join(term.words) + ("" if term.prefix else " ")
        return cls(spaced, spaced.encode() if spaced.isascii() else None)


def _union(lists: list[array[int]]) -> Sequence[int]:
    """The documents of ``lists`` in order (a document of a single list may
    come more than once)."""
    return lists[0] if len(lists) == 1 else sorted(set().union(*lists))


def _in_order(lists: list[array[int]]) -> Iterator[int]:
    """The documents of ``lists``, each once, in order, read as needed."""
    merged = lists[0] if len(lists) == 1 else heapq.merge(*lists)
    return (doc for doc, _ in groupby(merged))


def _batches(docs: Iterator[int], size: int) -> Iterator[list[int]]:
    """``docs`` in lists of ``size``, then of twice as many each time."""
    while batch := list(islice(docs, size)):
        yield batch
        size *= 2


def _among(docs: Sequence[int], lists: list[array[int]]) -> list[int]:
    """Those of the sorted ``docs`` that are in one of ``lists``.

    Each list is either searched for each document (a binary search reads
    about log2 of its length) or read once, whichever reads less of it.
    """
    found: set[int] = set()
    wanted: set[int] | None = None
    for docs_of in lists:
        if len(docs) * len(docs_of).bit_length() < len(docs_of):
            found.update(compress(docs, _each_in(docs, docs_of)))
        else:
            wanted = set(docs) if wanted is None else wanted
            found.update(wanted.intersection(docs_of))
    return sorted(found)


def _each_in(docs: Sequence[int], docs_of: array[int]) -> Iterator[bool]:
    """For each of ``docs``, whether it is in the sorted ``docs_of`` (in C)."""
    if not docs_of:
        return repeat(False, len(docs))
    # Searching below the last entry keeps every position in the list; a
    # document past it lands on the last entry, which then differs from it.
    at = map(bisect_left, repeat(docs_of), docs, repeat(0), repeat(len(docs_of) - 1))
    return map(eq, map(docs_of.__getitem__, at), docs)


# Each collection's index, by id() of the collection; an entry goes when its
# collection does (weakref.finalize), before the id can be used again.
_indexes: dict[int, Index] = {}
_building = threading.Lock()


def index_of(profiles: Profiles) -> Index:
    """The collection's index, built on first use (once, whatever the threads).

    >>> import mgi
    >>> index_of(mgi.profiles) is index_of(mgi.profiles)
    True
    """
    key = id(profiles)
    found = _indexes.get(key)
    if found is None:
        with _building:
            found = _indexes.get(key)
            if found is None:
                found = _indexes[key] = Index(profiles)
                weakref.finalize(profiles, _indexes.pop, key, None)
    return found


class SearchCriteria(TypedDict, total=False):
    """What a search can be narrowed to; ``None`` is the same as leaving a
    criterion out. See :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> criteria: SearchCriteria = {"domain": "partnerships", "limit": 1}
    >>> len(mgi.profiles.search("alianzas", **criteria))
    1
    """

    domain: DomainKey | None
    """Only findings of this domain (anything ``mgi.domains[...]`` takes)."""
    kind: FindingKind | FindingKindName | None
    """Only findings of this kind."""
    part: Part | PartName | None
    """Only titles, introductions or findings."""
    country: str | None
    """Only profiles of this country (ISO code, alpha-3 or alpha-2, or name)."""
    level: Level | LevelName | None
    """Only national or local profiles."""
    language: str | None
    """Only profiles in this language (a BCP 47 tag such as ``'es'`` or ``'es-GT'``)."""
    year: int | str | None
    """Only profiles published this year (a number, or its digits)."""
    limit: int | None
    """At most this many hits, the best."""


def search_in(profiles: Profiles, query: str, criteria: SearchCriteria) -> Hits:
    """Search ``profiles``: the work of :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> len(search_in(mgi.profiles, "alianzas", {"kind": "well_developed"}))
    1
    """
    unknown = sorted(criteria.keys() - SearchCriteria.__annotations__.keys())
    if unknown:
        raise TypeError(f"search() got an unexpected keyword argument {unknown[0]!r}")
    parsed = Query.parse(query)
    limit = criteria.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidValueError(f"limit: expected a whole number of hits, got {limit!r}")
    domain, kind, part = criteria.get("domain"), criteria.get("kind"), criteria.get("part")
    by_profile = {key: criteria.get(key) for key in ("country", "level", "language", "year")}
    chosen = None
    if any(value is not None for value in by_profile.values()):
        kept = {profile.id for profile in profiles.filter(**by_profile)}  # type: ignore[arg-type]
        chosen = frozenset(number for number, profile in enumerate(profiles) if profile.id in kept)
    index = index_of(profiles)
    accept = index.accepting(
        part=member(Part, part, "part") if part is not None else None,
        domain=domain_number(domain) if domain is not None else None,
        kind=member(FindingKind, kind, "finding kind") if kind is not None else None,
        profiles=chosen,
    )
    found = index.search(parsed, accept=accept, limit=limit)
    return Hits(parsed, found, index, index.languages(chosen))
