"""Reading the text of an MGI profile page, as a user copied it, into a Profile.

>>> import mgi
>>> page = '''Migration Governance Profile: City of Example (Canada)
... 2023 March
...
... MIGRANTS' RIGHTS
... Well-developed areas:
...   • An example of a well-developed area.
... Areas with potential for further development:
...   • An example of an area with potential.
... '''
>>> result = mgi.parse_profile(page, strict=False)
>>> result.profile.id, result.profile.place.country, result.profile.place.kind
('example-2023', 'CAN', 'city')
>>> [finding.kind.value for finding in result.profile.findings]
['well_developed', 'potential']
>>> for warning in result.warnings:
...     print(warning)
line 9: domains missing from the page: whole_of_government, partnerships, wellbeing, ...

The same page is an error when read strictly (the default):

>>> mgi.parse_profile(page, filename="page.txt")
Traceback (most recent call last):
...
mgi.errors.ParseError: page.txt: line 9: domains missing from the page: whole_of_government, ...

The page is read line by line: the "About the Migration Governance
Indicators" part and page controls ("1", "Key findings", "Click on the
wheel ...") are skipped; then come the INTRODUCTION, one block per domain
(its heading in any language or form the taxonomy knows), in each block the
two labelled lists of bulleted findings, and, anywhere, the date line and the
title line, from which the place, its level, the country and the language
are read.  Whatever the page lacks or gets wrong, the caller can give.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, overload

import attrs

from mgi import _vocabulary as words
from mgi.errors import InvalidValueError, ParseError, Problem, _shown
from mgi.model import Finding, FindingKind, Place, Profile, Source, YearMonth
from mgi.taxonomy import DOMAIN_SLUGS, Level, LevelName, level_of
from mgi.text import MAX_MARKS, fold, half_pair, lone_surrogate, long_mark_run

if TYPE_CHECKING:
    from mgi._countries import Countries
    from mgi.collections import Domains

__all__ = ["MAX_PAGE_LINES", "MAX_PAGE_SIZE", "ParseResult", "parse_profile"]

MAX_PAGE_SIZE = 5_000_000
"""The longest text :func:`parse_profile` reads unless given ``max_size``: five
million characters (bytes, for bytes), some four hundred times a profile
page.  With :data:`MAX_PAGE_LINES` it keeps a mistaken input (a whole export,
a binary file) from holding a program for long."""

MAX_PAGE_LINES = 20_000
"""The most lines :func:`parse_profile` reads unless given ``max_lines``: a
profile page has about 150.  Reading takes time in proportion to the text:
some 0.1 to 0.4 s per million characters of paragraphs, but also 4 to 26 µs
for every line however short (by its shape, measured on two shared cores),
so a page of a million one-word lines would take half a minute; at this
limit the slowest shape reads in about half a second
(``benchmarks/parse_pages.py`` measures every shape)."""


@attrs.frozen
class ParseResult:
    """What a lenient parse (``strict=False``) returns: the profile, and the
    problems it stepped over, each with its line.

    >>> import mgi
    >>> text = mgi.profiles["huehuetenango-2024"].to_text().replace("ALIANZAS", "ALIANZA")
    >>> result = mgi.parse_profile(text, strict=False)
    >>> len(result.profile.findings)
    29
    >>> print(result.warnings[0])
    line 37: not one of the six domain headings, a label or a bulleted finding; ...
    """

    profile: Profile
    """The profile, without the findings the warnings say were left out."""
    warnings: tuple[Problem, ...]
    """Each problem stepped over, located by line (``Problem.location``)."""


@overload
def parse_profile(
    text: str | bytes,
    *,
    language: str | None = None,
    level: Level | LevelName | None = None,
    country: str | None = None,
    published: YearMonth | str | None = None,
    id: str | None = None,
    source: Source | str | None = None,
    filename: str | None = None,
    strict: Literal[True] = True,
    max_size: int | None = MAX_PAGE_SIZE,
    max_lines: int | None = MAX_PAGE_LINES,
) -> Profile: ...
@overload
def parse_profile(
    text: str | bytes,
    *,
    language: str | None = None,
    level: Level | LevelName | None = None,
    country: str | None = None,
    published: YearMonth | str | None = None,
    id: str | None = None,
    source: Source | str | None = None,
    filename: str | None = None,
    strict: Literal[False],
    max_size: int | None = MAX_PAGE_SIZE,
    max_lines: int | None = MAX_PAGE_LINES,
) -> ParseResult: ...
@overload
def parse_profile(
    text: str | bytes,
    *,
    language: str | None = None,
    level: Level | LevelName | None = None,
    country: str | None = None,
    published: YearMonth | str | None = None,
    id: str | None = None,
    source: Source | str | None = None,
    filename: str | None = None,
    strict: bool,
    max_size: int | None = MAX_PAGE_SIZE,
    max_lines: int | None = MAX_PAGE_LINES,
) -> Profile | ParseResult: ...


def parse_profile(
    text: str | bytes,
    *,
    language: str | None = None,
    level: Level | LevelName | None = None,
    country: str | None = None,
    published: YearMonth | str | None = None,
    id: str | None = None,
    source: Source | str | None = None,
    filename: str | None = None,
    strict: bool = True,
    max_size: int | None = MAX_PAGE_SIZE,
    max_lines: int | None = MAX_PAGE_LINES,
) -> Profile | ParseResult:
    """Read copied profile page ``text`` (a string, or UTF-8 bytes) into a Profile.

    What the caller gives wins over what the page says: ``language`` (a code
    such as ``'es'``), ``level`` (``'national'`` or ``'local'``), ``country``
    (an ISO 3166-1 alpha-3 code or a country name), ``published``
    (``'2024-08'``), ``id`` (by default the place name without a leading
    "Municipality of" and the like, with the year: ``'huehuetenango-2024'``).
    The page form carries no source: ``source`` (a :class:`mgi.Source` or a
    description) defaults to a description of the page made from the
    profile.  ``filename`` names the text in error messages.

    Text that holds no profile raises :class:`mgi.ParseError` with the line
    and what was expected there.  By default (``strict=True``) so does a
    heading that names no domain, a finding before any label, a domain given
    twice or missing; with ``strict=False`` those are returned as warnings
    in a :class:`ParseResult`, the findings they concern left out (never
    guessed) and each one said in a warning.

    Text longer than ``max_size`` characters (bytes, for bytes; by default
    :data:`MAX_PAGE_SIZE`, ``None`` for no limit) or of more than ``max_lines``
    lines (:data:`MAX_PAGE_LINES`) raises :class:`mgi.ParseError` before
    anything is read, whatever ``strict`` says; so does a run of more
    than 30 combining marks (:data:`mgi.text.MAX_MARKS`), which no written
    language uses and which would make reading slow.

    >>> import mgi
    >>> bundled = mgi.profiles["huehuetenango-2024"]
    >>> page = bundled.to_text().replace("2024 August", "Agosto de 2024")
    >>> mgi.parse_profile(page) == bundled
    True
    >>> mgi.parse_profile(page, id="hue", country="GTM", published="2024-09").published
    YearMonth(year=2024, month=9)
    >>> mgi.parse_profile("Nothing to read here.")
    Traceback (most recent call last):
    ...
    mgi.errors.ParseError: line 1: no profile found; expected the profile: ...
    >>> mgi.parse_profile(page, max_size=1_000)
    Traceback (most recent call last):
    ...
    mgi.errors.ParseError: line 1: the text has ... characters, more than the limit of 1,000 ...
    """
    reader = _Reader(_lines(text, filename, max_size, max_lines), filename, strict)
    reader.read()
    profile = reader.profile(
        language=language,
        level=level,
        country=country,
        published=published,
        id=id,
        source=source,
    )
    return profile if strict else ParseResult(profile, tuple(reader.warnings))


def page_problems(text: str | bytes, filename: str | None = None) -> tuple[Problem, ...]:
    """Every problem of a page, in line order: what a lenient read warns
    about and, where the page cannot be read to the end, what stopped it;
    none for a page that reads strictly.  ``mgi check`` reports them.

    >>> import mgi
    >>> page = mgi.profiles["huehuetenango-2024"].to_text()
    >>> page_problems(page)
    ()
    >>> damaged = page.replace("ALIANZAS", "ALIANZA").replace("2024 August", "")
    >>> for problem in page_problems(damaged):
    ...     print(problem.location, "|", problem.message[:42])
    line 37 | not one of the six domain headings, a labe
    line 41 | a finding under an unknown heading is left
    line 42 | a finding under an unknown heading is left
    line 46 | a finding under an unknown heading is left
    line 47 | a finding under an unknown heading is left
    line 90 | domains missing from the page: partnership
    line 90 | no date line found; expected one like '202
    """
    reader: _Reader | None = None
    try:
        reader = _Reader(_lines(text, filename, MAX_PAGE_SIZE), filename, strict=False)
        reader.read()
        reader.profile(
            language=None, level=None, country=None, published=None, id=None, source=None
        )
    except ParseError as error:
        stopped = Problem(error.location, error.message)
        found = [*(reader.warnings if reader else []), stopped]
        return tuple(sorted(found, key=lambda problem: int(problem.location.split()[1])))
    return tuple(reader.warnings)


# -- lines ------------------------------------------------------------------

_BREAKS = re.compile(r"\r\n|\r|\n")
# Spaces of every width (NBSP, narrow NBSP, tabs ...) become one space;
# invisible characters a copy may carry are dropped.
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f]")
_SYMBOL_BULLET = re.compile(r"(?:•\s*|[-*–—·▪◦●‣]\s+)(?=\S)")
# A bullet with nothing after it separates, like a blank line.
_BULLETS_ONLY = re.compile(r"[•\-*–—·▪◦●‣\s]+")
_NUMBER_BULLET = re.compile(r"\(?\d{1,3}[.)]\s+(?=\S)")


# Page furniture (headings, labels, dates, markers) is short; only lines up
# to this length are folded for matching, which keeps long paragraphs cheap.
_SHORT = 160


@attrs.frozen
class _Line:
    number: int
    text: str
    """The line with its spaces normalised and stripped."""
    folded: str
    """The text folded for matching; empty for a bulleted line or one longer
    than ``_SHORT``, which can only be a finding or a paragraph."""


def _lines(
    text: str | bytes,
    filename: str | None,
    max_size: int | None,
    max_lines: int | None = MAX_PAGE_LINES,
) -> list[_Line]:
    if not isinstance(text, (str, bytes)):
        raise InvalidValueError(f"expected page text (str or bytes), got {type(text).__name__}")
    if max_size is not None and len(text) > max_size:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        raise ParseError(
            f"the text has {len(text):,} {unit}, more than the limit of {max_size:,} "
            "(pass max_size= to read longer text)",
            1,
            "",
            filename,
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"not UTF-8 text (byte {error.start})", 1, "", filename) from None
    marks = long_mark_run(text)
    if marks is not None:
        line = len(_BREAKS.findall(text, 0, marks)) + 1
        message = f"more than {MAX_MARKS} combining marks in a row: not text"
        raise ParseError(message, line, "", filename)
    surrogate = lone_surrogate(text)
    if surrogate is not None:  # only a str can hold one: UTF-8 bytes cannot
        line = len(_BREAKS.findall(text, 0, surrogate)) + 1
        raise ParseError(half_pair(text[surrogate]), line, "", filename)
    if max_lines is not None and len(_BREAKS.findall(text)) >= max_lines:
        message = (
            f"the text has more than {max_lines:,} lines, the limit "
            "(pass max_lines= to read longer text)"
        )
        raise ParseError(message, max_lines + 1, "", filename)
    text = unicodedata.normalize("NFC", text)
    lines = []
    for number, raw in enumerate(_BREAKS.split(text), 1):
        clean = _SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip()
        furniture = len(clean) <= _SHORT and not _SYMBOL_BULLET.match(clean)
        lines.append(_Line(number, clean, fold(clean) if furniture else ""))
    return lines


# -- what a line is --------------------------------------------------------


def _is_marker(line: _Line) -> bool:
    return line.folded.isdigit() or line.folded in words.MARKERS


def _is_about(line: _Line) -> bool:
    return line.folded.startswith(words.ABOUT)


def _heading(line: _Line) -> int | None:
    """The domain a heading line names, or None."""
    text = _NUMBER_BULLET.sub("", line.text, count=1)
    if not line.folded or text[-1] in ".;," or _SYMBOL_BULLET.match(text) or text.isdigit():
        return None
    found = _bundled_domains().get(text)
    return found.number if found is not None else None


def _heading_language(line: _Line) -> str | None:
    return _name_languages().get(fold(_NUMBER_BULLET.sub("", line.text, count=1)))


@functools.cache
def _name_languages() -> Mapping[str, str]:
    """The language of every domain name the taxonomy knows, by folded name."""
    found: dict[str, str] = {}
    for domain in _bundled_domains().values():
        for name in domain.names:
            found.setdefault(fold(name.text), name.language)
    return MappingProxyType(found)


def _label(line: _Line, colon: bool) -> tuple[FindingKind, str] | None:
    """The kind and language of a label line, or None.

    With ``colon``, only a line ending with a colon, as labels do, is one: a
    line right under a finding is otherwise its continuation.
    """
    if not line.folded or len(line.folded.split()) > 12:
        return None
    if colon and not line.text.endswith(":"):
        return None
    if _SYMBOL_BULLET.match(line.text) or _NUMBER_BULLET.match(line.text):
        return None
    padded = f" {line.folded}"
    found = [
        (kind, language)
        for kind, keys in words.LABEL_WORDS.items()
        for key, language in keys.items()
        if f" {key}" in padded
    ]
    kinds = {kind for kind, _ in found}
    return found[0] if len(kinds) == 1 else None


_DATE_FORMS = (
    re.compile(r"(?P<year>\d{4}) (?P<month>[a-z]+)"),
    re.compile(r"(?P<month>[a-z]+) (?:de |of )?(?P<year>\d{4})"),
    re.compile(r"(?:\d{1,2} (?:de )?)?(?P<month>[a-z]+) (?:de )?(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4}) (?P<number>\d{1,2})"),
)


def _date(line: _Line) -> tuple[YearMonth, tuple[str, ...]] | None:
    """The date a line gives and the languages its month name may be in, or None."""
    for form in _DATE_FORMS:
        match = form.fullmatch(line.folded)
        if match is None:
            continue
        groups = match.groupdict()
        languages: tuple[str, ...]
        if groups.get("number"):
            month, languages = int(groups["number"]), ()
        else:
            month = words.MONTH_NUMBERS.get(groups["month"], 0)
            languages = tuple(
                language for language, names in words.MONTHS.items() if groups["month"] in names
            )
        try:
            return YearMonth(int(match["year"]), month), languages
        except InvalidValueError:
            continue
    return None


_TITLE_SEPARATOR = re.compile(r"\s*[:|]\s*")


def _title(line: _Line) -> tuple[str, str] | None:
    """The place part and the language of a title line, or None."""
    if not line.folded:
        return None
    parts = _TITLE_SEPARATOR.split(line.text)
    for cut in range(len(parts) - 1, 0, -1):
        head = re.sub(r"\b\d{4}\b", " ", fold(" ".join(parts[:cut])))
        language = words.TITLE_PREFIXES.get(" ".join(head.split()))
        place = ": ".join(parts[cut:]).strip()
        if language and place:
            return place, language
    return None


# -- the reader -------------------------------------------------------------

_State = Literal["before", "about", "introduction", "block", "list", "unknown", "end"]


@attrs.define
class _Finding:
    line: int
    domain: int | None
    kind: FindingKind | None
    parts: list[str]
    kept: bool


@attrs.define
class _Reader:
    """A line-by-line state machine over the page.

    States: ``before`` the profile, ``about`` (the general part, skipped),
    ``introduction``, ``block`` (after a domain heading), ``list`` (after a
    label), ``unknown`` (after a heading that names no domain: its findings
    are left out) and ``end`` (after a title that follows the findings).
    """

    lines: list[_Line]
    filename: str | None
    strict: bool
    warnings: list[Problem] = attrs.Factory(list)
    state: _State = "before"
    domain: int | None = None
    kind: FindingKind | None = None
    findings: list[_Finding] = attrs.Factory(list)
    finding: _Finding | None = None
    introduction: list[list[str]] = attrs.Factory(list)
    paragraph: list[str] | None = None
    seen_introduction: _Line | None = None
    blocks: dict[int, _Line] = attrs.Factory(dict)
    labels: list[tuple[_Line, int]] = attrs.Factory(list)
    title: tuple[_Line, str, str] | None = None
    date: tuple[_Line, YearMonth, tuple[str, ...]] | None = None
    languages: dict[str, list[str]] = attrs.Factory(dict)
    seen_about: bool = False

    # -- reporting --

    def problem(self, message: str, line: _Line | int, outcome: str = "") -> None:
        """Raise, or in lenient mode record, a problem at ``line``; a warning
        also says the ``outcome`` (what was left out or kept)."""
        if self.strict:
            raise self.error(message, line)
        number = line.number if isinstance(line, _Line) else line
        said = f"{message}; {outcome}" if outcome else message
        self.warnings.append(Problem(f"line {number}", said))

    def error(self, message: str, line: _Line | int) -> ParseError:
        if isinstance(line, _Line):
            return ParseError(message, line.number, line.text, self.filename)
        return ParseError(message, line, "", self.filename)

    def vote(self, how: str, language: str) -> None:
        self.languages.setdefault(how, []).append(language)

    # -- reading --

    def read(self) -> None:
        for index, line in enumerate(self.lines):
            self.step(line, index)
        self.close_finding()
        self.close_paragraph()
        self.check_complete()

    def step(self, line: _Line, index: int) -> None:
        after_text = self.finding is not None
        if not line.text or _BULLETS_ONLY.fullmatch(line.text):
            self.close_finding()
            self.close_paragraph()
            return
        # A bulleted line is a finding whatever its words ("• 2024 August").
        bulleted = _SYMBOL_BULLET.match(line.text) is not None
        if not bulleted and self.read_anywhere(line):
            return
        if self.state in ("before", "about"):
            self.read_outside(line, index)
        elif self.state == "end":
            self.read_after_end(line)
        else:
            self.read_body(line, after_text)

    def read_anywhere(self, line: _Line) -> bool:
        """Lines read the same in every state: controls, date, title, About."""
        if _is_marker(line) or words.click_instruction(line.folded):
            self.close_finding()
            self.close_paragraph()
            return True
        date = _date(line)
        if date is not None:  # a line of its own: it ends a finding or paragraph
            self.close_finding()
            self.close_paragraph()
            self.read_date(line, *date)
            return True
        title = _title(line)
        if title is not None:
            self.close_finding()
            self.close_paragraph()
            self.read_title(line, *title)
            return True
        if _is_about(line):
            self.close_finding()
            self.close_paragraph()
            self.seen_about = True
            self.state = "about" if self.state != "end" else "end"
            return True
        return False

    def read_date(self, line: _Line, value: YearMonth, languages: tuple[str, ...]) -> None:
        if self.date is None:
            self.date = (line, value, languages)
        elif self.date[1] != value:
            first = self.date[0].number
            self.problem(
                f"a second date, {value}, differs from {self.date[1]} (line {first})", line
            )

    def read_title(self, line: _Line, place: str, language: str) -> None:
        if self.title is None:
            self.title = (line, place, language)
            self.vote("title", language)
        elif self.title[0].text != line.text:
            first = self.title[0].number
            self.problem(f"a second title differs from the title at line {first}", line)
        if self.blocks:
            self.state = "end"  # the page's heading comes after its findings

    def read_outside(self, line: _Line, index: int) -> None:
        """Before the profile, or in the About part: wait for its start."""
        if line.folded in words.INTRODUCTION:
            self.start_introduction(line)
        elif _heading(line) is not None and self.label_follows(index):
            self.read_body(line, after_text=False)
        elif self.started and (_label(line, colon=True) or self.bullet(line) is not None):
            self.problem("a label or finding inside the About part", line, "it is left out")

    @property
    def started(self) -> bool:
        """Whether the profile has begun (an About part may still follow)."""
        return self.seen_introduction is not None or bool(self.blocks)

    def label_follows(self, index: int) -> bool:
        for line in self.lines[index + 1 :]:
            if line.text and not _is_marker(line):
                return _label(line, colon=False) is not None
        return False

    def read_after_end(self, line: _Line) -> None:
        """After the title that closes the page: only page furniture is expected."""
        if _heading(line) is not None or _label(line, False) or self.bullet(line) is not None:
            self.problem(
                "profile text after the title line, which ends the profile", line, "it is left out"
            )

    def start_introduction(self, line: _Line) -> None:
        if self.seen_introduction is not None:
            first = self.seen_introduction.number
            raise self.error(f"a second introduction (the first is at line {first})", line)
        self.seen_introduction = line
        self.state = "introduction"

    def read_body(self, line: _Line, after_text: bool) -> None:
        if line.folded in words.INTRODUCTION and not after_text:
            self.close_paragraph()
            self.start_introduction(line)
            return
        domain = _heading(line)
        if domain is not None:
            self.close_finding()
            self.close_paragraph()
            self.start_block(line, domain)
            return
        # Where no label is expected, only a line ending with a colon is one.
        label = _label(line, after_text or self.state == "introduction")
        if label is not None:
            self.close_finding()
            self.close_paragraph()
            self.start_list(line, *label)
            return
        bullet = self.bullet(line)
        if bullet is not None:
            self.close_finding()
            self.close_paragraph()
            self.start_finding(line, bullet)
            return
        if after_text and self.finding is not None:
            self.finding.parts.append(line.text)
        elif self.state == "introduction":
            self.paragraph = self.paragraph if self.paragraph is not None else []
            if not self.paragraph:
                self.introduction.append(self.paragraph)
            self.paragraph.append(line.text)
        else:
            self.read_stray(line)

    def bullet(self, line: _Line) -> str | None:
        match = _SYMBOL_BULLET.match(line.text) or _NUMBER_BULLET.match(line.text)
        return line.text[match.end() :] if match else None

    def start_block(self, line: _Line, domain: int) -> None:
        language = _heading_language(line)
        if language:
            self.vote("heading", language)
        first = self.blocks.get(domain)
        if first is not None:
            self.problem(
                f"domain {_slug(domain)} given twice (first at line {first.number})",
                line,
                "the findings of both are kept",
            )
        else:
            self.blocks[domain] = line
        self.state, self.domain, self.kind = "block", domain, None

    def start_list(self, line: _Line, kind: FindingKind, language: str) -> None:
        self.vote("label", language)
        if self.state in ("block", "list"):
            self.state, self.kind = "list", kind
            self.labels.append((line, len(self.findings)))
        elif self.state == "introduction":
            self.problem("a label before any domain heading", line, "its findings are left out")
            self.state, self.domain = "unknown", None

    def start_finding(self, line: _Line, text: str) -> None:
        kept = self.state == "list"
        if self.state == "block":
            self.problem("a finding before any label", line, "it is left out")
        elif self.state == "introduction":
            self.problem("a finding before any domain heading", line, "it is left out")
        elif self.state == "unknown":
            self.warnings.append(
                Problem(f"line {line.number}", "a finding under an unknown heading is left out")
            )
        self.finding = _Finding(line.number, self.domain, self.kind, [text], kept)

    def read_stray(self, line: _Line) -> None:
        if self.state == "list" and (len(line.text.split()) > 12 or line.text[-1] in ".;"):
            self.problem("text that is not a bulleted finding", line, "it is left out")
            return
        self.problem(
            "not one of the six domain headings, a label or a bulleted finding",
            line,
            "what follows it up to the next domain heading is left out",
        )
        self.state, self.domain = "unknown", None

    def close_finding(self) -> None:
        if self.finding is not None and self.finding.kept:
            self.findings.append(self.finding)
        self.finding = None

    def close_paragraph(self) -> None:
        self.paragraph = None

    # -- checks once the page is read --

    def check_complete(self) -> None:
        end = len(self.lines)
        if self.state in ("before", "about") and not self.blocks:
            raise self.error(self.nothing_found(), end)
        for index, (line, start) in enumerate(self.labels):
            following = self.labels[index + 1 : index + 2]
            stop = following[0][1] if following else len(self.findings)
            if stop == start:
                self.problem("a label with no findings under it", line)
        for domain, line in self.blocks.items():
            if not any(finding.domain == domain for finding in self.findings):
                self.problem(f"domain {_slug(domain)} has no findings", line)
        missing = [_slug(number) for number in range(1, 7) if number not in self.blocks]
        if missing:
            self.problem(f"domains missing from the page: {', '.join(missing)}", end)

    def nothing_found(self) -> str:
        wanted = (
            "expected the profile: an INTRODUCTION heading, or a domain heading "
            "followed by a label such as 'Well-developed areas:'"
        )
        if self.seen_about:
            return "the page has the 'About the Migration Governance Indicators' part only; " + (
                wanted
            )
        if not any(line.text for line in self.lines):
            return "the text is empty; " + wanted
        return "no profile found; " + wanted

    # -- the profile --

    def profile(
        self,
        *,
        language: str | None,
        level: Level | str | None,
        country: str | None,
        published: YearMonth | str | None,
        id: str | None,
        source: Source | str | None,
    ) -> Profile:
        end = len(self.lines)
        if self.title is None:
            raise self.error(
                "no title line found; expected one like 'Migration Governance Profile: "
                "City of Montréal (Canada)' or 'Perfil de Gobernanza de la Migración: "
                "Municipalidad de Huehuetenango (Guatemala)'",
                end,
            )
        if not any(finding.domain and finding.kind for finding in self.findings):
            raise self.no_findings(end)
        title_line, place_text, _ = self.title
        when = _published(published) if published is not None else self.published(end)
        language = language or self.language(end)
        place = _place(place_text, language, _level(level), country, self, title_line)
        profile_id = id if id is not None else self.make_id(place, when, title_line)
        return Profile(
            id=profile_id,
            title=title_line.text,
            place=place,
            language=language,
            published=when,
            introduction=tuple(" ".join(parts) for parts in self.introduction),
            findings=tuple(
                Finding(finding.domain, finding.kind, " ".join(finding.parts))
                for finding in self.findings
                if finding.domain is not None and finding.kind is not None
            ),
            source=_source(source, place, language, when),
        )

    def no_findings(self, end: int) -> ParseError:
        """The error of a page from which no finding could be read: an empty
        profile is no profile, however leniently the page is read. It points
        at the first line left out, where there is one."""
        message = "no finding found; expected bulleted findings ('• ...') under the labels"
        first = self.warnings[0].line if self.warnings else None
        return self.error(message, first or end)

    def published(self, end: int) -> YearMonth:
        if self.date is None:
            raise self.error(
                "no date line found; expected one like '2024 August' or 'agosto de 2024' "
                "(or pass published='2024-08')",
                end,
            )
        return self.date[1]

    def language(self, end: int) -> str:
        for how in ("title", "label", "heading"):
            votes = self.languages.get(how)
            if votes:
                return max(votes, key=votes.count)
        if self.date is not None and len(self.date[2]) == 1:
            return self.date[2][0]
        raise self.error(
            "cannot tell the page's language (pass language='es' or another code)", end
        )

    def make_id(self, place: Place, when: YearMonth, title: _Line) -> str:
        bare = _bare_name(place.name) if place.level is Level.LOCAL else place.name
        made = f"{fold(bare).replace(' ', '-')}-{when.year}"
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", made):
            raise self.error(f"cannot make an id from the place name {bare!r}; pass id=", title)
        return made


def _slug(number: int) -> str:
    return DOMAIN_SLUGS[number - 1]


def _published(value: YearMonth | str) -> YearMonth:
    return value if isinstance(value, YearMonth) else YearMonth.parse(value)


def _level(value: Level | str | None) -> Level | None:
    if value is None or isinstance(value, Level):
        return value
    return level_of(value)


# -- places -----------------------------------------------------------------


def _split_country(text: str) -> tuple[str, str] | None:
    """'City of X (Sint Maarten (Dutch part))' -> ('City of X', 'Sint Maarten (Dutch part)')."""
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            name, country = text[:index].strip(), text[index + 1 : -1].strip()
            return (name, country) if name and country else None
    return None


def _place(
    text: str,
    language: str,
    level: Level | None,
    country: str | None,
    reader: _Reader,
    line: _Line,
) -> Place:
    """The place a title names: 'Guatemala' alone is the country;
    'Municipalidad de Huehuetenango (Guatemala)' is local, in GTM."""
    given = _country_code(country) if country is not None else None
    parts = _split_country(text)
    found = _bundled_countries().code(text)
    if found:
        name, written, detected = text, text, Level.NATIONAL
    elif parts and (found := _bundled_countries().code(parts[1])):
        (name, written), detected = parts, Level.LOCAL
    elif given:
        name, written, detected = text, "", Level.LOCAL
    else:
        shown = parts[1] if parts else text
        raise reader.error(
            f"cannot tell the country from {shown!r} in the title; pass country= "
            "(an ISO 3166-1 alpha-3 code or a country name)",
            line,
        )
    code = given or found
    assert code is not None
    if found != code:  # the caller's country wins; name it as the table does
        written = _bundled_countries().name(code, language) or code
    kind = "country" if detected is Level.NATIONAL else (_kind(name)[0] or "local authority")
    return Place(name, kind, level or detected, code, written)


def _country_code(country: str) -> str:
    if isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country):
        return country
    found = _bundled_countries().code(country) if isinstance(country, str) else None
    if found is None:
        raise InvalidValueError(
            f"expected an ISO 3166-1 alpha-3 code or a country name, got {_shown(country)}",
            "country",
        )
    return found


def _kind(name: str) -> tuple[str | None, str]:
    """The kind of local authority a name says, and the name without it:
    'Municipalidad de Huehuetenango' gives ('municipality', 'Huehuetenango')."""
    tokens = name.split()
    for size in (2, 1):
        head = fold(" ".join(tokens[:size]))
        if len(tokens) > size and head in words.PLACE_KINDS:
            rest = tokens[size:]
            for joiner in (3, 2, 1):
                if len(rest) > joiner and fold(" ".join(rest[:joiner])) in words.PLACE_JOINERS:
                    rest = rest[joiner:]
                    break
            # An elided article: "Ville d’Abidjan", "Province de l’Ouest".
            bare = re.sub(r"^[DdLl]['’](?=\w)", "", " ".join(rest))
            return words.PLACE_KINDS[head], bare
        tail = fold(" ".join(tokens[-size:]))
        if len(tokens) > size and tail in words.PLACE_KINDS:
            return words.PLACE_KINDS[tail], name
    return None, name


def _bare_name(name: str) -> str:
    return _kind(name)[1]


def _source(source: Source | str | None, place: Place, language: str, when: YearMonth) -> Source:
    if isinstance(source, Source):
        return source
    if source is not None:
        return Source(source)
    where = (
        f"the {place.name} ({place.country_name})"
        if place.level is Level.LOCAL
        else place.country_name
    )
    spoken = words.LANGUAGE_NAMES.get(language, f"the language {language!r}")
    month = words.MONTHS["en"][when.month - 1].capitalize()
    return Source(
        f"Text of the {place.level.value} MGI profile page of {where}, published in {spoken} "
        f"in {month} {when.year} (IOM Migration Governance Indicators). The page address "
        "was not recorded with the copy."
    )


# -- the parser's calls up to the bundled data (see docs/architecture.md) ------
# Headings are domain names in any language and titles name countries: the
# parser reads the bundled taxonomy and country table, on first need.


def _bundled_domains() -> Domains:
    from mgi._data import domains

    return domains()


def _bundled_countries() -> Countries:
    from mgi._data import countries

    return countries()
