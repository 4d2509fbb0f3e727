"""Generate ``src/mgi/data/assessments.json``: a catalogue of known MGI assessments.

The catalogue is incomplete by nature: it lists the national and local
assessments named in the collected facts, against the about 216 that IOM
reports. It is built from copies of the facts kept in ``tests/fixtures/facts/``
(the tests run this script against them):

- ``mgi-facts.json``: ``catalogue`` (one entry per assessed place, §6.2 and
  §6.3 of ``mgi-facts.md``) and ``headline_counts`` (§6.1);
- ``mgi-facts-additions.md``, part C: portal pages of more profiles, and the
  publication record of Villa del Rosario's profile;
- the bundled Huehuetenango profile, which is itself an assessment.

What the facts do not say is left empty, never guessed. The few readings
that need judgement are written out below, each with its reason: which of a
place's names is a kind of place ("City of ..."), which title shows a
profile's language, which years are uncertain, which two entries name the
same assessment.

Run it from the repository root (``pip install -e '.[dev]'`` first)::

    .venv/bin/python tools/make_assessments.py [FACTS_FOLDER]

``FACTS_FOLDER`` defaults to ``tests/fixtures/facts``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from mgi._data import countries, read_document

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "mgi" / "data" / "assessments.json"
FACTS = ROOT / "tests" / "fixtures" / "facts"

# The published count the catalogue is measured against (mgi-facts §6.1).
PUBLISHED = "112 countries and 104 cities"

# Kinds of place, where a name the facts give says it: "City of Montréal" is
# the title of Montréal's profile (mgi-facts §5.3), "Municipio de Villa del
# Rosario" the title of its publication record (additions C), and so on.
# National assessments are of a country. Every other place's kind is unknown.
KINDS = {
    "Accra": "city",  # "City of Accra" (additions C), "Accra City Profile" (§5.3)
    "Montréal": "city",  # "City of Montréal" (§5.3)
    "São Paulo (city)": "city",  # the facts say city; slug brazil-city-of-sao-paulo
    "Villa del Rosario (Norte de Santander)": "municipality",  # "Municipio de ..." (C)
    "Distrito Metropolitano de Quito": "metropolitan district",
    "Kenema": "city",  # "City of Kenema" (§5.3)
    "Stryi Territorial Community": "territorial community",
    "Estado de Nuevo León": "state",
    "Estado de Quintana Roo": "state",
    "Province du Lac": "province",
    "County of Nairobi": "county",
    "Province of Albay": "province",
    "Ciudad de Medellín": "city",
    "Municipio de San José de Cúcuta (Norte de Santander)": "municipality",
}

# Other names of a place seen in the facts, by which it is also found.
OTHER_NAMES = {
    "Accra": ["City of Accra", "Accra Metropolitan Assembly"],
    "Montréal": ["City of Montréal"],
    "Villa del Rosario (Norte de Santander)": ["Municipio de Villa del Rosario"],
    "Kenema": ["City of Kenema"],
}

# The language of a profile, where its title or publication record shows it
# (mgi-facts §5.3 and additions C). A portal address under /es/ or /fr/ is the
# portal's language, not the profile's, and says nothing here.
LANGUAGES = {
    ("national", "Albania"): "sq",  # "Treguesit e Qeverisjes së Migracionit Profili i dytë 2023"
    (
        "national",
        "Burkina Faso",
    ): "fr",  # "Indicateurs de gouvernance des migrations | Profil 2021"
    ("national", "Costa Rica"): "en",  # "Migration Governance Indicators Profile 2019 | ..."
    ("national", "Honduras"): "es",  # "Indicadores de Gobernanza de la Migración Segundo Informe"
    ("national", "Uruguay"): "en",  # "Migration Governance Indicators Profile 2020 – ..."
    ("local", "Accra"): "en",  # "Local Migration Governance Indicators: 2019 Accra City Profile"
    ("local", "Montréal"): "en",  # "Local Migration Governance Indicators Profile 2019 | ..."
    ("local", "Villa del Rosario (Norte de Santander)"): "es",  # "original language Spanish"
    ("local", "Distrito Metropolitano de Quito"): "es",  # "Indicadores de Gobernanza ... Quito"
    ("local", "Ciudad de México"): "es",  # the record's Spanish chapter title
    ("local", "Kenema"): "en",  # "Local Migration Governance Indicators | Profile 2022 | ..."
    ("local", "Stryi Territorial Community"): "en",  # "... | Profile 2025 | Stryi ..."
}

# Entries marked uncertain: the year kept, if any, is the one the facts give
# without doubt; the doubtful one stays in the note.
CERTAIN_YEARS = {
    ("national", "Honduras"): 2022,  # the second report; 2018 is inferred from a TOC
    ("national", "Senegal"): None,  # a report published November 2020; profile year uncertain
    ("local", "São Paulo (city)"): None,  # pilot 2018-2019; profile year not directly seen
}

# Facts entries that are not a national or local assessment, with why.
LEFT_OUT = {
    "Caribbean Community (regional)": "a regional user of the MGI, neither a country nor a "
    "local authority",
}

# Rows of additions C that name an assessment already in the catalogue.
SAME_AS = {
    ("local", "City of Accra"): "Accra",
    ("national", "Guatemala (second profile)"): "Guatemala",
}

# IOM's own pages of a profile: the portal's page for the place, the
# publication page. Other pages (news, lists, copies elsewhere) are sources.
_ADDRESS = re.compile(
    r"https?://(www\.)?migrationdataportal\.(org|com)(:443)?/(\w\w/)?(overviews|snapshots)/mgi/"
    r"|https://publications\.iom\.int/"
)
_URL = re.compile(r"https?://[^\s)]+")


class FactsError(Exception):
    """The facts are not what this script knows how to read."""


def _code(country: str) -> str:
    code = countries().code(country)
    if code is None:
        raise FactsError(f"{country!r} is not a country the bundled table knows")
    return code


def _entry(fact: dict[str, Any]) -> dict[str, Any]:
    """A catalogue entry from one entry of mgi-facts.json."""
    level = fact["level"]
    place = fact.get("place", fact["country"])
    key = (level, place)
    years = fact["years"]
    if key in CERTAIN_YEARS:
        year = CERTAIN_YEARS[key]
        if year is not None and year not in years:
            raise FactsError(f"{place}: {year} is not among the years {years}")
    elif fact.get("uncertain"):
        raise FactsError(f"{place}: marked uncertain: say which year is certain")
    elif len(years) > 1:
        raise FactsError(f"{place}: several years {years}: say which")
    else:
        year = years[0] if years else None
    sources = [fact["source"], *_URL.findall(fact.get("note", ""))]
    return {
        "place": place,
        "other_names": OTHER_NAMES.get(place, []),
        "kind": "country" if level == "national" else KINDS.get(place),
        "country": _code(fact["country"]),
        "country_name": "",  # from the country table, below
        "level": level,
        "year": year,
        "language": LANGUAGES.get(key),
        "follow_up": fact.get("follow_up", False),
        "addresses": [url for url in sources if _ADDRESS.match(url)],
        "sources": sources,
        "note": fact.get("note"),
        "profile": None,
    }


def _additions(text: str) -> list[dict[str, str]]:
    """The table of profiles in part C of the additions: place, country, level, address."""
    part = text.split("## C.", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in part.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[3].startswith("http"):
            rows.append(dict(zip(("place", "country", "level", "address"), cells, strict=True)))
    if not rows:
        raise FactsError("additions: no table of profiles in part C")
    return rows


def _villa_del_rosario(text: str) -> str:
    """The publication record of Villa del Rosario's profile, as a note."""
    found = re.search(r"Publication record: (.+?)\n\n", text, re.S)
    if found is None or "Villa del Rosario" not in found[1]:
        raise FactsError("additions: the publication record of Villa del Rosario is missing")
    return " ".join(found[1].split())


