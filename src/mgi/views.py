"""Every view of the package's objects: plain text, Markdown, HTML and SVG.

Plain text is for terminals, files and logs; ``profile_text(..., width=None)``
is the page form, one line per paragraph and finding, that
:func:`mgi.parse_profile` reads back.  Markdown and HTML are what notebooks
show (``_repr_markdown_``, ``_repr_html_``) and what ``mgi show --format
markdown`` prints; SVG draws a profile's wheel of the six domains.

Renderers draw what they are handed: a profile comes with ``domains``, the
six domains by number (such as ``mgi.domains``); nothing here loads bundled
data.  Every text from the data goes through the one escaper of its format,
:func:`markdown_text` or ``html.escape``: a finding that reads ``<b>`` shows
the characters ``<b>``, never bold type.

>>> import mgi
>>> profile = mgi.profiles["huehuetenango-2024"]
>>> print(profile_text(profile, mgi.domains).splitlines()[0])
Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)
>>> print(profile_markdown(profile, mgi.domains).splitlines()[0])
# Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)
>>> svg = wheel_svg(profile, mgi.domains)
>>> svg.startswith("<svg") and "Alianzas" in svg
True
>>> print(markdown_text("R&D & <b>**Trade**</b>"))
R&amp;D & &lt;b&gt;\\*\\*Trade\\*\\*&lt;/b&gt;
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, NamedTuple

from mgi._languages import language as _language_of
from mgi._vocabulary import LABELS, LANGUAGE_NAMES, MONTHS, Label, label
from mgi.indicator import Category
from mgi.model import Assessment, FindingKind, Profile, Provenance
from mgi.taxonomy import Domain, Level, NameUse

if TYPE_CHECKING:
    from mgi.catalogue import Assessments
    from mgi.collections import Profiles
    from mgi.export import Table
    from mgi.index import Hit, Hits
    from mgi.indicator import SdgDomain
    from mgi.results import SdgResults
    from mgi.sdg import Comparison, Score, SdgIndicator
    from mgi.taxonomy import LevelName

__all__ = [
    "CATEGORY_COLOURS",
    "DOMAIN_COLOURS",
    "EDGE_ROWS",
    "LABELS",
    "MAX_ROWS",
    "SHOWN",
    "Label",
    "assessments_html",
    "assessments_markdown",
    "assessments_text",
    "comparison_text",
    "domain_html",
    "domain_markdown",
    "domain_text",
    "domains_html",
    "domains_markdown",
    "heading",
    "hits_html",
    "hits_markdown",
    "language_name",
    "markdown_text",
    "profile_html",
    "profile_markdown",
    "profile_text",
    "profiles_html",
    "profiles_markdown",
    "provenance_html",
    "provenance_markdown",
    "provenance_text",
    "results_html",
    "results_markdown",
    "results_strip_svg",
    "results_text",
    "score_html",
    "score_markdown",
    "score_text",
    "sdg_text",
    "table_html",
    "table_markdown",
    "table_text",
    "wheel_geometry",
    "wheel_svg",
]

DOMAIN_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9")
"""The colour of each domain in the wheel (index 0 is domain 1): a palette
told apart with the common forms of colour blindness."""

SHOWN = 50
"""How many hits a result list shows before "… more" (the best come first)."""

MAX_ROWS = 60
"""A table or collection of up to this many rows shows every row; a longer
one shows its first and last :data:`EDGE_ROWS` rows and the row count, as
pandas does, so that a view stays small whatever the size of the data."""

EDGE_ROWS = 5
"""How many rows a long table or collection shows at each end."""

_CLIP = 60
"""The length from which a wide HTML table (more than ``_NARROW`` columns)
puts a column on a line of its own under each row."""

_NARROW = 5
"""The most columns an HTML table draws side by side whatever their texts."""

CATEGORY_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5")
"""The colour of each SDG 10.7.2 category (index 0 is category 1, Requires
further progress): one hue, lighter to darker, told apart without colour
vision; a value not published is white with a dashed edge."""


# -- what every format draws ----------------------------------------------------

_KINDS = (FindingKind.WELL_DEVELOPED, FindingKind.POTENTIAL)  # in page order

_Lists = list[tuple[FindingKind, tuple[str, ...]]]


def _six(domains: Mapping[int, Domain]) -> list[Domain]:
    """The six domains, domains 1 to 6."""
    return [domains[number] for number in range(1, 7)]


def _texts(profile: Profile, number: int, kind: FindingKind) -> tuple[str, ...]:
    """The texts of the profile's findings of one domain and kind, in page order."""
    return tuple(
        finding.text
        for finding in profile.findings
        if finding.domain == number and finding.kind is kind
    )


def _all_lists(profile: Profile, domains: Mapping[int, Domain]) -> Iterator[tuple[Domain, _Lists]]:
    """Each of the six domains with the profile's two lists for it, empty or not."""
    for domain in _six(domains):
        yield domain, [(kind, _texts(profile, domain.number, kind)) for kind in _KINDS]


def _filled_lists(
    profile: Profile, domains: Mapping[int, Domain]
) -> Iterator[tuple[Domain, _Lists]]:
    """Each domain that has findings, with its non-empty lists: what a page prints."""
    for domain, lists in _all_lists(profile, domains):
        filled = [(kind, texts) for kind, texts in lists if texts]
        if filled:
            yield domain, filled


def heading(domain: Domain, language: str) -> str:
    """The domain's heading as a profile in ``language`` prints it: the page's
    own heading where one is known, else the name in capitals (the English
    name where the taxonomy has none in ``language``: the page form, which
    :func:`mgi.parse_profile` reads back, carries no mark; the other views
    mark such a name ``[en]``).

    >>> import mgi
    >>> heading(mgi.domains[3], "es"), heading(mgi.domains[3], "pt")
    ('ALIANZAS', 'PARTNERSHIPS')
    """
    wanted = _language_of(language)
    for name in domain.names:
        if name.language == wanted and name.use is NameUse.HEADING:
            return name.text
    return domain.name_for(language).text.upper()


def _name(domain: Domain, language: str) -> str:
    """The domain's name in ``language``, else the English one marked
    ``[en]``: a fallback is never silent."""
    return domain.name_for(language).text + _mark(domain, language)


def _mark(domain: Domain, language: str) -> str:
    """' [en]' where the domain has no name in ``language``, else nothing."""
    return "" if domain.name_for(language).language == _language_of(language) else " [en]"


