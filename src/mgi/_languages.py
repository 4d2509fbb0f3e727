"""Language tags as people write them (BCP 47), and the table of languages.

A tag is read without regard to case, with ``_`` for ``-``: ``'ES'``,
``'es-gt'`` and ``'es_GT'`` are all Spanish, the last two as written in
Guatemala. The data names languages only (``'es'``), so a tag with a region
or script falls back to its language:

>>> tag("es_gt"), tag("ZH-hant-tw"), tag("Spanish")
('es-GT', 'zh-Hant-TW', None)
>>> fallbacks("zh-Hant-TW")
('zh-Hant-TW', 'zh-Hant', 'zh')
>>> language("es-419")
'es'

The packaged table (``languages.json``, generated from Debian's iso-codes by
``tools/make_languages.py``) knows every ISO 639 language: it tells a
language that is simply absent from the data from a code that names none.

>>> from mgi._data import languages
>>> table = languages()
>>> table.lookup("ES"), table.lookup("spa"), table.lookup("español"), table.lookup("quc")
('es', 'es', 'es', 'quc')
>>> table.lookup("xx") is None, table.name("es"), table.suggest("spanich")
(True, 'Spanish', ['Spanish', 'Danish'])
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TypedDict

from mgi._checks import ReadOnly
from mgi.text import close_matches, fold

__all__ = ["LanguageEntry", "LanguageTable", "Languages", "fallbacks", "language", "tag"]

# A language (two or three letters: the longer forms BCP 47 reserves are not
# in use), then subtags of one to eight letters or digits: script, region,
# variants, extensions, private use.
_TAG = re.compile(r"([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{1,8})*)")


def tag(text: object) -> str | None:
    """``text`` as a BCP 47 tag in its usual case (``es-GT``, ``zh-Hant``),
    or ``None`` if it is not one."""
    if not isinstance(text, str):
        return None
    found = _TAG.fullmatch(text.strip())
    if found is None:
        return None
    parts = [found[1].lower()]
    for part in re.split(r"[-_]", found[2])[1:]:
        if len(part) == 2 and part.isalpha():
            parts.append(part.upper())  # a region
        elif len(part) == 4 and part.isalpha():
            parts.append(part.title())  # a script
        else:
            parts.append(part.lower())
    return "-".join(parts)


def fallbacks(text: str) -> tuple[str, ...]:
    """The tag and each shorter tag it falls back to, down to its language;
    empty if ``text`` is not a tag."""
    found = tag(text)
    if found is None:
        return ()
    parts = found.split("-")
    return tuple("-".join(parts[:size]) for size in range(len(parts), 0, -1))


def language(text: str) -> str | None:
    """The language of the tag ``text`` (its first subtag), or ``None`` if it is not one."""
    found = tag(text)
    return None if found is None else found.split("-")[0]


# The packaged table's shape: plain dictionaries, checked by the converter
# (a record class each would cost every first lookup its creation).
class LanguageEntry(TypedDict):
    """One language as the packaged table gives it."""

    code: str
    """Its two-letter ISO 639-1 code, the one BCP 47 uses."""
    codes: tuple[str, ...]
    """Its three-letter codes (ISO 639-3, ISO 639-2/B)."""
    names: dict[str, str]
    """Its name per language."""


class LanguageTable(TypedDict):
    """The packaged document: what it is, where it comes from, the languages."""

    about: str
    source: str
    left_out: tuple[str, ...]
    languages: tuple[LanguageEntry, ...]
    other_codes: str


class Languages(ReadOnly):
    """Lookups over the language table: tag, code or name to the code BCP 47
    uses (two letters where there is one), and code to name."""

    __slots__ = ("_by_key", "_names", "_others")

    _by_key: MappingProxyType[str, str]
    _names: MappingProxyType[str, MappingProxyType[str, str]]
    _others: frozenset[str]

    def __init__(self, table: LanguageTable) -> None:
        by_key: dict[str, str] = {}
        names: dict[str, MappingProxyType[str, str]] = {}
        left_out = {fold(name) for name in table["left_out"]}
        for entry in table["languages"]:
            code = entry["code"]
            names[code] = MappingProxyType(dict(entry["names"]))
            for key in (code, *entry["codes"]):
                by_key[key] = code
            for name in entry["names"].values():
                if fold(name) not in left_out:
                    by_key.setdefault(fold(name), code)
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(self, "_names", MappingProxyType(names))
        object.__setattr__(self, "_others", frozenset(table["other_codes"].split()))

    def lookup(self, key: str) -> str | None:
        """The code of the language ``key`` names: a tag (its region or
        script aside), an ISO 639 code of two or three letters, or a name in
        English, Spanish, French or Portuguese; ``None`` if none."""
        found = language(key)
        if found is not None:
            if found in self._by_key:
                return self._by_key[found]
            if found in self._others:
                return found
        return self._by_key.get(fold(key)) if isinstance(key, str) else None

    def name(self, code: str, language: str = "en") -> str | None:
        """The name of the language ``code`` in ``language`` (English where
        the table has none in it), or ``None`` where the table has no name."""
        names = self._names.get(code)
        if names is None:
            return None
        return names.get(language, names["en"])

    def suggest(self, key: str) -> list[str]:
        """Names of languages close to ``key``: misspelt, or the start of a name."""
        return close_matches(key, (names["en"] for names in self._names.values()))

    def __contains__(self, code: object) -> bool:
        return code in self._names or code in self._others
