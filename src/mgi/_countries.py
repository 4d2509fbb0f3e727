"""Country names to ISO 3166-1 alpha-3 codes, from the packaged ``countries.json``.

The table is generated during development from Debian's iso-codes (through
pycountry, see ``tools/make_countries.py``); ``mgi`` reads it, lazily, and
never needs pycountry itself.

>>> from mgi._data import countries
>>> table = countries()
>>> table.code("Kingdom of Morocco"), table.code("Côte d’Ivoire")
('MAR', 'CIV')
>>> table.code("república de GUATEMALA")
'GTM'
>>> table.code("The Republic of Costa Rica"), table.code("Atlantis")
('CRI', None)
>>> table.name("MAR", "es")
'Marruecos'

:meth:`Countries.lookup` also takes the ISO codes, alpha-3 or alpha-2, in
any case, and :meth:`Countries.suggest` names the countries a miss is near:

>>> table.lookup("gt"), table.lookup("gtm"), table.lookup("Guatemala")
('GTM', 'GTM', 'GTM')
>>> table.suggest("guatemla"), table.suggest("guate")
(['Guatemala', 'Guam'], ['Guatemala', 'Guam', 'Équateur'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

import attrs

from mgi._checks import ReadOnly
from mgi.errors import DataError, Problem
from mgi.text import close_matches, fold

__all__ = ["Countries", "CountryEntry", "CountryTable"]

# Tried only when the whole name is not known: "The Republic of Costa Rica",
# "la République du Guatemala", "l'Algérie".
_ARTICLE = re.compile(r"(?i)(?:(?:the|el|la|los|las|le|les|o|a|os|as)\s+|l['’])(?=\S)")


@attrs.frozen
class CountryEntry:
    """One country as the packaged table gives it."""

    code: str
    names: dict[str, str]
    """Display name per language."""
    forms: tuple[str, ...]
    """Every name that maps to the code."""
    alpha2: str | None = None
    """The ISO 3166-1 alpha-2 code."""


@attrs.frozen
class CountryTable:
    """The packaged document: what it is, where it comes from, the countries."""

    about: str
    source: str
    left_out: tuple[str, ...]
    countries: tuple[CountryEntry, ...]


class Countries(ReadOnly):
    """Lookups over the country table: name to code, code to display name."""

    __slots__ = ("_by_code", "_by_name", "_names")

    _by_code: MappingProxyType[str, str]
    _by_name: MappingProxyType[str, str]
    _names: MappingProxyType[str, MappingProxyType[str, str]]

    def __init__(self, entries: Iterable[CountryEntry], source: str | None = None) -> None:
        by_name: dict[str, str] = {}
        by_code: dict[str, str] = {}
        names: dict[str, MappingProxyType[str, str]] = {}
        for index, entry in enumerate(entries):
            names[entry.code] = MappingProxyType(dict(entry.names))
            by_code[entry.code.lower()] = entry.code
            if entry.alpha2:
                by_code[entry.alpha2.lower()] = entry.code
            for form in entry.forms:
                owner = by_name.setdefault(fold(form), entry.code)
                if owner != entry.code:
                    where = f"$.countries[{index}].forms"
                    message = f"the name {form!r} is given to both {owner} and {entry.code}"
                    raise DataError([Problem(where, message)], source)
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_names", MappingProxyType(names))

    def code(self, name: str) -> str | None:
        """The alpha-3 code of the country ``name`` names (case, accents and a
        leading article ignored), or ``None``."""
        found = self._by_name.get(fold(name))
        if found is None:
            bare = _ARTICLE.sub("", name.strip(), count=1)
            found = self._by_name.get(fold(bare))
        return found

    def lookup(self, key: str) -> str | None:
        """The alpha-3 code of the country ``key`` names: an ISO 3166-1
        alpha-3 or alpha-2 code in any case, or a name as :meth:`code`
        takes it; ``None`` if none."""
        found = self._by_code.get(key.strip().lower())
        return found if found is not None else self.code(key)

    def suggest(self, key: str) -> list[str]:
        """Country names close to ``key`` (misspelt, or the start of a name's words)."""
        return close_matches(
            key, (name for names in self._names.values() for name in names.values())
        )

    def name(self, code: str, language: str) -> str | None:
        """The country's usual name in ``language`` (English where the table
        has none in that language), or ``None`` for an unknown code."""
        names = self._names.get(code)
        if names is None:
            return None
        return names.get(language, names["en"])

    @property
    def codes(self) -> tuple[str, ...]:
        """Every alpha-3 code in the table, in order."""
        return tuple(self._names)

    def __contains__(self, code: object) -> bool:
        return code in self._names

    def __len__(self) -> int:
        return len(self._names)