def language_name(code: str) -> str:
    """A language as a message names it: 'Spanish (es)', or the code alone
    where the package has no name for it.

    >>> language_name("es"), language_name("quc")
    ('Spanish (es)', 'quc')
    """
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def _rows_shown(total: int) -> tuple[range, range]:
    """The rows a view of ``total`` rows shows: every row up to
    :data:`MAX_ROWS`, else the first and the last :data:`EDGE_ROWS`."""
    if total <= MAX_ROWS:
        return range(total), range(0)
    return range(EDGE_ROWS), range(total - EDGE_ROWS, total)


def _size(rows: int, columns: int) -> str:
    return (
        f"{rows:,} row{'' if rows == 1 else 's'} × {columns} column{'' if columns == 1 else 's'}"
    )


def _published(profile: Profile) -> str:
    """The date line as profile pages print it: '2024 August'."""
    month = MONTHS["en"][profile.published.month - 1].capitalize()
    return f"{profile.published.year} {month}"


def _about(profile: Profile) -> str:
    """One line on the profile: place, country, kind, level, language, date."""
    place = profile.place
    return (
        f"{place.name} ({place.country_name}, {place.country}) · {place.kind}, "
        f"{place.level.value} · {profile.language} · {profile.published}"
    )


def _plural(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless one: "1 hit", "3 hits"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_PROFILE_COLUMNS = ("id", "place", "country", "level", "language", "published", "findings")


def _profile_row(profile: Profile) -> tuple[str, ...]:
    """A profile's row in a table of profiles (see ``_PROFILE_COLUMNS``)."""
    counts = [sum(finding.kind is kind for finding in profile.findings) for kind in _KINDS]
    return (
        profile.id,
        profile.place.name,
        profile.place.country,
        profile.place.level.value,
        profile.language,
        str(profile.published),
        " + ".join(map(str, counts)),
    )


def _marked(hit: Hit, mark: tuple[str, str], escape_text: Callable[[str], str]) -> str:
    """The hit's text, escaped, with each match between the two ``mark`` strings."""
    pieces, done = [], 0
    for start, end in hit.spans:
        pieces += [escape_text(hit.text[done:start]), mark[0]]
        pieces += [escape_text(hit.text[start:end]), mark[1]]
        done = end
    pieces.append(escape_text(hit.text[done:]))
    return "".join(pieces)


# -- plain text -------------------------------------------------------------------


def profile_text(
    profile: Profile,
    domains: Mapping[int, Domain],
    *,
    width: int | None = 88,
    emphasis: Callable[[str], str] = str,
) -> str:
    """The profile as text: title, date, introduction, then each domain that
    has findings with its non-empty lists, under the page's labels.

    Lines are wrapped at ``width`` characters (``None``: not wrapped, the page
    form); ``emphasis`` is applied to the title, headings and labels (a
    terminal may make them bold).  ``domains`` are the six domains by number.
    """
    lines = [emphasis(profile.title), _published(profile), "", emphasis("INTRODUCTION"), ""]
    for paragraph in profile.introduction:
        lines += [_wrap(paragraph, width, "", ""), ""]
    for domain, lists in _filled_lists(profile, domains):
        lines += [emphasis(heading(domain, profile.language)), ""]
        for kind, texts in lists:
            lines += [emphasis(label(profile.language, kind).page), ""]
            lines += [_wrap(text, width, "  • ", "    ") for text in texts]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _wrap(text: str, width: int | None, first: str, rest: str) -> str:
    if width is None:
        return first + text
    # Never break inside a word or at its hyphen: a reader joining the lines
    # with one space gets the text back.
    return textwrap.fill(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def domain_text(
    domain: Domain, level: Level | LevelName = "national", width: int = 88, language: str = "en"
) -> str:
    """A domain's number, name (in ``language`` where known) and description at one level.

    >>> import mgi
    >>> print(domain_text(mgi.domains[3], "local", width=48, language="es"))
    3. Alianzas
       Indicators in this category focus on cities’
    ...
    """
    body = textwrap.fill(
        domain.description(level), width, initial_indent="   ", subsequent_indent="   "
    )
    return f"{domain.number}. {_name(domain, language)}\n{body}\n"


def sdg_text(indicator: SdgIndicator, width: int = 88) -> str:
    """The indicator: name, custodians, series, scale, then each domain with
    its proxy measure, its question, the answers it takes and its five
    sub-categories."""
    lines = [
        textwrap.fill(str(indicator), width),
        f"Custodians: {', '.join(indicator.custodians)}; "
        f"partner agency: {indicator.partner_agency}",
    ]
    lines += [
        textwrap.fill(f"Series {series.code}: {series.meaning}", width, subsequent_indent="  ")
        for series in indicator.series
    ]
    lines += ["", "Scale:"]
    lines += [f"  {step.category} {step.label} ({step.range})" for step in indicator.scale]
    for domain in indicator.domains:
        answers = ", ".join(response.value for response in domain.responses)
        lines += ["", f"{domain.code}  {domain.name}", _indented(domain.proxy, width, 4)]
        lines.append(_indented(f"question: {domain.question}", width, 4))
        lines.append(f"    answers: {answers}")
        lines += [_indented(f"{item.key}  {item.name}", width, 8) for item in domain.subcategories]
    return "\n".join(lines) + "\n"


def score_text(score: Score, width: int = 88) -> str:
    """A table of the six domain values and the overall value, each with its
    category, and the sub-categories that were missing."""
    lines = ["SDG indicator 10.7.2: values and categories", ""]
    for row in score.rows():
        lines.append(
            f"{row['breakdown']:<5} {row['name']:<45} {row['value']:>5.1f}  "
            f"{row['category']} {row['label']}"
        )
    if score.missing:
        keys = ", ".join(item.key for item in score.missing)
        lines += ["", textwrap.fill(f"Missing, scored 0: {keys}", width, subsequent_indent="  ")]
    return "\n".join(lines) + "\n"


def table_text(table: Table, width: int = 100) -> str:
    """A table as aligned text, as ``repr`` shows it: every row up to
    :data:`MAX_ROWS`, else the first and last :data:`EDGE_ROWS` (the rows
    numbered from 0); cells cut at 32 characters; where the columns are
    wider than ``width``, the middle ones give way to "…"; then the size.

    >>> import mgi
    >>> print(table_text(mgi.summary_table(mgi.profiles), width=60), end="")
       profile_id          …  potential
    0  huehuetenango-2024  …  2
    1  huehuetenango-2024  …  3
    2  huehuetenango-2024  …  2
    3  huehuetenango-2024  …  3
    4  huehuetenango-2024  …  3
    5  huehuetenango-2024  …  3
    6 rows × 11 columns
    """
    head, tail = _rows_shown(len(table.rows))
    numbers = [str(index) for index in head] + (["…"] if tail else []) + [str(i) for i in tail]
    cells = [[_clip(_cell(value), 32) for value in table.rows[index]] for index in head]
    cells += [["…"] * len(table.columns)] if tail else []
    cells += [[_clip(_cell(value), 32) for value in table.rows[index]] for index in tail]
    columns = [
        [name, *(row[number] for row in cells)] for number, name in enumerate(table.columns)
    ]
    columns = _fitted([["", *numbers], *columns], width)
    sizes = [max(map(len, column)) for column in columns]
    lines = [
        "  ".join(column[line].ljust(size) for column, size in zip(columns, sizes, strict=True))
        for line in range(len(columns[0]))
    ]
    lines = [line.rstrip() for line in lines]
    return "\n".join([*lines, _size(len(table.rows), len(table.columns))]) + "\n"


def _fitted(columns: list[list[str]], width: int) -> list[list[str]]:
    """``columns`` (the row numbers first) as many as fit in ``width``
    characters, taken from both ends in turn; the others give way to "…"."""

    def wide(kept: list[list[str]]) -> int:
        return sum(max(map(len, column)) + 2 for column in kept)

    if wide(columns) <= width:
        return columns
    gap = ["…"] * len(columns[0])
    left, right, rest = [columns[0]], list[list[str]](), columns[1:]
    from_left = True
    while rest:
        taken = rest.pop(0) if from_left else rest.pop()
        trial = [*left, taken, gap, *right] if from_left else [*left, gap, taken, *right]
        if wide(trial) > width:
            break
        if from_left:
            left.append(taken)
        else:
            right.insert(0, taken)
        from_left = not from_left
    return [*left, gap, *right]


def _cell(value: object) -> str:
    """A cell as text: empty for a missing value."""
    return "" if value is None else str(value)


def _clip(text: str, size: int) -> str:
    """``text`` on one line, cut to ``size`` characters with "…"."""
    flat = " ".join(text.split()) if "\n" in text or "\r" in text else text
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def provenance_text(provenance: Provenance, width: int = 88) -> str:
    """Where the bundled data comes from, part by part, and what was not found.

    >>> import mgi
    >>> print(provenance_text(mgi.provenance()))
    Bundled data 2026.12.1, updated 2026-12-05
    ...
    Sources:
      - domain descriptions, national and city (English)
    ...
    Not found, so left out:
      - Spanish portal names for domains 2-6 (the Huehuetenango headings are used)
    ...
    """
    lines = [f"Bundled data {provenance.data_version}, updated {provenance.updated}"]
    lines += [textwrap.fill(provenance.description, width), "", "Sources:"]
    for source in provenance.sources:
        lines.append(
            textwrap.fill(
                source.topic,
                width,
                initial_indent="  - ",
                subsequent_indent="    ",
                break_on_hyphens=False,  # "four-category" stays one word
            )
        )
        for where in source.sources:
            lines.append(
                textwrap.fill(
                    where,
                    width,
                    initial_indent="    · ",
                    subsequent_indent="      ",
                    break_long_words=False,  # an address stays whole
                    break_on_hyphens=False,
                )
            )
        if source.note:
            lines.append(
                textwrap.fill(
                    f"Note: {source.note}", width, initial_indent="    ", subsequent_indent="    "
                )
            )
    lines += ["", "Not found, so left out:"]
    lines += [
        textwrap.fill(fact, width, initial_indent="  - ", subsequent_indent="    ")
        for fact in provenance.not_found
    ]
    return "\n".join(lines) + "\n"


def _indented(text: str, width: int, hang: int) -> str:
    return textwrap.fill(text, width, initial_indent="    ", subsequent_indent=" " * hang)


# -- Markdown ---------------------------------------------------------------------

# The one rule for "&": it becomes "&amp;" where it could open a character
# reference (before a letter, a digit or "#"), and stays as it is elsewhere.
# Notebooks render Markdown that allows HTML, so a text such as "&lt;" or
# "R&copy" must not turn into an entity; an "&" before a space or punctuation
# opens none in any reader (HTML, CommonMark, Python-Markdown), so "Tom & Jerry"
# stays readable in `mgi show --format markdown`.  A backslash ("\&") is no
# fix: only CommonMark honours it, Python-Markdown prints the backslash and
# still decodes the entity after it.  "<" and ">" become entities for the same
# reason; the characters Markdown reads as emphasis, code, links, tables,
# strike-through or headings get a backslash, which every reader honours.
_ENTITY_START = re.compile(r"&(?=[#0-9A-Za-z])")
_MARKDOWN_SPECIAL = str.maketrans(
    {char: "\\" + char for char in "\\`*_[]|~#"} | {"<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "}
)
# What opens a list at the start of a line: "-", "+", or a number and "."
# or ")" ("#", ">" and "*" are escaped everywhere).
_BLOCK_START = re.compile(r"^(\s*\d*)(?<=\d)([.)])|^(\s*)([-+])")


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown, for anywhere in a line: no markup, no
    HTML, no entity, one line.

    >>> print(markdown_text("1. **a** <b>|</b> _x_ [l](u) # R&D & &amp;"))
    1\\. \\*\\*a\\*\\* &lt;b&gt;\\|&lt;/b&gt; \\_x\\_ \\[l\\](u) \\# R&amp;D & &amp;amp;
    """
    escaped = _ENTITY_START.sub("&amp;", text).translate(_MARKDOWN_SPECIAL)
    return _BLOCK_START.sub(_backslashed, escaped, count=1)


def _backslashed(match: re.Match[str]) -> str:
    """A line-start marker found by ``_BLOCK_START``, with a backslash before it."""
    lead, marker = (match[1], match[2]) if match[2] else (match[3], match[4])
    return f"{lead}\\{marker}"


def profile_markdown(profile: Profile, domains: Mapping[int, Domain]) -> str:
    """The profile as Markdown: the title as the top heading, the date, the
    introduction, then a section per domain that has findings, with a
    sub-section per non-empty list.  ``domains`` are the six domains by number.

    ``mgi show --format markdown`` prints it and notebooks show it.
    """
    title, date = markdown_text(profile.title), markdown_text(_published(profile))
    lines = [f"# {title}", "", f"*{date}*", ""]
    if profile.introduction:
        lines += ["## Introduction", ""]
        for paragraph in profile.introduction:
            lines += [markdown_text(paragraph), ""]
    for domain, lists in _filled_lists(profile, domains):
        name = markdown_text(heading(domain, profile.language) + _mark(domain, profile.language))
        lines += [f"## {domain.number}. {name}", ""]
        for kind, texts in lists:
            page_label = label(profile.language, kind).page.rstrip(" :")
            lines += [f"### {markdown_text(page_label)}", ""]
            lines += [f"- {markdown_text(text)}" for text in texts]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def domain_markdown(domain: Domain) -> str:
    """A domain: number and name, SDG code, MiGOF element, both descriptions."""
    return "\n".join(
        [
            f"### {domain.number}\\. {markdown_text(domain.name)}",
            "",
            f"SDG 10.7.2 {markdown_text(domain.sdg_code)} · {markdown_text(str(domain.migof))}",
            "",
            f"**National:** {markdown_text(domain.national_description)}",
            "",
            f"**Local:** {markdown_text(domain.local_description)}",
            "",
        ]
    )


def profiles_markdown(profiles: Profiles) -> str:
    """A table of the collection: one row per profile (the first and last
    rows of a long one, as :func:`table_text`)."""
    head, tail = _rows_shown(len(profiles))
    rows = [_profile_row(profiles[index]) for index in head]
    rows += [("…",) * len(_PROFILE_COLUMNS)] if tail else []
    rows += [_profile_row(profiles[index]) for index in tail]
    lines = [f"**{_plural(len(profiles), 'profile')}**", ""]
    lines += _markdown_table(_PROFILE_COLUMNS, rows)
    return "\n".join(lines) + "\n"


def hits_markdown(hits: Hits) -> str:
    """A numbered list of hits (the first ``SHOWN``), the matches in bold;
    for no hit, the languages of the profiles searched."""
    lines = [f"**{_plural(len(hits), 'hit')}** for {markdown_text(hits.query.text)}", ""]
    if not hits:
        lines += [markdown_text(searched_languages(hits)), ""]
    for number, hit in enumerate(hits[:SHOWN], 1):
        where = f"**{markdown_text(hit.profile.id)}** ({markdown_text(hit.location)})"
        lines += [f"{number}\\. {where}: {_marked(hit, ('**', '**'), markdown_text)}", ""]
    return "\n".join(lines + _more(len(hits))) + "\n"


def searched_languages(hits: Hits, name: Callable[[str], str] = language_name) -> str:
    """What a search that found nothing says: the languages of the profiles
    searched, each as ``name`` gives it.

    >>> import mgi
    >>> searched_languages(mgi.search("trafficking"))
    'The profiles searched are in Spanish (es): search in their language.'
    """
    if not hits.languages:
        return "No profile met the criteria."
    names = ", ".join(map(name, hits.languages))
    return f"The profiles searched are in {names}: search in their language."


def table_markdown(table: Table) -> str:
    """A table as Markdown: every row up to :data:`MAX_ROWS`, else the first
    and last :data:`EDGE_ROWS`; then its size."""
    head, tail = _rows_shown(len(table.rows))
    rows = [tuple(map(_cell, table.rows[index])) for index in head]
    rows += [("…",) * len(table.columns)] if tail else []
    rows += [tuple(map(_cell, table.rows[index])) for index in tail]
    lines = _markdown_table(table.columns, rows)
    return "\n".join([*lines, "", _size(len(table.rows), len(table.columns))]) + "\n"


def domains_markdown(domains: Mapping[int, Domain]) -> str:
    """The six domains as a Markdown table: number, name, slug, SDG code, MiGOF."""
    rows = [(str(d.number), d.name, d.slug, d.sdg_code, str(d.migof)) for d in _six(domains)]
    return "\n".join(_markdown_table(_DOMAIN_COLUMNS, rows)) + "\n"


_DOMAIN_COLUMNS = ("number", "name", "slug", "SDG 10.7.2", "MiGOF")


def score_markdown(score: Score) -> str:
    """A score as a Markdown table of values and categories, and what was missing."""
    rows = [_score_row(row) for row in score.rows()]
    lines = ["**SDG indicator 10.7.2: values and categories**", ""]
    lines += _markdown_table(_SCORE_COLUMNS, rows)
    if score.missing:
        keys = ", ".join(item.key for item in score.missing)
        lines += ["", f"Missing, scored 0: {markdown_text(keys)}"]
    return "\n".join(lines) + "\n"


_SCORE_COLUMNS = ("breakdown", "name", "value", "category", "answered", "missing")


def _score_row(row: Mapping[str, object]) -> tuple[str, ...]:
    value = row["value"]
    assert isinstance(value, float)
    return (
        str(row["breakdown"]),
        str(row["name"]),
        f"{value:.1f}",
        f"{row['category']} {row['label']}",
        str(row["answered"]),
        str(row["missing"]),
    )


def provenance_markdown(provenance: Provenance) -> str:
    """Where the bundled data comes from, as Markdown."""
    lines = [
        f"**Bundled data {markdown_text(provenance.data_version)}**, "
        f"updated {markdown_text(provenance.updated)}",
        "",
        markdown_text(provenance.description),
        "",
    ]
    lines += _markdown_table(
        ("part", "sources", "note"),
        (
            (source.topic, "; ".join(source.sources), source.note or "")
            for source in provenance.sources
        ),
    )
    lines += ["", "**Not found, so left out:**", ""]
    lines += [f"- {markdown_text(fact)}" for fact in provenance.not_found]
    return "\n".join(lines) + "\n"


def _markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = [
        "| " + " | ".join(map(markdown_text, header)) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(markdown_text(_cell(cell)) for cell in row) + " |" for row in rows]
    return lines


def _more(total: int) -> list[str]:
    return [f"… {total - SHOWN} more"] if total > SHOWN else []


# -- HTML -------------------------------------------------------------------------


def _html_text(text: object) -> str:
    """``text`` as literal HTML (quotes too, so it is safe in an attribute)."""
    return escape(str(text), quote=True)


def profile_html(profile: Profile, domains: Mapping[int, Domain]) -> str:
    """A profile: title, place and date, its wheel, introduction, then the two
    lists of each of the six domains (a dash for an empty one).  ``domains``
    are the six domains by number."""
    parts = [
        f'<div class="mgi-profile"><h3>{_html_text(profile.title)}</h3>'
        f"<p>{_html_text(_about(profile))}</p>",
        wheel_svg(profile, domains, size=320),
    ]
    parts += [f"<p>{_html_text(paragraph)}</p>" for paragraph in profile.introduction]
    for domain, lists in _all_lists(profile, domains):
        name = _html_text(_name(domain, profile.language))
        parts.append(f"<h4>{domain.number}. {name}</h4>")
        parts += [_html_list(kind, texts, profile.language) for kind, texts in lists]
    return "".join(parts) + "</div>"


def _html_list(kind: FindingKind, texts: Sequence[str], language: str) -> str:
    items = "".join(f"<li>{_html_text(text)}</li>" for text in texts) or "<li>—</li>"
    return (
        f"<p><i>{_html_text(label(language, kind).short)}</i></p>"
        f'<ul class="mgi-{kind.value}">{items}</ul>'
    )


def domain_html(domain: Domain) -> str:
    """A domain: number and name, SDG code, MiGOF element, both descriptions."""
    return (
        f'<div class="mgi-domain"><h3>{domain.number}. {_html_text(domain.name)}</h3>'
        f"<p>SDG 10.7.2 {_html_text(domain.sdg_code)} · {_html_text(domain.migof)}</p>"
        f"<p><b>National:</b> {_html_text(domain.national_description)}</p>"
        f"<p><b>Local:</b> {_html_text(domain.local_description)}</p></div>"
    )


def profiles_html(profiles: Profiles) -> str:
    """A table of the collection: one row per profile (the first and last
    rows of a long one, as :func:`table_html`)."""
    head, tail = _rows_shown(len(profiles))
    return (
        f'<div class="mgi-profiles"><p><b>{_plural(len(profiles), "profile")}</b></p>'
        + _html_table(
            _PROFILE_COLUMNS,
            [_profile_row(profiles[index]) for index in head],
            [_profile_row(profiles[index]) for index in tail],
        )
        + "</div>"
    )


def hits_html(hits: Hits) -> str:
    """A numbered list of hits (the first ``SHOWN``), the matches marked;
    for no hit, the languages of the profiles searched."""
    items = "".join(
        f"<li><b>{_html_text(hit.profile.id)}</b> ({_html_text(hit.location)}): "
        f"{_marked(hit, ('<mark>', '</mark>'), _html_text)}</li>"
        for hit in hits[:SHOWN]
    )
    query = _html_text(hits.query.text)
    note = "" if hits else f"<p>{_html_text(searched_languages(hits))}</p>"
    return (
        f'<div class="mgi-hits"><p><b>{_plural(len(hits), "hit")}</b> for {query}</p>'
        f"{note}<ol>{items}</ol>{_html_more(len(hits))}</div>"
    )


def table_html(table: Table) -> str:
    """A table as HTML: every row up to :data:`MAX_ROWS`, else the first and
    last :data:`EDGE_ROWS`, numbered from 0; then its size.

    A column with long texts (the findings' text) is shown on a line of its
    own under each row, across the table, so that it stays on screen beside
    a dozen other columns; cells are never cut.
    """
    head, tail = _rows_shown(len(table.rows))
    first = [table.rows[index] for index in head]
    last = [table.rows[index] for index in tail]
    return (
        '<div class="mgi-table">'
        + _html_table(table.columns, first, last, numbers=(head, tail))
        + f"<p>{_size(len(table.rows), len(table.columns))}</p></div>"
    )


def domains_html(domains: Mapping[int, Domain]) -> str:
    """The six domains as an HTML table: number, name, slug, SDG code, MiGOF."""
    rows = [(str(d.number), d.name, d.slug, d.sdg_code, str(d.migof)) for d in _six(domains)]
    return '<div class="mgi-domains">' + _html_table(_DOMAIN_COLUMNS, rows, []) + "</div>"


def score_html(score: Score) -> str:
    """A score as an HTML table of values and categories, and what was missing."""
    rows = [_score_row(row) for row in score.rows()]
    missing = ", ".join(item.key for item in score.missing)
    note = f"<p>Missing, scored 0: {_html_text(missing)}</p>" if missing else ""
    return (
        '<div class="mgi-score"><p><b>SDG indicator 10.7.2: values and categories</b></p>'
        + _html_table(_SCORE_COLUMNS, rows, [])
        + note
        + "</div>"
    )


def provenance_html(provenance: Provenance) -> str:
    """Where the bundled data comes from, as HTML."""
    rows = [
        (source.topic, "; ".join(source.sources), source.note or "")
        for source in provenance.sources
    ]
    facts = "".join(f"<li>{_html_text(fact)}</li>" for fact in provenance.not_found)
    return (
        f'<div class="mgi-provenance"><p><b>Bundled data {_html_text(provenance.data_version)}'
        f"</b>, updated {_html_text(provenance.updated)}</p>"
        f"<p>{_html_text(provenance.description)}</p>"
        + _html_table(("part", "sources", "note"), rows, [])
        + f"<p><b>Not found, so left out:</b></p><ul>{facts}</ul></div>"
    )


# Styles scoped to mgi's tables, specific enough to win over a notebook's own
# table rules (JupyterLab right-aligns cells and lets them grow without limit).
_TABLE_STYLE = (
    "<style>"
    ".mgi-view table{border-collapse:collapse;font-size:12px;margin:0}"
    ".mgi-view table th,.mgi-view table td{text-align:left;vertical-align:top;"
    "padding:2px 6px;white-space:normal;max-width:16em;line-height:1.35}"
    ".mgi-view table td.mgi-long{max-width:none;padding-bottom:6px}"
    ".mgi-view table.mgi-narrow td{max-width:40em}"
    ".mgi-view table tbody.mgi-row:nth-of-type(even){background:rgba(127,127,127,.08)}"
    ".mgi-view table thead th{border-bottom:1px solid rgba(127,127,127,.6)}"
    "</style>"
)


def _html_table(
    header: Sequence[str],
    first: Sequence[Sequence[object]],
    last: Sequence[Sequence[object]],
    *,
    numbers: tuple[Iterable[int], Iterable[int]] | None = None,
) -> str:
    """An HTML table of the ``first`` rows, then "…" and the ``last`` rows
    when there are any; ``numbers`` adds a column of row numbers. In a table
    of more than five columns, a column with a cell longer than 60
    characters is drawn under each row."""
    narrow = len(header) <= _NARROW
    long = [
        number
        for number in range(len(header))
        if not narrow and any(len(_cell(row[number])) > _CLIP for row in (*first, *last))
    ]
    short = [number for number in range(len(header)) if number not in long]
    lead = ["<th></th>"] if numbers else []

    def row_html(number: object, row: Sequence[object]) -> str:
        cells = [f"<th>{_html_text(number)}</th>"] if numbers else []
        cells += [f"<td>{_html_text(_cell(row[index]))}</td>" for index in short]
        lines = [f"<tr>{''.join(cells)}</tr>"]
        lines += [
            f'<tr>{"<td></td>" if numbers else ""}<td class="mgi-long" colspan="{len(short)}">'
            f"{_html_text(_cell(row[index]))}</td></tr>"
            for index in long
        ]
        return f'<tbody class="mgi-row">{"".join(lines)}</tbody>'

    heads = [f"<tr>{''.join(lead)}{''.join(_header(header[i]) for i in short)}</tr>"]
    heads += [f"<tr>{''.join(lead)}{_header(header[i], len(short))}</tr>" for i in long]
    first_numbers, last_numbers = numbers if numbers else (range(len(first)), range(len(last)))
    body = [row_html(n, row) for n, row in zip(first_numbers, first, strict=True)]
    if last:
        gap = f"<tr>{''.join(['<th>…</th>'] if numbers else [])}{'<td>…</td>' * len(short)}</tr>"
        body.append(f"<tbody>{gap}</tbody>")
        body += [row_html(n, row) for n, row in zip(last_numbers, last, strict=True)]
    shape = ' class="mgi-narrow"' if narrow else ""
    return (
        f'<div class="mgi-view" style="overflow-x:auto">{_TABLE_STYLE}'
        f"<table{shape}><thead>{''.join(heads)}</thead>{''.join(body)}</table></div>"
    )


def _header(name: str, span: int = 1) -> str:
    """A column's header cell, which may break after an underscore."""
    spanned = f' colspan="{span}"' if span > 1 else ""
    return f"<th{spanned}>" + "_<wbr>".join(map(_html_text, name.split("_"))) + "</th>"


def _html_more(total: int) -> str:
    return f"<p>… {total - SHOWN} more</p>" if total > SHOWN else ""


# -- SVG --------------------------------------------------------------------------


def wheel_geometry(size: int) -> dict[str, float]:
    """Where the wheel is drawn in an SVG of this ``size`` (its height):
    the centre and the radii of the hub, the inner (areas with potential)
    and the outer (well-developed areas) bands.

    >>> wheel_geometry(1000)
    {'centre': 500.0, 'hub': 140.0, 'middle': 300.0, 'outer': 460.0}
    """
    return {
        "centre": size / 2,
        "hub": size * 0.14,
        "middle": size * 0.30,
        "outer": size * 0.46,
    }


class _Layout(NamedTuple):
    """The measures of a wheel of one size: the wheel left, the legend right."""

    size: int
    centre: float
    hub: float
    middle: float
    outer: float
    width: int  # the wheel and the legend
    scale: float  # against the 440-pixel design
    font: float
    legend_x: float
    row: float  # the height of one legend entry


def _layout(size: int) -> _Layout:
    geometry = wheel_geometry(size)
    scale = size / 440
    return _Layout(
        size=size,
        centre=geometry["centre"],
        hub=geometry["hub"],
        middle=geometry["middle"],
        outer=geometry["outer"],
        width=round(size * 1.8),
        scale=scale,
        font=round(13 * scale, 1),
        legend_x=size + 10 * scale,
        row=size / 8.2,
    )


def wheel_svg(profile: Profile, domains: Mapping[int, Domain], *, size: int = 440) -> str:
    """A self-contained SVG "wheel" of the six domains for ``profile``.

    Each domain is a sixth of a ring, clockwise from the top: its outer band
    (full colour) shows the number of well-developed areas, its inner band
    (lighter) the number of areas with potential. The legend names the
    domains in the profile's language where the taxonomy knows it, else in
    English. ``domains`` are the six domains by number; ``size`` is the
    height in pixels; the width adds the legend.
    """
    layout = _layout(size)
    language = profile.language
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mgi-wheel" width="{layout.width}" '
        f'height="{size}" viewBox="0 0 {layout.width} {size}" font-family="sans-serif" '
        f'font-size="{layout.font}" role="img">',
        f"<title>{_html_text(profile.title)}</title>",
        f'<rect width="{layout.width}" height="{size}" fill="#ffffff"/>',
    ]
    for index, domain in enumerate(_six(domains)):
        for kind in _KINDS:
            count = len(_texts(profile, domain.number, kind))
            parts.append(_band_svg(layout, index, domain, kind, count, language))
        parts.append(_legend_svg(layout, index, domain, language))
    parts.append(_key_svg(layout, language))
    parts.append(
        f'<text x="{layout.centre:.1f}" y="{layout.centre:.1f}" text-anchor="middle" '
        f'dominant-baseline="central" font-size="{round(layout.font * 0.9, 1)}">'
        f"{_html_text(str(profile.published))}</text></svg>"
    )
    return "".join(parts)


def _band_svg(
    layout: _Layout, index: int, domain: Domain, kind: FindingKind, count: int, language: str
) -> str:
    """One band of a domain's sixth, with its count in the middle: the outer
    band for well-developed areas, the inner (lighter) for the others."""
    colour = DOMAIN_COLOURS[index]
    if kind is FindingKind.WELL_DEVELOPED:
        inner, outer, fill, ink = layout.middle, layout.outer, colour, "#ffffff"
    else:
        inner, outer, fill, ink = layout.hub, layout.middle, _tint(colour), "#222222"
    path = _band(inner, outer, index * 60 + 1, index * 60 + 59, layout.centre)
    x, y = _point((inner + outer) / 2, index * 60 + 30, layout.centre)
    title = f"{_name(domain, language)}: {label(language, kind).short}, {count}"
    return (
        f'<path class="mgi-band mgi-{kind.value}" data-domain="{domain.number}" '
        f'd="{path}" fill="{fill}"><title>{_html_text(title)}</title></path>'
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="central" '
        f'font-size="{round(layout.font * 1.6, 1)}" font-weight="bold" fill="{ink}">'
        f"{count}</text>"
    )


def _legend_svg(layout: _Layout, index: int, domain: Domain, language: str) -> str:
    """A domain's entry in the legend: its colour, number and name (two lines at most)."""
    scale, x = layout.scale, layout.legend_x + 24 * layout.scale
    y = 12 * scale + layout.row * index + layout.row / 2
    lines = textwrap.wrap(f"{domain.number}. {_name(domain, language)}", 34) or [""]
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if number == 0 else layout.font * 1.2:.1f}">'
        f"{_html_text(line)}</tspan>"
        for number, line in enumerate(lines[:2])
    )
    return (
        _swatch(layout, y, DOMAIN_COLOURS[index])
        + f'<text class="mgi-domain-name" x="{x:.1f}" y="{y:.1f}" '
        f'dominant-baseline="central">{spans}</text>'
    )


