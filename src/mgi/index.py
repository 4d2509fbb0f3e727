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
import heapq
import re
import threading
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, repeat
from operator import add, mul
from typing import TYPE_CHECKING, TypedDict, Unpack, overload

import attrs

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


class _Folded(dict[bytes, tuple[str, ...]]):
    """The folded words of each piece of text between white space (as UTF-8,
    which splits fastest), made on first sight: pieces repeat, so most are
    looked up. Splitting at ASCII white space only is enough: whatever other
    separators a piece holds, :func:`mgi.text.words` splits it at them."""

    def __missing__(self, piece: bytes) -> tuple[str, ...]:
        found = self[piece] = tuple(words(piece.decode("utf-8")))
        return found

    def words(self, text: str) -> Iterator[str]:
        """The folded words of ``text``, as :func:`mgi.text.words` gives them."""
        return chain.from_iterable(map(self.__getitem__, text.encode("utf-8").split()))


class Index:
    """An inverted index of a collection's texts; see the module docstring.

    Documents (each title, finding and introduction paragraph) are numbered
    in rank order, so every posting list is sorted best first.
    """

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self._profiles = profiles
        # Every text in collection order, with its profile and a code for its
        # part, domain and kind; whole-list operations run in C (map, sort).
        texts: list[str] = []
        codes = bytearray()
        owner = array("I")
        self._starts = array("I")  # where each profile's texts start
        for number, profile in enumerate(profiles):
            self._starts.append(len(texts))
            texts.append(profile.title)
            texts += [finding.text for finding in profile.findings]
            texts += profile.introduction
            codes.append(_TITLE)
            codes += bytes(
                [finding.domain << 2 | _KIND_CODES[finding.kind] for finding in profile.findings]
            )
            codes += bytes([_INTRODUCTION]) * len(profile.introduction)
            owner.extend(repeat(number, len(texts) - self._starts[-1]))
        # Number texts in rank order: part, then length, then collection order
        # (a stable sort keeps it among equals).
        lengths = list(map(len, texts))
        if lengths and max(lengths) > _LONGEST:
            lengths = [min(length, _LONGEST) for length in lengths]
        keys = list(
            map(
                add, map(mul, map(_RANK_OF_CODE.__getitem__, codes), repeat(_LONGEST + 1)), lengths
            )
        )
        natural = array("I", sorted(range(len(texts)), key=keys.__getitem__))
        del keys, lengths
        self._natural = natural  # rank -> collection order
        self._owner = array("I", map(owner.__getitem__, natural))  # rank -> profile
        self._codes = bytes(map(codes.__getitem__, natural))  # rank -> code
        self._texts = list(map(texts.__getitem__, natural))  # rank -> text
        # Posting lists are kept per piece of text between spaces ("migrantes,"
        # and "migrantes" apart), which makes the build cheap, and each folded
        # word points to the lists of the pieces that hold it.
        self._folded = _Folded()
        self._lists_of: dict[str, list[array[int]]] = defaultdict(list)
        self._pieces_of: dict[str, list[bytes]] = defaultdict(list)
        for piece, docs in self._postings(self._texts).items():
            for word in set(self._folded[piece]):
                self._lists_of[word].append(docs)
                self._pieces_of[word].append(piece)
        self._vocabulary = sorted(self._lists_of)

    @staticmethod
    def _postings(texts: list[str]) -> dict[bytes, array[int]]:
        """The documents each piece of text appears in; the build's main loop."""
        postings: defaultdict[bytes, array[int]] = defaultdict(partial(array, "I"))
        for doc, text in enumerate(texts):
            for piece in set(text.encode("utf-8").split()):
                postings[piece].append(doc)
        return postings

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
        phrases = [term for term in query.terms if len(term.words) > 1]
        check = self._with_phrases(phrases, accept) if phrases else accept
        # Set operations in C answer whole queries fast while the lists are
        # short; reading in rank order finds a first page of long lists (or
        # of phrases, each checked in its text) without reading them all.
        if limit is None or (not phrases and sum(match.size for match in matches) <= _SHORT):
            found = _all(matches, check)
            return found if limit is None else found[: max(limit, 0)]
        return _first(matches, check, limit)

    def _match(self, word: str, prefix: bool) -> _WordMatch:
        exact = self._lists_of.get(word, [])
        more: list[array[int]] = []
        if prefix:
            start = bisect_left(self._vocabulary, word)
            for other in self._vocabulary[start:]:
                if not other.startswith(word):
                    break
                if other != word:
                    more.extend(self._lists_of[other])
        # Longest lists first: a document is most likely found in them.
        return _WordMatch(
            sorted(exact, key=len, reverse=True), sorted(more, key=len, reverse=True)
        )

    def _with_phrases(
        self, phrases: list[Term], accept: Callable[[int], bool] | None
    ) -> Callable[[int], bool]:
        texts, folded = self._texts, self._folded
        # Each phrase is looked for around the pieces of text that hold one
        # of its whole words (its rarest), not in the whole text: in the
        # folded words there, joined by single spaces, it is a substring.
        checks = []
        for term in phrases:
            whole = term.words[:-1] if term.prefix else term.words
            anchor = min(whole, key=lambda word: sum(map(len, self._lists_of.get(word, []))))
            pieces = frozenset(self._pieces_of.get(anchor, ()))
            wanted = " " + " ".join(term.words) + ("" if term.prefix else " ")
            checks.append((pieces, wanted, len(term.words)))

        def check(doc: int) -> bool:
            if accept is not None and not accept(doc):
                return False
            raw = texts[doc].encode("utf-8").split()
            return all(
                any(wanted in _around(raw, at, size, folded) for at in _places(raw, pieces))
                for pieces, wanted, size in checks
            )

        return check

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


