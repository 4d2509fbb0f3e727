"""Plain-text views of domains, profiles and SDG 10.7.2, for terminals and logs.

>>> import mgi
>>> print(profile_text(mgi.profiles["huehuetenango-2024"]).splitlines()[0])
Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from mgi.model import Domain, FindingKind, Level, Profile

if TYPE_CHECKING:
    from mgi.sdg import Score, SdgIndicator

__all__ = ["domain_text", "profile_text", "score_text", "sdg_text"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Labels of the two lists, per profile language; the Spanish pair is the
# wording of the Huehuetenango page, the others follow IOM's descriptions.
LABELS: dict[str, dict[FindingKind, str]] = {
    "es": {
        FindingKind.WELL_DEVELOPED: (
            "Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:"
        ),
        FindingKind.POTENTIAL: "Áreas con potencial para un desarrollo adicional:",
    },
    "en": {
        FindingKind.WELL_DEVELOPED: "Well-developed areas:",
        FindingKind.POTENTIAL: "Areas with potential for further development:",
    },
    "fr": {
        FindingKind.WELL_DEVELOPED: "Points forts :",
        FindingKind.POTENTIAL: "Aspects qui pourraient être renforcés :",
    },
    "pt": {
        FindingKind.WELL_DEVELOPED: "Áreas bem desenvolvidas:",
        FindingKind.POTENTIAL: "Oportunidades de desenvolvimento:",
    },
}


def heading(domain: Domain, language: str) -> str:
    """The domain's heading as a profile in ``language`` prints it."""
    for name in domain.names:
        if name.language == language and name.use.value == "heading":
            return name.text
    return (domain.name_in(language) or domain.name).upper()


def profile_text(profile: Profile, width: int = 88) -> str:
    """The profile as readable text: title, date, introduction, then each
    domain with its two lists of findings."""
    labels = LABELS.get(profile.language, LABELS["en"])
    lines = [profile.title, f"{profile.published.year} {_MONTHS[profile.published.month - 1]}"]
    lines += ["", "INTRODUCTION", ""]
    for paragraph in profile.introduction:
        lines += [textwrap.fill(paragraph, width), ""]
    for group in profile.by_domain():
        if not (group.well_developed or group.potential):
            continue
        lines += [heading(group.domain, profile.language), ""]
        for kind, texts in (
            (FindingKind.WELL_DEVELOPED, group.well_developed),
            (FindingKind.POTENTIAL, group.potential),
        ):
            if texts:
                lines += [labels[kind], ""]
                lines += [_bullet(text, width) for text in texts]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def domain_text(domain: Domain, level: Level | str = Level.NATIONAL, width: int = 88) -> str:
    """A domain's number, name and description at one level."""
    body = textwrap.fill(
        domain.description(level), width, initial_indent="   ", subsequent_indent="   "
    )
    return f"{domain.number}. {domain.name}\n{body}\n"


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


def _bullet(text: str, width: int) -> str:
    return textwrap.fill(text, width, initial_indent="  • ", subsequent_indent="    ")
