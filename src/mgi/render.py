"""Plain-text views of domains and profiles, for terminals and logs.

>>> import mgi
>>> print(profile_text(mgi.profiles["huehuetenango-2024"]).splitlines()[0])
Perfil de Gobernanza de la Migración: Municipalidad de Huehuetenango (Guatemala)
"""

from __future__ import annotations

import textwrap

from mgi.model import Domain, FindingKind, Level, Profile

__all__ = ["domain_text", "profile_text"]

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


def _bullet(text: str, width: int) -> str:
    return textwrap.fill(text, width, initial_indent="  • ", subsequent_indent="    ")