def _huehuetenango() -> dict[str, Any]:
    """The bundled profile's own entry: it is an assessment too."""
    document, _ = read_document("profiles", "huehuetenango-2024.json")
    place = document["place"]
    return {
        "place": place["name"],
        "other_names": ["Huehuetenango"],
        "kind": place["kind"],
        "country": place["country"],
        "country_name": "",
        "level": place["level"],
        "year": int(document["published"][:4]),
        "language": document["language"],
        "follow_up": False,
        "addresses": [],
        "sources": [document["source"]["description"]],
        "note": "bundled as the profile huehuetenango-2024 (published August 2024); "
        "the page address was not recorded",
        "profile": document["id"],
    }


def _published(counts: list[dict[str, Any]]) -> dict[str, Any]:
    (fact,) = [count for count in counts if count["value"] == PUBLISHED]
    found = re.fullmatch(r"(\d+) countries and (\d+) cities", fact["value"])
    year = re.match(r"(\d{4}) \((.+)\)$", fact["date"])
    if found is None or year is None:
        raise FactsError(f"headline count: cannot read {fact}")
    return {
        "countries": int(found[1]),
        "local": int(found[2]),
        "text": fact["value"],
        "year": int(year[1]),
        "cited_as": year[2],
        "source": fact["source"],
    }