def _key_svg(layout: _Layout, language: str) -> str:
    """The key under the legend: which band is which list."""
    scale, x = layout.scale, layout.legend_x + 24 * layout.scale
    top = 12 * scale + layout.row * 6 + layout.row / 2
    parts = []
    for offset, kind in enumerate(_KINDS):
        y = top + offset * layout.row * 0.55
        fill = "#555555" if kind is FindingKind.WELL_DEVELOPED else _tint("#555555")
        parts.append(
            _swatch(layout, y, fill)
            + f'<text x="{x:.1f}" y="{y:.1f}" dominant-baseline="central">'
            f"{_html_text(label(language, kind).short)}</text>"
        )
    return "".join(parts)


def _swatch(layout: _Layout, y: float, fill: str) -> str:
    """A square of colour in the legend, centred on the line at ``y``."""
    scale = layout.scale
    return (
        f'<rect x="{layout.legend_x:.1f}" y="{y - 8 * scale:.1f}" width="{16 * scale:.1f}" '
        f'height="{16 * scale:.1f}" fill="{fill}"/>'
    )


def _tint(colour: str, share: float = 0.55) -> str:
    """``colour`` mixed with ``share`` of white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in (red, green, blue))


def _point(radius: float, degrees: float, centre: float) -> tuple[float, float]:
    angle = math.radians(degrees - 90)  # 0 degrees at the top, clockwise
    return centre + radius * math.cos(angle), centre + radius * math.sin(angle)


def _band(inner: float, outer: float, start: float, end: float, centre: float) -> str:
    """An SVG path for the ring between two radii and two angles."""
    (x1, y1), (x2, y2) = _point(outer, start, centre), _point(outer, end, centre)
    (x3, y3), (x4, y4) = _point(inner, end, centre), _point(inner, start, centre)
    return (
        f"M{x1:.2f},{y1:.2f} A{outer},{outer} 0 0 1 {x2:.2f},{y2:.2f} "
        f"L{x3:.2f},{y3:.2f} A{inner},{inner} 0 0 0 {x4:.2f},{y4:.2f} Z"
    )


# -- SDG 10.7.2 official results ------------------------------------------------

_GridRow = tuple[str, str, int, list["Category | None"], tuple[str, ...]]


def _grid(results: SdgResults) -> list[_GridRow]:
    """One row per country and year: code, name, year, the categories of the
    overall value and of domains 1 to 6 (``None`` where not published), and
    the keys of the sources."""
    rows: dict[tuple[str, int], _GridRow] = {}
    for item in results:
        key = (item.country, item.year)
        if key not in rows:
            rows[key] = (item.country, item.country_name, item.year, [None] * 7, ())
        code, name, year, cells, sources = rows[key]
        cells[item.domain or 0] = item.category
        keys = tuple(dict.fromkeys((*sources, *(source.key for source in item.sources))))
        rows[key] = (code, name, year, cells, keys)
    return list(rows.values())


def _category_key() -> str:
    return ", ".join(f"{category.value} {category.label}" for category in Category)


def results_text(results: SdgResults, domains: Sequence[SdgDomain], width: int = 88) -> str:
    """The results as a grid: a line per country and year, the category of
    the overall value (``T``) and of each domain (``·`` where none is
    published), then the sources.  ``domains`` are the indicator's six domains,
    whose names the key gives."""
    rows = _grid(results)
    if not rows:
        return "no official results\n"
    names = min(max(len(name) for _, name, *_ in rows), 32)
    lines = [
        textwrap.fill(f"SDG indicator 10.7.2, official categories: {_category_key()}.", width),
        textwrap.fill(
            "T overall; "
            + "; ".join(f"{domain.number} {domain.name}" for domain in domains)
            + "; · not published.",
            width,
        ),
        "",
        f"{'country':<{names + 5}}  year  T  1  2  3  4  5  6  sources",
    ]
    for code, name, year, cells, sources in rows:
        shown = "  ".join("·" if cell is None else str(cell.value) for cell in cells)
        lines.append(f"{code}  {name[:names]:<{names}}  {year}  {shown}  {', '.join(sources)}")
    count = len({code for code, *_ in rows})
    countries = f"{count} {'country' if count == 1 else 'countries'}"
    lines += ["", f"{_plural(len(results), 'result')}, {countries}"]
    return "\n".join(lines) + "\n"


def comparison_text(comparison: Comparison, domains: Sequence[SdgDomain], width: int = 88) -> str:
    """A computed score beside a country's official results: a line for the
    overall value and each domain, whether the two categories agree, and
    how many do.  ``domains`` are the indicator's six domains."""
    names = ["Overall", *(domain.name for domain in domains)]
    lines = [
        textwrap.fill(
            f"SDG indicator 10.7.2: the computed categories beside the official results of "
            f"{comparison.country_name} ({comparison.country}), {comparison.year}",
            width,
        ),
        "",
        f"{'':<5} {'':<45} {'value':>5}  {'computed':<27} official",
    ]
    for value, name in zip(comparison.values, names, strict=True):
        official = (
            "-"
            if value.official is None
            else f"{value.official.category.value} {value.official.label}"
        )
        verdict = {True: "agrees", False: "differs", None: ""}[value.agrees]
        lines.append(
            f"{value.breakdown:<5} {name[:45]:<45} {float(value.value):>5.1f}  "
            f"{value.computed.value} {value.computed.label:<25} {official:<27} {verdict}".rstrip()
        )
    agree = sum(value.agrees is True for value in comparison.compared)
    lines += ["", f"{agree} of {len(comparison.compared)} published categories agree."]
    if comparison.partial:
        lines.append(
            textwrap.fill(
                f"The score lacks {len(comparison.score.missing)} responses, counted as 0: "
                "each computed value is the lowest the complete set could reach.",
                width,
            )
        )
    return "\n".join(lines) + "\n"


