"""The words of a profile page, per language: what the parser recognises and
the renderer writes.

Keys are folded (:func:`mgi.text.fold`): lower case, no accents, punctuation
turned into spaces, so one entry matches every way of typing it.  Wordings
come from published profiles (``mgi-facts`` section 5, the Huehuetenango
page) and from IOM's own descriptions of the two lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from mgi.model import FindingKind

__all__ = [
    "ABOUT",
    "INTRODUCTION",
    "LABELS",
    "LABEL_WORDS",
    "LANGUAGE_NAMES",
    "MARKERS",
    "MONTHS",
    "PLACE_KINDS",
    "TITLE_PREFIXES",
    "Label",
    "click_instruction",
    "label",
]

#: The language names used in generated source descriptions.
LANGUAGE_NAMES: Mapping[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
}

#: Month names per language, January first (folded).
MONTHS: Mapping[str, tuple[str, ...]] = {
    language: tuple(names.split())
    for language, names in {
        "en": "january february march april may june july august september october november "
        "december",
        "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
        "diciembre",
        "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre "
        "decembre",
        "pt": "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro "
        "dezembro",
    }.items()
}
# "Setiembre" is the spelling of several Spanish-speaking countries.
MONTH_NUMBERS: Mapping[str, int] = {
    name: number for names in MONTHS.values() for number, name in enumerate(names, 1)
} | {"setiembre": 9}

#: Lines that open the page's general part about the MGI, skipped with it.
ABOUT = (
    "about the migration governance indicators",
    "acerca de los indicadores de gobernanza de la migracion",
    "sobre los indicadores de gobernanza de la migracion",
    "a propos des indicateurs de gouvernance des migrations",
    "a propos des indicateurs de gouvernance de la migration",
    "sobre os indicadores de governanca da migracao",
)

#: The heading of the introduction.
INTRODUCTION = frozenset({"introduction", "introduccion", "introducao"})

#: Page controls repeated before each block ("1", "Key findings"); numbers
#: alone are markers too.
MARKERS = frozenset(
    {
        "key findings",
        "principales hallazgos",
        "hallazgos principales",
        "resultados",
        "principales resultados",
        "principales conclusions",
        "conclusions principales",
        "principais conclusoes",
        "principais resultados",
    }
)

_CLICK = re.compile(
    r"(?:haga|haz|click|cliquez|clique|clicar|clic)\b.*\b(?:rueda|wheel|roue|roda|icon\w*)\b"
)


def click_instruction(folded: str) -> bool:
    """Whether a folded line is the page's 'click on the wheel' instruction."""
    return len(folded.split()) <= 25 and _CLICK.match(folded) is not None


#: Words that make a line one of the two list labels.  A label must match
#: one kind only; the language is that of the words that matched.
LABEL_WORDS: Mapping[FindingKind, Mapping[str, str]] = {
    FindingKind.WELL_DEVELOPED: {
        "well developed": "en",
        "bien desarroll": "es",
        "points forts": "fr",
        "bien developp": "fr",
        "bem desenvolv": "pt",
    },
    FindingKind.POTENTIAL: {
        "potential": "en",
        "further development": "en",
        "potencial para": "es",
        "potencial de desarrollo": "es",
        "desarrollo adicional": "es",
        "pourraient etre renforc": "fr",
        "a renforcer": "fr",
        "potentiel": "fr",
        "oportunidades de desenvolv": "pt",
        "potencial de desenvolv": "pt",
        "desenvolvimento adicional": "pt",
    },
}


@attrs.frozen
class Label:
    """How a profile in one language names one of its two lists.

    >>> label("fr", FindingKind.WELL_DEVELOPED)
    Label(page='Points forts :', short='Points forts')
    """

    page: str
    """The label over the list on a profile page, as the text renderer writes
    it: 'Well-developed areas:' (the parser recognises labels by
    ``LABEL_WORDS``)."""
    short: str
    """The list's name alone, for legends and tables: 'Well-developed areas'."""