def build(folder: Path) -> dict[str, Any]:
    """The packaged document, from the facts in ``folder``."""
    facts = json.loads((folder / "mgi-facts.json").read_text(encoding="utf-8"))
    additions = (folder / "mgi-facts-additions.md").read_text(encoding="utf-8")
    entries = [
        _entry(fact)
        for fact in facts["catalogue"]
        if fact.get("place", fact["country"]) not in LEFT_OUT
    ]
    by_place = {(entry["level"], entry["place"]): entry for entry in entries}
    for row in _additions(additions):
        key = (row["level"], row["place"])
        if key in SAME_AS:
            known = by_place[row["level"], SAME_AS[key]]
            known["addresses"].append(row["address"])
            known["sources"].append(row["address"])
            if "second profile" in row["place"]:
                known["follow_up"] = True
                known["note"] += "; the portal has a page of its second profile"
            continue
        if key in by_place:
            raise FactsError(f"additions: {row['place']} is already listed: add it to SAME_AS")
        entries.append(
            _entry(
                {
                    "level": row["level"],
                    "country": row["country"],
                    **({"place": row["place"]} if row["level"] == "local" else {}),
                    "years": [],
                    "source": row["address"],
                    "note": "portal page exists; year not found",
                }
            )
        )
    villa = by_place["local", "Villa del Rosario (Norte de Santander)"]
    villa["note"] = _villa_del_rosario(additions)
    entries.append(_huehuetenango())
    table = countries()
    for entry in entries:
        entry["country_name"] = table.name(entry["country"], "en")
        entry["sources"] = list(dict.fromkeys(entry["sources"]))
        entry["addresses"] = list(dict.fromkeys(entry["addresses"]))
    entries.sort(key=lambda e: (e["country"], e["level"] != "national", e["place"]))
    return {
        "about": (
            "Known MGI assessments, national and local: one entry per assessed place, with "
            "what the collected facts say of it (None where they say nothing). INCOMPLETE: "
            "it lists the assessments named in the facts, not every one IOM has carried "
            "out (see published). Generated by tools/make_assessments.py from copies of "
            "the facts kept in tests/fixtures/facts/; do not edit by hand."
        ),
        "published": _published(facts["headline_counts"]),
        "left_out": [f"{name}: {why}" for name, why in LEFT_OUT.items()],
        "assessments": entries,
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else FACTS
    try:
        document = build(folder)
    except FactsError as error:
        print(f"make_assessments: {error}", file=sys.stderr)
        return 1
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(document['assessments'])} assessments")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