def _text_swatch(category: Category | None) -> tuple[str, str]:
    """The fill and ink of a cell of this category."""
    if category is None:
        return "#ffffff", "#767676"
    return CATEGORY_COLOURS[category.value - 1], "#ffffff" if category.value == 4 else "#222222"


def results_html(results: SdgResults, domains: Sequence[SdgDomain]) -> str:
    """The results as a small table: a row per country and year (the first
    ``SHOWN``), a cell per value coloured by category, a dash where none is
    published.  ``domains`` are the indicator's six domains, which head the
    columns."""
    rows = _grid(results)
    head = "".join(
        f'<th title="{_html_text(domain.name)}">{domain.number}. {_html_text(domain.name)}</th>'
        for domain in domains
    )
    body = []
    for code, name, year, cells, sources in rows[:SHOWN]:
        tds = "".join(_html_category(cell) for cell in cells)
        body.append(
            f"<tr><td>{_html_text(name)} ({code})</td><td>{year}</td>{tds}"
            f"<td>{_html_text(', '.join(sources))}</td></tr>"
        )
    legend = " ".join(_html_category(category, "span") for category in _categories())
    return (
        f'<div class="mgi-results"><p><b>{_plural(len(results), "official result")}</b> '
        f"of SDG indicator 10.7.2</p><table><thead><tr><th>country</th><th>year</th>"
        f"<th>overall</th>{head}<th>sources</th></tr></thead><tbody>{''.join(body)}"
        f"</tbody></table>{_html_more(len(rows))}<p>{legend}</p></div>"
    )


