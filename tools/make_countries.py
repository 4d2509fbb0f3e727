"""Generate ``src/mgi/data/countries.json`` from pycountry (a development tool).

pycountry carries Debian's iso-codes: the ISO 3166-1 list with its English
names, and the gettext catalogues that translate them. This script takes each
country's alpha-3 and alpha-2 codes, its names (short, official, common) in English and
their Spanish, French and Portuguese translations, and two forms derived from
the catalogue's inverted names ("Korea, Republic of" gives "Republic of
Korea" and "Korea"). A name that would stand for two countries once case and
accents are ignored is left out and listed under ``left_out``.

Run it in the development environment (``pip install -e '.[dev]'``), from the
repository root::

    .venv/bin/python tools/make_countries.py

``mgi`` does not need pycountry at run time: it reads the generated file.
"""

from __future__ import annotations

import gettext
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry

from mgi.text import fold

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "mgi" / "data" / "countries.json"
LANGUAGES = ("es", "fr", "pt")


def _catalogue(language: str) -> gettext.GNUTranslations:
    folder = Path(pycountry.__file__).parent / "locales"
    return gettext.translation("iso3166-1", str(folder), languages=[language])  # type: ignore[return-value]


def _translated(catalogue: gettext.GNUTranslations, text: str) -> str | None:
    """The translation of ``text``, or None where the catalogue has none."""
    table: dict[str, str] = getattr(catalogue, "_catalog", {})
    found = table.get(text)
    return found if found else None


def _derived(name: str) -> list[str]:
    """Readable forms of an inverted catalogue name: 'X, Y of' -> 'Y of X', 'X'."""
    forms = []
    if ", " in name:
        head, tail = name.split(", ", 1)
        forms += [f"{tail} {head}", head]
    if name.endswith(")") and " (" in name:
        forms.append(name[: name.index(" (")])
    return forms


def _ambiguous(names_by_code: dict[str, list[str]]) -> set[str]:
    """Folded names that stand for more than one country."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in names_by_code.items():
        for name in names:
            owners[fold(name)].add(code)
    return {key for key, codes in owners.items() if len(codes) > 1}


def _readable(name: str) -> str:
    """The catalogue's inverted names read the usual way round for display."""
    forms = _derived(name)
    return forms[0] if ", " in name else name


def main() -> int:
    catalogues = {language: _catalogue(language) for language in LANGUAGES}
    primary: dict[str, list[str]] = {}
    derived: dict[str, list[str]] = {}
    display: dict[str, dict[str, str]] = {}
    alpha2: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        alpha2[code] = country.alpha_2
        english = [
            text
            for text in (
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
            )
            if text
        ]
        names = list(english)
        for catalogue in catalogues.values():
            names += [found for text in english if (found := _translated(catalogue, text))]
        primary[code] = list(dict.fromkeys(names))
        derived[code] = list(
            dict.fromkeys(form for name in names for form in _derived(name) if form not in names)
        )
        display[code] = {"en": _readable(english[0])}
        for language, catalogue in catalogues.items():
            shown = next(filter(None, (_translated(catalogue, text) for text in english)), None)
            display[code][language] = _readable(shown or english[0])

    # A catalogue name shared by two countries is dropped for both; a derived
    # form never takes a name another country has, so 'Congo' stays the
    # Republic of the Congo's and not also the Democratic Republic's.
    ambiguous = _ambiguous(primary)
    taken = {fold(name) for names in primary.values() for name in names}
    ambiguous_derived = _ambiguous(derived)
    countries = []
    dropped: set[str] = set()
    for code in primary:
        forms: dict[str, str] = {}
        for name in primary[code]:
            if fold(name) in ambiguous:
                dropped.add(name)
            else:
                forms.setdefault(fold(name), name)
        for name in derived[code]:
            owned_elsewhere = fold(name) in taken and fold(name) not in forms
            if fold(name) in ambiguous_derived or owned_elsewhere:
                dropped.add(name)
            else:
                forms.setdefault(fold(name), name)
        countries.append(
            {
                "code": code,
                "alpha2": alpha2[code],
                "names": display[code],
                "forms": list(forms.values()),
            }
        )

    document = {
        "about": (
            "ISO 3166-1 countries: the alpha-3 and alpha-2 codes, a display name per "
            "language and the names (short, official and common, in English, Spanish, "
            "French and Portuguese) "
            "that map to the code; left_out lists names not given to a country because they "
            "also name another. Generated by tools/make_countries.py; do not edit by hand."
        ),
        "source": (
            f"pycountry {version('pycountry')}: the ISO 3166-1 data of Debian's iso-codes "
            "and its Spanish, French and Portuguese gettext catalogues"
        ),
        "left_out": sorted(dropped, key=fold),
        "countries": countries,
    }
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(countries)} countries, {len(dropped)} names left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