#: The two labels of each language: the Spanish page labels are the
#: Huehuetenango page's wording, the others IOM's descriptions of the two
#: lists; each short name is that wording without its lead-in and colon.
LABELS: Mapping[str, Mapping[FindingKind, Label]] = {
    "es": {
        FindingKind.WELL_DEVELOPED: Label(
            "Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:",
            "Áreas bien desarrolladas",
        ),
        FindingKind.POTENTIAL: Label(
            "Áreas con potencial para un desarrollo adicional:",
            "Áreas con potencial para un desarrollo adicional",
        ),
    },
    "en": {
        FindingKind.WELL_DEVELOPED: Label("Well-developed areas:", "Well-developed areas"),
        FindingKind.POTENTIAL: Label(
            "Areas with potential for further development:",
            "Areas with potential for further development",
        ),
    },
    "fr": {
        FindingKind.WELL_DEVELOPED: Label("Points forts :", "Points forts"),
        FindingKind.POTENTIAL: Label(
            "Aspects qui pourraient être renforcés :", "Aspects qui pourraient être renforcés"
        ),
    },
    "pt": {
        FindingKind.WELL_DEVELOPED: Label("Áreas bem desenvolvidas:", "Áreas bem desenvolvidas"),
        FindingKind.POTENTIAL: Label(
            "Oportunidades de desenvolvimento:", "Oportunidades de desenvolvimento"
        ),
    },
}


def label(language: str, kind: FindingKind) -> Label:
    """The label of ``kind`` in ``language``; English where the table has no such language."""
    return LABELS.get(language, LABELS["en"])[kind]


#: What comes before the place in a title line, with its language; years and
#: separators ("|", ":") are removed before the comparison.  The Spanish colon
#: form is the Huehuetenango page's; the "Indicators ... | Profile 2021 |"
#: forms are those of published profile titles (mgi-facts 5.3); the colon
#: forms in the other languages are that page's form translated, accepted so
#: that pages written by ``Profile.to_text`` read back.
TITLE_PREFIXES: Mapping[str, str] = {
    "perfil de gobernanza de la migracion": "es",
    "perfil de gobernanza migratoria": "es",
    "indicadores de gobernanza de la migracion perfil": "es",
    "indicadores de gobernanza de la migracion a nivel local perfil": "es",
    "migration governance profile": "en",
    "migration governance indicators profile": "en",
    "local migration governance indicators profile": "en",
    "profil de gouvernance de la migration": "fr",
    "profil de gouvernance des migrations": "fr",
    "indicateurs de gouvernance des migrations profil": "fr",
    "perfil de governanca da migracao": "pt",
    "perfil de governanca migratoria": "pt",
    "indicadores de governanca da migracao perfil": "pt",
}

#: Words naming a kind of local authority (folded), and the kind recorded.
PLACE_KINDS: Mapping[str, str] = {
    "municipalidad": "municipality",
    "municipio": "municipality",
    "municipality": "municipality",
    "municipalite": "municipality",
    "commune": "municipality",
    "alcaldia": "municipality",
    "prefeitura": "municipality",
    "ciudad": "city",
    "city": "city",
    "ville": "city",
    "cidade": "city",
    "condado": "county",
    "county": "county",
    "comte": "county",
    "estado": "state",
    "state": "state",
    "etat": "state",
    "provincia": "province",
    "province": "province",
    "distrito metropolitano": "metropolitan district",
    "metropolitan district": "metropolitan district",
    "distrito": "district",
    "district": "district",
    "departamento": "department",
    "department": "department",
    "departement": "department",
    "region": "region",
    "regiao": "region",
    "gobernacion": "governorate",
    "governorate": "governorate",
    "gouvernorat": "governorate",
    "territorial community": "territorial community",
    "metropolitan assembly": "metropolitan assembly",
}

#: Words joining a kind to the name: "Municipalidad de", "City of".
PLACE_JOINERS = frozenset(
    {
        "of",
        "of the",
        "de",
        "del",
        "de la",
        "de los",
        "de las",
        "du",
        "des",
        "do",
        "da",
        "dos",
        "das",
    }
)


def _frozen(table: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """A read-only copy of ``table`` and of the tables inside it."""
    return MappingProxyType(
        {key: _frozen(value) if isinstance(value, dict) else value for key, value in table.items()}
    )


# The tables are shared (``mgi.views.LABELS`` is public): no caller may change them.
LANGUAGE_NAMES = _frozen(LANGUAGE_NAMES)
MONTHS = _frozen(MONTHS)
MONTH_NUMBERS = _frozen(MONTH_NUMBERS)
LABEL_WORDS = _frozen(LABEL_WORDS)
LABELS = _frozen(LABELS)
TITLE_PREFIXES = _frozen(TITLE_PREFIXES)
PLACE_KINDS = _frozen(PLACE_KINDS)