def _categories() -> list[Category]:
    return list(Category)


def _html_category(category: Category | None, tag: str = "td") -> str:
    fill, ink = _text_swatch(category)
    if category is None:
        style = f"background:{fill};color:{ink};border:1px dashed #999999;text-align:center"
        return f'<{tag} style="{style}" title="not published">—</{tag}>'
    label = _html_text(category.label)
    text = str(category.value) if tag == "td" else f"{category.value} {label}"
    style = f"background:{fill};color:{ink};text-align:center;padding:0 0.4em"
    return f'<{tag} style="{style}" title="{label}">{text}</{tag}>'


def results_markdown(results: SdgResults, domains: Sequence[SdgDomain]) -> str:
    """The results as a Markdown table, a row per country and year (the
    first ``SHOWN``), the category number of each value."""
    rows = _grid(results)
    header = ["country", "year", "overall", *(f"{d.number}. {d.name}" for d in domains)]
    cells = [
        [f"{name} ({code})", str(year), *("—" if c is None else str(c.value) for c in values)]
        for code, name, year, values, _ in rows[:SHOWN]
    ]
    lines = [
        f"**{_plural(len(results), 'official result')}** of SDG indicator 10.7.2 "
        f"({markdown_text(_category_key())}; — not published)",
        "",
        *_markdown_table(header, cells),
    ]
    return "\n".join(lines + _more(len(rows))) + "\n"