def _places(raw: list[bytes], pieces: frozenset[bytes]) -> Iterator[int]:
    """Where any of ``pieces`` is in ``raw``."""
    for piece in pieces.intersection(raw):
        at = raw.index(piece)
        while True:
            yield at
            try:
                at = raw.index(piece, at + 1)
            except ValueError:
                break


def _around(raw: list[bytes], at: int, size: int, folded: _Folded) -> str:
    """The folded words of the pieces around ``raw[at]``: its own and at least
    ``size - 1`` on each side (fewer at an end of the text), joined by spaces
    and between spaces."""
    start, before = at, 0
    while start > 0 and before < size - 1:
        start -= 1
        before += len(folded[raw[start]])
    end, after = at + 1, 0
    while end < len(raw) and after < size - 1:
        after += len(folded[raw[end]])
        end += 1
    return " " + " ".join(chain.from_iterable(map(folded.__getitem__, raw[start:end]))) + " "


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


@attrs.define
class _WordMatch:
    """The documents one query word matches, as sorted lists: as a whole
    word (``exact``) and only as the beginning of longer words (``more``)."""

    exact: list[array[int]]
    more: list[array[int]]
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
        """The whole-word matches, as a set (made once)."""
        if self._exact_set is None:
            self._exact_set = set().union(*self.exact)
        return self._exact_set

    def every(self) -> set[int]:
        """Every match, as a set (made once)."""
        if self._every is None:
            self._every = self.exact_set().union(*self.more)
        return self._every

    def among(self, docs: set[int], *, exact: bool = False) -> set[int]:
        """Those of ``docs`` this word matches (as a whole word only, with ``exact``)."""
        lists = self.exact if exact else self.exact + self.more
        if len(docs) * 64 < sum(map(len, lists)):  # few: look each one up
            has = self.has_exact if exact else self.has
            return set(filter(has, docs))
        # Intersecting with each list reads it once, in C, without a set of it.
        return set().union(*(docs.intersection(docs_of) for docs_of in lists))

    def has_exact(self, doc: int) -> bool:
        if self._exact_set is not None or len(self.exact) > _PROBED_LISTS:
            return doc in self.exact_set()
        return _in_any(self.exact, doc)

    def has(self, doc: int) -> bool:
        if self._every is not None or len(self.exact) + len(self.more) > _PROBED_LISTS:
            return doc in self.every()
        return _in_any(self.exact, doc) or _in_any(self.more, doc)

    def exact_in_order(self) -> Iterator[int]:
        """The whole-word matches, best first, each once."""
        return _in_order(self.exact)

    def in_order(self) -> Iterator[int]:
        """Every match, best first, each once."""
        return _in_order(self.exact + self.more)


# A word found in more lists than this is tested against a set of them all.
_PROBED_LISTS = 16
# Queries on lists this long in all are answered whole, even for a first page.
_SHORT = 50_000


def _in_order(lists: list[array[int]]) -> Iterator[int]:
    if len(lists) == 1:
        return iter(lists[0])
    return _once_each(heapq.merge(*lists))


def _once_each(ordered: Iterable[int]) -> Iterator[int]:
    last = -1
    for doc in ordered:
        if doc != last:
            last = doc
            yield doc


def _in_any(lists: list[array[int]], doc: int) -> bool:
    """Whether ``doc`` is in one of the sorted ``lists`` (binary search, inline:
    this runs for each document a search looks up)."""
    for docs in lists:
        at = bisect_left(docs, doc)
        if at < len(docs) and docs[at] == doc:
            return True
    return False


def _all(matches: list[_WordMatch], accept: Callable[[int], bool] | None) -> list[int]:
    """Every match, best first: whole-word matches, then the others."""
    if any(match.empty for match in matches):
        return []
    ordered = sorted(matches, key=lambda match: match.size)
    found = ordered[0].every()
    for match in ordered[1:]:
        found = match.among(found)
    if accept is not None:
        found = set(filter(accept, found))
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
