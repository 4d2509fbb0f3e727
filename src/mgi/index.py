"""Ranked word search over a collection of profiles.

>>> import mgi
>>> hits = mgi.search('"trata de personas"')
>>> len(hits)
2
>>> hit = hits[0]
>>> hit.profile.id, hit.domain, hit.kind.value, hit.position
('huehuetenango-2024', 6, 'well_developed', 1)
>>> [hit.text[start:end] for start, end in hit.spans]
['Trata de Personas']
>>> mgi.search("xenofobia", kind="well_developed")
Hits([])
>>> mgi.search("xenofobia", kind="well_developed") == []
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

**Index.** Each collection builds an inverted index of its folded words the
first time it is searched, once (safely when several threads search at
once); a search then looks words up instead of reading texts.
"""

from __future__ import annotations

import enum
import gc
import heapq
import re
import threading
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from operator import add, contains, mul
from typing import TYPE_CHECKING, NamedTuple, TypedDict, Unpack, overload

import attrs

from mgi._postings import (
    among,
    byte_maps,
    decode,
    has,
    once_each,
    pieces,
    postings,
    spaced_all,
)
from mgi.collections import _ReadOnly
from mgi.errors import InvalidValueError
from mgi.model import DOMAIN_SLUGS, Finding, FindingKind, Profile
from mgi.text import word_spans, words

if TYPE_CHECKING:
    from mgi.collections import DomainKey, Profiles
    from mgi.model import Level

__all__ = ["Hit", "Hits", "Part", "Query", "SearchCriteria", "Term", "search", "search_in"]


class Part(enum.StrEnum):
    """The part of a profile a text belongs to; a search can keep one.

    >>> import mgi
    >>> [hit.part.value for hit in mgi.search("Huehuetenango", limit=2)]
    ['title', 'finding']
    >>> len(mgi.search("Huehuetenango", part=mgi.Part.INTRODUCTION))
    1
    """

    TITLE = "title"
    """The profile's title."""
    INTRODUCTION = "introduction"
    """A paragraph of the introduction."""
    FINDING = "finding"
    """A well-developed area or an area with potential."""


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
    """

    text: str
    """The query as it was written."""
    terms: tuple[Term, ...]
    """What must match: every term, in any order."""

    @classmethod
    def parse(cls, text: str) -> Query:
        """Read a query: words, and phrases in double quotes."""
        if not isinstance(text, str):
            raise InvalidValueError(f"expected the query as a string, got {type(text).__name__}")
        terms: list[Term] = []
        for quoted, curly, bare in _PIECE.findall(text):
            found = words(quoted or curly or bare)
            term = Term(tuple(found), prefix=bool(bare))
            if found and term not in terms:
                terms.append(term)
        if not terms:
            raise InvalidValueError(f"the query {text!r} has no words to search for")
        return cls(text, tuple(terms))

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the query's terms match in ``text``: (start, end) pairs, in order."""
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
    >>> hit = mgi.search("xenofobia")[0]
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
        >>> [hit.location for hit in mgi.search("Huehuetenango", limit=2)]
        ['title', 'domain 2 (whole_of_government), potential 1']
        >>> mgi.search("IGM")[0].location
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