def results_strip_svg(results: SdgResults, domains: Sequence[SdgDomain], *, size: int = 28) -> str:
    """A strip of seven cells per country and year (the first ``SHOWN``):
    the overall value, then domains 1 to 6, each coloured by its category
    and dashed where none is published, with a key of the categories.
    ``domains`` are the indicator's six domains, named in each cell's
    tooltip; ``size`` is the side of a cell in pixels."""
    rows = _grid(results)[:SHOWN]
    gap, label, font = max(2, size // 8), size * 6, round(size * 0.5, 1)
    top = size
    key_y = top + len(rows) * (size + gap) + gap
    key, key_width = _strip_key(key_y, size, font)
    width = max(label + 7 * (size + gap) + gap, key_width)
    height = round(key_y + size * 1.2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mgi-strip" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" '
        f'font-size="{font}" role="img"><title>SDG indicator 10.7.2: official categories</title>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    ]
    names = ["overall", *(domain.name for domain in domains)]
    for column, heading in enumerate(["T", *(str(domain.number) for domain in domains)]):
        x = label + column * (size + gap) + size / 2
        parts.append(
            f'<text x="{x:.1f}" y="{top * 0.7:.1f}" text-anchor="middle">'
            f"<title>{_html_text(names[column])}</title>{heading}</text>"
        )
    for index, (code, name, year, cells, _) in enumerate(rows):
        y = top + index * (size + gap)
        parts.append(
            f'<text x="0" y="{y + size / 2:.1f}" dominant-baseline="central">'
            f"{_html_text(f'{code} {year}')}<title>{_html_text(name)}</title></text>"
        )
        for column, category in enumerate(cells):
            x = label + column * (size + gap)
            what = "not published" if category is None else category.label
            tip = f"{name} {year}, {names[column]}: {what}"
            parts.append(_strip_cell(x, y, size, category, tip))
    return "".join(parts) + key + "</svg>"


def _strip_key(y: float, size: int, font: float) -> tuple[str, int]:
    """The key of the four categories on one line at ``y``, and its width
    (text measured at about 0.55 of the font size a character)."""
    parts, x = [], 0.0
    swatch = size * 0.6
    for category in Category:
        text = f"{category.value} {category.label}"
        parts.append(_strip_cell(x, y, swatch, category, category.label))
        parts.append(
            f'<text x="{x + swatch + size * 0.2:.1f}" y="{y + swatch / 2:.1f}" '
            f'dominant-baseline="central">{_html_text(text)}</text>'
        )
        x += swatch + size * 0.2 + len(text) * font * 0.55 + size * 0.6
    return "".join(parts), round(x)


def _strip_cell(x: float, y: float, size: float, category: Category | None, tip: str) -> str:
    fill, ink = _text_swatch(category)
    edge = ' stroke="#999999" stroke-dasharray="3,2"' if category is None else ""
    value = "" if category is None else str(category.value)
    data = "none" if category is None else str(category.value)
    return (
        f'<g class="mgi-category" data-category="{data}"><title>{_html_text(tip)}</title>'
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
        f'fill="{fill}"{edge}/><text x="{x + size / 2:.1f}" y="{y + size / 2:.1f}" '
        f'text-anchor="middle" dominant-baseline="central" fill="{ink}">{value}</text></g>'
    )


# -- the catalogue of assessments -----------------------------------------------

_ASSESSMENT_HEADER = ("place", "country", "level", "year", "kind", "language", "follow-up")


def _assessment_row(item: Assessment) -> tuple[str, ...]:
    return (
        item.place,
        f"{item.country_name} ({item.country})",
        item.level.value,
        _cell(item.year),
        _cell(item.kind),
        _cell(item.language),
        "yes" if item.follow_up else "",
    )


def assessments_text(assessments: Assessments, width: int = 88) -> str:
    """The catalogue: its notice (how many it lists against the published
    count), then a line per assessment; an unknown year, kind or language
    is ``-``."""
    lines = [textwrap.fill(assessments.notice, width), ""]
    if not assessments:
        return "\n".join(lines) + "\n"
    places = min(max(len(item.place) for item in assessments), 40)
    lines.append(f"country  level     year  {'place':<{places}}  kind / language")
    for item in assessments:
        kind = item.kind or "-"
        language = item.language or "-"
        follow = ", follow-up" if item.follow_up else ""
        lines.append(
            f"{item.country}      {item.level.value:<9} {item.year or '-':<5} "
            f"{item.place[:places]:<{places}}  {kind} / {language}{follow}"
        )
    return "\n".join(lines) + "\n"


def assessments_html(assessments: Assessments) -> str:
    """The catalogue's notice, then a table of its assessments (the first ``SHOWN``)."""
    items = list(assessments)
    return (
        f'<div class="mgi-assessments"><p><b>{_html_text(assessments.notice)}</b></p>'
        + _html_table(_ASSESSMENT_HEADER, [_assessment_row(item) for item in items[:SHOWN]], [])
        + _html_more(len(items))
        + "</div>"
    )


def assessments_markdown(assessments: Assessments) -> str:
    """The catalogue's notice, then a table of its assessments (the first ``SHOWN``)."""
    items = list(assessments)
    lines = [f"**{markdown_text(assessments.notice)}**", ""]
    lines += _markdown_table(_ASSESSMENT_HEADER, map(_assessment_row, items[:SHOWN]))
    return "\n".join(lines + _more(len(items))) + "\n"
