"""Text and Markdown views of domains, profiles and SDG 10.7.2, for terminals, files and logs.

>>> import mgi
>>> print(profile_text(mgi.profiles["huehuetenango-2024"]).splitlines()[0])
Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)

``profile_text(profile, width=None)`` (what :meth:`mgi.Profile.to_text`
returns) is the page form, one line per paragraph and finding, which
:func:`mgi.parse_profile` reads back.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from mgi._vocabulary import LABELS, MONTHS
from mgi.model import Domain, DomainFindings, FindingKind, Level, Profile

if TYPE_CHECKING:
    from mgi.sdg import Score, SdgIndicator

__all__ = [
    "LABELS",
    "domain_text",
    "heading",
    "profile_markdown",
    "profile_text",
    "score_text",
    "sdg_text",
]


def heading(domain: Domain, language: str) -> str:
    """The domain's heading as a profile in ``language`` prints it: the page's
    own heading where one is known, else the name in capitals (the English
    name where the taxonomy has none in ``language``)."""
    for name in domain.names:
        if name.language == language and name.use.value == "heading":
            return name.text
    return (domain.name_in(language) or domain.name).upper()


def published_text(profile: Profile) -> str:
    """The date line as profile pages print it: '2024 August'."""
    return f"{profile.published.year} {MONTHS['en'][profile.published.month - 1].capitalize()}"


def profile_text(
    profile: Profile, width: int | None = 88, emphasis: Callable[[str], str] = str
) -> str:
    """The profile as text: title, date, introduction, then each domain with
    its two lists of findings.

    Lines are wrapped at ``width`` characters (``None``: not wrapped, the page
    form); ``emphasis`` is applied to the title, headings and labels (a
    terminal may make them bold).
    """
    lines = [emphasis(profile.title), published_text(profile), "", emphasis("INTRODUCTION"), ""]
    for paragraph in profile.introduction:
        lines += [_wrap(paragraph, width, "", ""), ""]
    labels = LABELS.get(profile.language, LABELS["en"])
    for group, kind, texts in _lists(profile):
        if kind is None:
            lines += [emphasis(heading(group.domain, profile.language)), ""]
            continue
        lines += [emphasis(labels[kind]), ""]
        lines += [_wrap(text, width, "  • ", "    ") for text in texts]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def profile_markdown(profile: Profile) -> str:
    """The profile as Markdown: the title as the top heading, a section per domain."""
    lines = [f"# {_escape(profile.title)}", "", f"*{published_text(profile)}*", ""]
    if profile.introduction:
        lines += ["## Introduction", ""]
        for paragraph in profile.introduction:
            lines += [_escape(paragraph), ""]
    labels = LABELS.get(profile.language, LABELS["en"])
    for group, kind, texts in _lists(profile):
        if kind is None:
            title = heading(group.domain, profile.language)
            lines += [f"## {group.domain.number}. {_escape(title)}", ""]
            continue
        lines += [f"### {_escape(labels[kind].rstrip(' :'))}", ""]
        lines += [f"- {_escape(text)}" for text in texts]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def domain_text(
    domain: Domain, level: Level | str = Level.NATIONAL, width: int = 88, language: str = "en"
) -> str:
    """A domain's number, name (in ``language`` where known) and description at one level."""
    body = textwrap.fill(
        domain.description(level), width, initial_indent="   ", subsequent_indent="   "
    )
    return f"{domain.number}. {domain.name_in(language) or domain.name}\n{body}\n"


def sdg_text(indicator: SdgIndicator, width: int = 88) -> str:
    """The indicator: name, custodians, series, scale, then each domain with
    its proxy measure, the answers it takes and its five sub-categories."""
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


def _indented(text: str, width: int, hang: int) -> str:
    return textwrap.fill(text, width, initial_indent="    ", subsequent_indent=" " * hang)


def _lists(
    profile: Profile,
) -> Iterator[tuple[DomainFindings, FindingKind | None, tuple[str, ...]]]:
    """Each domain that has findings (kind None: its heading), then its non-empty lists."""
    for group in profile.by_domain():
        if not (group.well_developed or group.potential):
            continue
        yield group, None, ()
        for kind, texts in (
            (FindingKind.WELL_DEVELOPED, group.well_developed),
            (FindingKind.POTENTIAL, group.potential),
        ):
            if texts:
                yield group, kind, texts


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


# Markdown readers that allow HTML (notebooks do) must not see markup or
# entities in the data: "&" is escaped too.
_MARKDOWN_SPECIAL = str.maketrans({char: "\\" + char for char in "\\`*_[]<>#|&"})


def _escape(text: str) -> str:
    return text.translate(_MARKDOWN_SPECIAL)