class Hits(_ReadOnly, Sequence[Hit]):
    """Search results, best first: an immutable sequence of :class:`Hit`.

    Hits are made as they are read, so a broad search costs little until
    its results are used. A slice is a ``Hits`` too; an empty result is
    falsy and equal to ``[]``.

    >>> import mgi
    >>> hits = mgi.search("migrantes")
    >>> len(hits), len(hits[:3]), hits.profiles().ids
    (16, 3, ('huehuetenango-2024',))
    >>> mgi.search("nothing") == []
    True
    """

    __slots__ = ("_docs", "_index", "_query")

    _docs: Sequence[int]
    _index: Index
    _query: Query

    def __init__(self, index: Index, query: Query, docs: Sequence[int]) -> None:
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_query", query)
        object.__setattr__(self, "_docs", docs)

    @property
    def query(self) -> Query:
        """The query these are the results of."""
        return self._query

    def __len__(self) -> int:
        return len(self._docs)

    @overload
    def __getitem__(self, item: int) -> Hit: ...
    @overload
    def __getitem__(self, item: slice) -> Hits: ...

    def __getitem__(self, item: int | slice) -> Hit | Hits:
        if isinstance(item, slice):
            return Hits(self._index, self._query, self._docs[item])
        return self._index.hit(self._docs[item], self._query)

    def __iter__(self) -> Iterator[Hit]:
        make = self._index.hit
        return (make(doc, self._query) for doc in self._docs)

    def profiles(self) -> Profiles:
        """The profiles with at least one hit, as a collection."""
        from mgi.collections import Profiles

        owners = dict.fromkeys(self._index.profile_of(doc) for doc in self._docs)
        return Profiles(owners)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Hits, list, tuple)):
            return len(self) == len(other) and all(map(_same, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(map(repr, self[:3]))
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        return f"Hits([{shown}{more}])"

    def _repr_html_(self) -> str:
        from mgi.views import hits_html

        return hits_html(self)

    def _repr_markdown_(self) -> str:
        from mgi.views import hits_markdown

        return hits_markdown(self)


def _same(left: object, right: object) -> bool:
    return left == right


# -- the index -------------------------------------------------------------------

_PART_RANK = {Part.TITLE: 0, Part.FINDING: 1, Part.INTRODUCTION: 2}
_PARTS = (Part.TITLE, Part.FINDING, Part.INTRODUCTION)
# The code of a text: 0 for a title, 3 for an introduction paragraph, and
# domain << 2 | kind (1 or 2) for a finding, so one byte says all three.
_TITLE, _INTRODUCTION = 0, 3
_KIND_CODES = {FindingKind.WELL_DEVELOPED: 1, FindingKind.POTENTIAL: 2}
# Texts longer than this rank as if they were this long.
_LONGEST = 0xFFFF


class Index:
    """An inverted index of a collection's texts; see the module docstring.

    Documents (each title, finding and introduction paragraph) are numbered
    in rank order, so every posting list is sorted best first.
    """

    def __init__(self, profiles: Sequence[Profile]) -> None:
        # The build makes no reference cycles: the cyclic garbage collector is
        # paused, as it is while loading, rather than walk every profile.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(profiles)
        finally:
            if collecting:
                gc.enable()

    def _build(self, profiles: Sequence[Profile]) -> None:
        self._profiles = profiles
        ranked = _ranked(profiles)
        self._starts = ranked.starts
        self._natural = ranked.natural  # rank -> collection order
        self._owner = ranked.owner  # rank -> profile
        self._codes = ranked.codes  # rank -> code
        self._texts = ranked.texts  # rank -> text
        # Posting lists are kept per piece of text between separators, which
        # makes the build cheap; each folded word points to the lists of the
        # pieces that hold it (mostly one: "migración", or "l’accès" for "l").
        found = postings(self._texts)
        self._folded = {piece: tuple(words(decode(piece))) for piece in found}
        lists_of: defaultdict[str, list[array[int]]] = defaultdict(list)
        # For phrases: the pieces that are one word, by word; those of more
        # than one word, by each of their words; those of none ("–", "«").
        forms: defaultdict[str, list[bytes]] = defaultdict(list)
        joined: defaultdict[str, list[bytes]] = defaultdict(list)
        empty = []
        for piece, docs in found.items():
            held = self._folded[piece]
            for word in set(held):
                lists_of[word].append(docs)
                (forms if len(held) == 1 else joined)[word].append(piece)
            if not held:
                empty.append(piece)
        self._forms = {word: frozenset(pieces) for word, pieces in forms.items()}
        self._joined = {word: tuple(pieces) for word, pieces in joined.items()}
        self._empty = frozenset(empty)
        # Longest lists first: a document is most likely found in them.
        self._lists_of = {
            word: tuple(sorted(lists, key=len, reverse=True)) for word, lists in lists_of.items()
        }
        self._vocabulary = sorted(self._lists_of)
        self._maps = byte_maps(found.values(), len(self._texts))

    # -- answering -------------------------------------------------------------

    def search(
        self,
        query: Query,
        *,
        accept: Callable[[int], bool] | None = None,
        limit: int | None = None,
    ) -> list[int]:
        """The documents that match ``query`` and ``accept``, best first."""
        matches = [
            self._match(word, last and term.prefix)
            for term in query.terms
            for last, word in _with_last(term.words)
        ]
        if any(match.empty for match in matches):
            return []
        phrases = _Phrases([self._phrase(term) for term in query.terms if len(term.words) > 1])
        # Set operations in C answer whole queries fast while the rarest
        # word's lists are short; reading in rank order finds a first page of
        # long lists without reading them all.
        if limit is None or min(match.size for match in matches) <= _SHORT:
            found = _all(matches, accept, phrases, self._texts)
            return found if limit is None else found[: max(limit, 0)]
        return _first(matches, phrases.check(self, accept), limit)

    def _match(self, word: str, prefix: bool) -> _WordMatch:
        exact = self._lists_of.get(word, ())
        more: list[array[int]] = []
        if prefix:
            for other in self._longer(word):
                more.extend(self._lists_of[other])
        return _WordMatch(exact, tuple(sorted(more, key=len, reverse=True)), self._maps)

    def _longer(self, word: str) -> Iterator[str]:
        """The words of the index that begin with ``word`` and are longer."""
        vocabulary = self._vocabulary
        for at in range(bisect_left(vocabulary, word), len(vocabulary)):
            other = vocabulary[at]
            if not other.startswith(word):
                break
            if other != word:
                yield other

    def _phrase(self, term: Term) -> _Phrase:
        each = [[word] for word in term.words]
        if term.prefix:
            each[-1] += self._longer(term.words[-1])
        forms = [
            frozenset().union(*(self._forms.get(word, ()) for word in words)) for words in each
        ]
        joined = frozenset(
            piece for words in each for word in words for piece in self._joined.get(word, ())
        )
        return _Phrase(term, forms, tuple(joined), self._empty, self.words_of)

    def text(self, doc: int) -> str:
        """The text of document ``doc``."""
        return self._texts[doc]

    def words_of(self, text: str) -> str:
        """The folded words of ``text``, joined by spaces and between spaces
        (" trata de personas "), from the words of its pieces."""
        folded = self._folded.__getitem__
        return " " + " ".join(chain.from_iterable(map(folded, pieces(text)))) + " "

    def filter(
        self,
        *,
        parts: frozenset[Part] | None = None,
        domain: int | None = None,
        kind: FindingKind | None = None,
        profiles: frozenset[int] | None = None,
    ) -> Callable[[int], bool] | None:
        """A test of document numbers for these criteria (``None``: no criteria).

        ``profiles`` holds profile numbers (positions in the collection).
        """
        codes, owner = self._codes, self._owner
        if parts is None and domain is None and kind is None:
            if profiles is None:
                return None
            return lambda doc: owner[doc] in profiles

        def allowed(code: int) -> bool:
            part = _PARTS[_part_rank(code)]
            finding = part is Part.FINDING
            return (
                (parts is None or part in parts)
                and (domain is None or (finding and code >> 2 == domain))
                and (kind is None or (finding and code & 3 == _KIND_CODES[kind]))
            )

        table = bytes(map(allowed, range(256)))
        if profiles is None:
            return lambda doc: table[codes[doc]] == 1
        return lambda doc: table[codes[doc]] == 1 and owner[doc] in profiles

    def hit(self, doc: int, query: Query) -> Hit:
        """The :class:`Hit` for document ``doc``."""
        profile = self._profiles[self._owner[doc]]
        item = self._natural[doc] - self._starts[self._owner[doc]]
        code = self._codes[doc]
        part = _PARTS[_part_rank(code)]
        if part is Part.TITLE:
            return Hit(profile, part, None, None, 1, profile.title, query)
        if part is Part.INTRODUCTION:
            paragraph = item - 1 - len(profile.findings)
            return Hit(
                profile, part, None, None, paragraph + 1, profile.introduction[paragraph], query
            )
        finding = profile.findings[item - 1]
        position = 1 + sum(
            1
            for earlier in profile.findings[: item - 1]
            if earlier.domain == finding.domain and earlier.kind is finding.kind
        )
        return Hit(profile, part, finding.domain, finding.kind, position, finding.text, query)

    def profile_of(self, doc: int) -> Profile:
        """The profile document ``doc`` belongs to."""
        return self._profiles[self._owner[doc]]


class _Ranked(NamedTuple):
    """A collection's texts best first (see :func:`_rank_order`), each with
    its code and the number of its profile."""

    texts: list[str]
    codes: bytes
    owner: array[int]
    natural: array[int]
    """The number of each text in collection order."""
    starts: array[int]
    """Where each profile's texts start, in collection order."""


def _ranked(profiles: Sequence[Profile]) -> _Ranked:
    texts, codes, owner, starts = _gather(profiles)
    natural = _rank_order(texts, codes)
    return _Ranked(
        texts=list(map(texts.__getitem__, natural)),
        codes=bytes(map(codes.__getitem__, natural)),
        owner=array("I", map(owner.__getitem__, natural)),
        natural=natural,
        starts=starts,
    )


def _gather(
    profiles: Sequence[Profile],
) -> tuple[list[str], bytearray, array[int], array[int]]:
    """Every text in collection order, a code for its part, domain and kind,
    the number of its profile, and where each profile's texts start."""
    texts: list[str] = []
    codes = bytearray()
    owner = array("I")
    starts = array("I")
    for number, profile in enumerate(profiles):
        starts.append(len(texts))
        texts.append(profile.title)
        texts += [finding.text for finding in profile.findings]
        texts += profile.introduction
        codes.append(_TITLE)
        codes += bytes(
            [finding.domain << 2 | _KIND_CODES[finding.kind] for finding in profile.findings]
        )
        codes += bytes([_INTRODUCTION]) * len(profile.introduction)
        owner.extend(repeat(number, len(texts) - starts[-1]))
    return texts, codes, owner, starts


def _rank_order(texts: list[str], codes: bytearray) -> array[int]:
    """The texts' numbers in rank order: part, then length, then collection
    order (a stable sort keeps it among equals)."""
    lengths = list(map(len, texts))
    if lengths and max(lengths) > _LONGEST:
        lengths = [min(length, _LONGEST) for length in lengths]
    parts = map(mul, map(_RANK_OF_CODE.__getitem__, codes), repeat(_LONGEST + 1))
    keys = list(map(add, parts, lengths))
    return array("I", sorted(range(len(texts)), key=keys.__getitem__))


def _part_rank(code: int) -> int:
    if code == _TITLE:
        return _PART_RANK[Part.TITLE]
    if code == _INTRODUCTION:
        return _PART_RANK[Part.INTRODUCTION]
    return _PART_RANK[Part.FINDING]


_RANK_OF_CODE = bytes(map(_part_rank, range(256)))


def _with_last(items: Sequence[str]) -> Iterator[tuple[bool, str]]:
    for number, item in enumerate(items, 1):
        yield number == len(items), item


class _Phrase:
    """One phrase of a query, looked for in a text.

    In the folded words of the text joined by spaces the phrase "trata de"
    is the substring " trata de " (" trata de" when its last word is a
    beginning); making that string costs a look-up per piece of the text.
    Most texts are answered from their pieces instead: unless the text holds
    a piece of several words with one of the phrase's words ("l’accès"),
    the phrase is a piece of each word's forms in turn, with only pieces of
    no word ("–") between them.
    """

    def __init__(
        self,
        term: Term,
        forms: list[frozenset[bytes]],
        joined: tuple[bytes, ...],
        empty: frozenset[bytes],
        words_of: Callable[[str], str],
    ) -> None:
        self._wanted = " " + " ".join(term.words) + ("" if term.prefix else " ")
        self._firsts = [b" " + form + b" " for form in forms[0]]
        self._then = forms[1:]
        # The phrase as it is mostly written, when each word has one form:
        # finding it settles the question at once.
        single = all(len(each) == 1 for each in forms)
        self._plain = b" " + b" ".join(min(each) for each in forms) + b" " if single else None
        self._joined = joined
        self._empty = empty
        self._words_of = words_of

    def holds(self, spaced: bytes, text: str) -> bool:
        """Whether ``text`` holds the phrase (``spaced`` is the text as
        :func:`mgi._postings.spaced_all` gives it)."""
        if self._plain is not None and self._plain in spaced:
            return True
        return self.holds_apart(spaced, text)

    def plainly_in(self, spaced: Sequence[bytes]) -> Iterator[bool]:
        """For each text, whether it holds the phrase as it is mostly written
        (all in C); where not, :meth:`holds_apart` tells."""
        plain = self._plain
        if plain is None:
            return repeat(False, len(spaced))
        return map(contains, spaced, repeat(plain))

    def holds_apart(self, spaced: bytes, text: str) -> bool:
        """Whether ``text`` holds the phrase in some other way than its usual
        writing: other forms of its words, or pieces of no word between them."""
        if self._joined and any(piece in spaced for piece in self._joined):
            return self._wanted in self._words_of(text)
        for first in self._firsts:
            at = spaced.find(first)
            while at >= 0:
                if self._follows(spaced, at + len(first) - 1):
                    return True
                at = spaced.find(first, at + 1)
        return False

    def _follows(self, spaced: bytes, at: int) -> bool:
        """Whether the other words' forms come next from ``at``, in order."""
        for forms in self._then:
            while True:
                found = _NEXT_PIECE.match(spaced, at)
                if found is None:
                    return False
                piece, at = found[1], found.end()
                if piece in forms:
                    break
                if piece not in self._empty:
                    return False
        return True


# The next piece of separated text, after its spaces.
_NEXT_PIECE = re.compile(rb" +([^ ]+)")


class _Phrases:
    """The phrases of a query: a candidate document must hold each."""

    def __init__(self, phrases: list[_Phrase]) -> None:
        self._phrases = phrases

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds every phrase."""
        spaced = next(spaced_all((text,)))
        return all(phrase.holds(spaced, text) for phrase in self._phrases)

    def keep(self, docs: Iterable[int], texts: Sequence[str]) -> list[int]:
        """Those of ``docs`` whose text (in ``texts``) holds every phrase."""
        kept = list(docs)
        for phrase in self._phrases:
            mine = list(map(texts.__getitem__, kept))
            spaced = list(spaced_all(mine))
            kept = [
                doc
                for doc, plainly, room, text in zip(
                    kept, phrase.plainly_in(spaced), spaced, mine, strict=True
                )
                if plainly or phrase.holds_apart(room, text)
            ]
        return kept

    def check(
        self, index: Index, accept: Callable[[int], bool] | None
    ) -> Callable[[int], bool] | None:
        """``accept`` and the phrases as one test of a document."""
        if not self._phrases:
            return accept
        text = index.text

        def check(doc: int) -> bool:
            return (accept is None or accept(doc)) and self.holds(text(doc))

        return check


@attrs.define
class _WordMatch:
    """The documents one query word matches, as sorted lists: as a whole
    word (``exact``) and only as the beginning of longer words (``more``)."""

    exact: tuple[array[int], ...]
    more: tuple[array[int], ...]
    maps: Mapping[int, bytearray]
    """The byte maps of the index's longest lists, by ``id()`` of the list."""
    _exact_set: set[int] | None = None
    _every: set[int] | None = None

    @property
    def empty(self) -> bool:
        return not self.exact and not self.more

    @property
    def exact_size(self) -> int:
        return sum(map(len, self.exact))

    @property
    def size(self) -> int:
        return self.exact_size + sum(map(len, self.more))

    def exact_set(self) -> set[int]:
        """The whole-word matches, as a set (made once a query)."""
        if self._exact_set is None:
            self._exact_set = set().union(*self.exact)
        return self._exact_set

    def every(self) -> set[int]:
        """Every match, as a set (made once a query)."""
        if self._every is None:
            exact = self.exact_set()
            # Copying a set of thousands of documents is a good part of a query.
            self._every = exact.union(*self.more) if self.more else exact
        return self._every

    def among(self, docs: set[int], *, exact: bool = False) -> set[int]:
        """Those of ``docs`` this word matches (as a whole word only, with ``exact``)."""
        return among(docs, self.exact if exact else self.exact + self.more, self.maps)

    def has_exact(self, doc: int) -> bool:
        if self._exact_set is not None or len(self.exact) > _PROBED_LISTS:
            return doc in self.exact_set()
        return has(self.exact, doc, self.maps)

    def has(self, doc: int) -> bool:
        if self._every is not None or len(self.exact) + len(self.more) > _PROBED_LISTS:
            return doc in self.every()
        return has(self.exact, doc, self.maps) or has(self.more, doc, self.maps)

    def exact_in_order(self) -> Iterator[int]:
        """The whole-word matches, best first, each once."""
        return _in_order(self.exact)

    def in_order(self) -> Iterator[int]:
        """Every match, best first, each once."""
        return _in_order(self.exact + self.more)


# A word found in more lists than this is tested against a set of them all.
_PROBED_LISTS = 16
# A query whose rarest word is in this many documents or fewer is answered
# whole, even for a first page.
_SHORT = 10_000


def _in_order(lists: Sequence[array[int]]) -> Iterator[int]:
    return once_each(lists[0] if len(lists) == 1 else heapq.merge(*lists))


def _all(
    matches: list[_WordMatch],
    accept: Callable[[int], bool] | None,
    phrases: _Phrases,
    texts: Sequence[str],
) -> list[int]:
    """Every match, best first: whole-word matches, then the others. The
    rarest word's documents are narrowed by each other word in turn, then
    by ``accept``, and only then read for phrases."""
    ordered = sorted(matches, key=lambda match: match.size)
    found = ordered[0].every()
    for match in ordered[1:]:
        found = match.among(found)
    if accept is not None:
        found = set(filter(accept, found))
    if phrases:
        found = set(phrases.keep(found, texts))
    if not any(match.more for match in matches):
        return sorted(found)
    exact = found
    for match in matches:
        if match.more:
            exact = match.among(exact, exact=True)
    return sorted(exact) + sorted(found - exact)


def _first(
    matches: list[_WordMatch], accept: Callable[[int], bool] | None, limit: int
) -> list[int]:
    """The first ``limit`` matches of :func:`_all`, reading no more than needed."""
    found: list[int] = []
    if limit <= 0 or any(match.empty for match in matches):
        return found
    if all(match.exact for match in matches):
        ordered = sorted(matches, key=lambda match: match.exact_size)
        for doc in ordered[0].exact_in_order():
            if all(match.has_exact(doc) for match in ordered[1:]) and (
                accept is None or accept(doc)
            ):
                found.append(doc)
                if len(found) == limit:
                    return found
    if not any(match.more for match in matches):
        return found
    ordered = sorted(matches, key=lambda match: match.size)
    for doc in ordered[0].in_order():
        if all(match.has_exact(doc) for match in matches):
            continue  # a whole-word match, already taken above
        if all(match.has(doc) for match in ordered[1:]) and (accept is None or accept(doc)):
            found.append(doc)
            if len(found) == limit:
                break
    return found


_building = threading.Lock()


def index_of(profiles: Profiles) -> Index:
    """The collection's index, built on first use (once, whatever the threads).

    >>> import mgi
    >>> index_of(mgi.profiles) is index_of(mgi.profiles)
    True
    """
    found: Index | None = profiles._search_index
    if found is None:
        with _building:
            found = profiles._search_index
            if found is None:
                found = Index(tuple(profiles))
                object.__setattr__(profiles, "_search_index", found)
    return found


class SearchCriteria(TypedDict, total=False):
    """What a search can be narrowed to; ``None`` is the same as leaving a
    criterion out. See :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> criteria: SearchCriteria = {"domain": "partnerships", "limit": 1}
    >>> len(mgi.search("alianzas", **criteria))
    1
    """

    domain: DomainKey | None
    """Only findings of this domain (anything ``mgi.domains[...]`` takes)."""
    kind: FindingKind | str | None
    """Only findings of this kind."""
    part: Part | str | None
    """Only titles, introductions or findings."""
    country: str | None
    """Only profiles of this country (ISO alpha-3 code or name)."""
    level: Level | str | None
    """Only national or local profiles."""
    language: str | None
    """Only profiles in this language."""
    year: int | None
    """Only profiles published this year."""
    limit: int | None
    """At most this many hits, the best."""


def search_in(profiles: Profiles, query: str, criteria: SearchCriteria) -> Hits:
    """Search ``profiles``: the work of :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> len(search_in(mgi.profiles, "alianzas", {"kind": "well_developed"}))
    1
    """
    from mgi.collections import _domains, member

    unknown = sorted(criteria.keys() - SearchCriteria.__annotations__.keys())
    if unknown:
        raise TypeError(f"search() got an unexpected keyword argument {unknown[0]!r}")
    parsed = Query.parse(query)
    domain, kind, part = criteria.get("domain"), criteria.get("kind"), criteria.get("part")
    limit = criteria.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidValueError(f"limit: expected a whole number of hits, got {limit!r}")
    chosen = None
    by_profile = {key: criteria.get(key) for key in ("country", "level", "language", "year")}
    if any(value is not None for value in by_profile.values()):
        kept = set(profiles.filter(**by_profile))  # type: ignore[arg-type]
        chosen = frozenset(number for number, profile in enumerate(profiles) if profile in kept)
    index = index_of(profiles)
    accept = index.filter(
        parts=frozenset([member(Part, part, "part")]) if part is not None else None,
        domain=_domains()[domain].number if domain is not None else None,
        kind=member(FindingKind, kind, "finding kind") if kind is not None else None,
        profiles=chosen,
    )
    return Hits(index, parsed, index.search(parsed, accept=accept, limit=limit))


def search(query: str, **criteria: Unpack[SearchCriteria]) -> Hits:
    """Search the bundled profiles; see :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> [hit.location for hit in mgi.search("diáspora", kind="potential")]
    ['domain 2 (whole_of_government), potential 1']
    """
    from mgi._data import profiles

    return search_in(profiles(), query, criteria)
