"""Generate ``src/mgi/data/sdg-results.json``: the official SDG 10.7.2 results.

The source material is a folder of files gathered from public sources, each
naming its origin (a copy is kept in ``tests/fixtures/sdg-10-7-2/``, which the
tests run this script against):

- ``owid-all-domains-2019-2021.csv``: the overall category per country and
  year (Our World in Data's export of the UN series SG_CPA_MIGRS, all domains);
- ``national-platforms.txt``: per-domain and overall categories quoted from
  national SDG reporting platforms;
- ``un-sdmx-nordics-2021.csv``: per-domain and overall categories of the five
  Nordic countries, 2021, from the UN SDG database;
- ``un-sdmx-regions-share-2021.csv``: SG_CPA_MIGRP, one percentage per area.

Each source's labels are read through an explicit table below (every label
must be known, every domain found once per country and year), country codes
are checked against the bundled ISO 3166-1 table, and a value given by two
sources is kept once with both sources. Two sources that disagree stop the
script: a disagreement is reported, never settled here.

Run it from the repository root (``pip install -e '.[dev]'`` first)::

    .venv/bin/python tools/make_sdg_results.py [SOURCE_FOLDER]

``SOURCE_FOLDER`` defaults to ``tests/fixtures/sdg-10-7-2``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mgi._data import countries

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "mgi" / "data" / "sdg-results.json"
SOURCE = ROOT / "tests" / "fixtures" / "sdg-10-7-2"

OVERALL = None  # the domain of an overall value (breakdown _T)

# The sources, as the packaged file describes them. "citation" is the line a
# source asks to be cited with, where it gives one.
SOURCES: list[dict[str, Any]] = [
    {
        "key": "owid",
        "name": "Our World in Data: SDG 10.7.2, all domains (UN series SG_CPA_MIGRS)",
        "origin": "Our World in Data grapher export 'facilitate-orderly-safe-migration', "
        "copied verbatim in github:CristianAndrei233/dashboard "
        "public/data/facilitate-orderly-safe-migration.csv "
        "@31ca5a369e910bab2fea2fd76b8bf48075e256c7",
        "address": "https://archive.ourworldindata.org/20260518-093348/grapher/"
        "facilitate-orderly-safe-migration.html",
        "citation": "United Nations – processed by Our World in Data",
        "note": "overall category only, 2019 and 2021 rounds; 2021 holds 88 of the about "
        "138 responding countries; no 2023 round",
    },
    {
        "key": "canada",
        "name": "Canada's SDG data platform (open-sdg), indicator 10.7.2",
        "origin": "github:sdg-data-canada-odd-donnees/sdg-data-donnees-odd "
        "data/indicator_10-7-2.csv @4eab5605b0258761f7d2492a3261a488e7c558dd",
    },
    {
        "key": "malta",
        "name": "Malta's SDG data platform (NSO Malta, open-sdg), indicator 10.7.2",
        "origin": "github:NSOMalta/sdgdata data/indicator_10-7-2.csv "
        "@76a7aed30eb8dba37a933146bbac444240c4de3c",
    },
    {
        "key": "armenia",
        "name": "Armenia's SDG data platform (Armstat, open-sdg), indicator 10.7.2",
        "origin": "github:armstat/sdg-data-armenia data/indicator_10-7-2.csv "
        "@59d9597171b04477bef6818f47b77ca64795c1c5",
        "note": "domains only: no overall value",
    },
    {
        "key": "bosnia",
        "name": "Bosnia and Herzegovina's SDG data platform (open-sdg), indicator 10.7.2",
        "origin": "github:sdgbih/sdg-data-bosnia data/indicator_10-7-2.csv "
        "@ddd89bd6c757d234e246604514c91b41de7e8af3",
    },
    {
        "key": "croatia",
        "name": "Croatian Bureau of Statistics SDG platform (open-sdg), indicator 10.7.2",
        "origin": "github:CroatianBureauOfStatistics/sdg-indicators "
        "data/indicator_10-7-2.csv @5218a08fcdfb222d91b093f3459f8f9a2258edb9",
        "note": "the year is labelled '2020/2021': it is the 2021 round of the Inquiry "
        "(the round the UN series publishes as 2021), and is kept as 2021",
    },
    {
        "key": "kyrgyzstan",
        "name": "Kyrgyzstan's SDG data platform (open-sdg), indicator 10.7.2",
        "origin": "github:sdg-kyrgyzstan/open-sdg-data-starter data/10-7-2.csv "
        "@3bcd3c695aad96247ff4cfc4b09cda10ed190b1f",
        "note": "Russian labels ('Общий' is the overall value)",
    },
    {
        "key": "kazakhstan",
        "name": "Kazakhstan's SDG data platform (Kazstat, open-sdg), indicator 10.7.2",
        "origin": "github:kazstat/sdg-data-kazstat data/indicator_10-7-2.csv "
        "@b36c3f9b2927c86a915a1a123d30464d2d2c0e48",
        "note": "overall only, with the 2023 round",
    },
    {
        "key": "papua-new-guinea",
        "name": "Papua New Guinea SDG data (png-data), indicator 10.7.2",
        "origin": "github:bitlab-abdullah/png-data data/indicator_10-7-2.csv",
        "note": "one value, the series 'all domains' (the overall value) for 2019; no "
        "per-domain values (the file read at commit "
        "f1913017ddf75a56393fe3ccfaf0b87e397b713a holds that one row)",
    },
    {
        "key": "un-sdmx-nordics",
        "name": "UN SDG database (SDMX DF_SDG_GLH 1.9, series SG_CPA_MIGRS), 2021 round, "
        "Denmark, Finland, Iceland, Norway, Sweden",
        "origin": "github:Qery-Data/SDG-Datatracker "
        "data/10_7_2_Migration_Policies_Nordics.csv "
        "@19da1b8b426e415c97749f688ac831e9dd20bd9f",
        "note": "extracted by a script querying the UN SDMX API (data.un.org, dataflow "
        "DF_SDG_GLH 1.9) for 2020-01-01 to 2021-01-01: the 2021 round",
    },
    {
        "key": "un-sdmx-regions",
        "name": "UN SDG database (SDMX DF_SDG_GLH 1.9, series SG_CPA_MIGRP), 2021, World "
        "and 8 SDG regions",
        "origin": "github:Qery-Data/SDG-Datatracker "
        "data/10_7_2_Migration_Policies_Share_World_SDG_Regions.csv "
        "@79e76855fb64bb389502b4f91bf53c905a337602",
        "note": "one percentage per area and year (breakdown _T): the proportion of "
        "countries with migration policies to facilitate orderly, safe, regular and "
        "responsible migration. World 62.3188 equals 86/138; that it is the share of "
        "responding countries that 'Meet' or 'Fully meet' is an inference, not stated "
        "in the source. 'Oceania*' is kept as published: the file does not say what "
        "the asterisk marks",
    },
]

SOURCE_FIELDS = ("key", "name", "origin", "address", "citation", "note")

# How each platform names the six domains (and the overall value), in the
# order 1-6 that every source follows.
CANADA = {
    "Total": OVERALL,
    "Migrant rights": 1,
    "Whole-of-government/evidence-based policies": 2,
    "Cooperation and partnerships": 3,
    "Socioeconomic well-being": 4,
    "Mobility dimensions of crises": 5,
    "Safe, orderly and regular migration": 6,
}
MALTA = {
    "All Domains": OVERALL,
    "Migrant rights (Domain 1)": 1,
    "Whole-of-government/ Evidence-based policies (Domain 2)": 2,
    "Cooperation and partnerships (Domain 3)": 3,
    "Socioeconomic well-being (Domain 4)": 4,
    "Mobility dimensions of crises (Domain 5)": 5,
    "Safe, Orderly and regular migration (Domain 6)": 6,
}
ARMENIA = {
    "Domain 1. Migrant rights": 1,
    "Domain 2. Whole of government/Evidence based policies": 2,
    "Domain 3. Cooperation and partnerships": 3,
    "Domain 4. Socioeconomic well being": 4,
    "Domain 5. Mobility dimensions of crises": 5,
    "Domain 6. Safe, orderly and regular migration": 6,
}
BOSNIA = {"ALLDOMAINS": OVERALL} | {f"DOMAIN{number}": number for number in range(1, 7)}
CROATIA = {
    "Ukupno": OVERALL,
    "Područje 1.Prava migranata": 1,
    "Područje 2.Politike na svim razinama uprave / Provjerene politike": 2,
    "Područje 3.Suradnja i partnerstvo": 3,
    "Područje 4.Socioekonomsko blagostanje": 4,
    "Područje 5.Opseg mobilnosti u kriznim situacijama ": 5,
    "Područje 6.Sigurne, uredne i zakonite migracije": 6,
}
CROATIA_YEARS = {"2020/2021": 2021}
KYRGYZSTAN = {
    "Общий": OVERALL,
    "Домен 1. Права мигрантов": 1,
    "Домен 2. Общегосударственная/ основанная на фактах политика": 2,
    "Домен 3. Сотрудничество и партнерство": 3,
    "Домен 4. Социально-экономическое благополучие": 4,
    "Домен 5. Мобильные измерения кризисов": 5,
    "Домен 6. Безопасная, упорядоченная и регулярная миграция": 6,
}
NORDICS = {
    "Overall": OVERALL,
    "Migrant rights": 1,
    "Whole-of-government/ Evidence-based policies": 2,
    "Cooperation and partnerships": 3,
    "Socioeconomic well-being": 4,
    "Mobility dimensions of crises": 5,
    "Safe, orderly and regular migration": 6,
}
# Names in the sources for countries the bundled table names otherwise.
OWID_NAMES = {"Micronesia (country)": "FSM", "Russia": "RUS", "Turkey": "TUR"}
OWID_NAMES |= {"Cape Verde": "CPV"}

# A value: (country, year, domain) -> (category, source key).
Value = tuple[str, int, int | None, int, str]


class SourceError(Exception):
    """The source material is not what this script knows how to read."""


def _category(text: str, where: str) -> int:
    """A category 1-4, written '3' or '3.0'."""
    match = re.fullmatch(r"([1-4])(?:\.0)?", text.strip())
    if match is None:
        raise SourceError(f"{where}: expected a category 1-4, got {text!r}")
    return int(match[1])


def _domain(labels: dict[str, int | None], label: str, where: str) -> int | None:
    if label not in labels:
        raise SourceError(f"{where}: unknown label {label!r}")
    return labels[label]


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def owid(folder: Path) -> Iterator[Value]:
    """The overall category per country and year."""
    rows = _csv((folder / "owid-all-domains-2019-2021.csv").read_text(encoding="utf-8"))
    header, *body = rows
    if header[:3] != ["Entity", "Code", "Year"] or "All Domains" not in header[3]:
        raise SourceError(f"owid: unexpected header {header}")
    table = countries()
    for number, (entity, code, year, value) in enumerate(body, 2):
        where = f"owid line {number}"
        named = table.code(entity) or OWID_NAMES.get(entity)
        if named != code:
            raise SourceError(f"{where}: {entity!r} is {named}, not {code}")
        yield code, int(year), OVERALL, _category(value, where), "owid"


def _blocks(folder: Path) -> dict[str, tuple[str, list[str]]]:
    """The quoted blocks of national-platforms.txt: repository -> (heading, lines)."""
    text = (folder / "national-platforms.txt").read_text(encoding="utf-8")
    blocks: dict[str, tuple[str, list[str]]] = {}
    for part in text.split("\n== ")[1:]:
        heading, *lines = part.split("\n")
        body = [line for line in lines if line.strip() and not line.startswith("NOT USABLE")]
        blocks[heading.split()[0]] = (heading, body)
    return blocks


def _long(lines: list[str], labels: dict[str, int | None], code: str, key: str) -> Iterator[Value]:
    """Rows of year, (other columns,) label, value."""
    header, *rows = _csv("\n".join(lines))
    if header[0] != "Year" or header[-1] != "Value":
        raise SourceError(f"{key}: unexpected header {header}")
    for number, row in enumerate(rows, 2):
        where = f"{key} row {number}"
        year, label, value = row[0], row[-2], row[-1]
        yield code, int(year), _domain(labels, label, where), _category(value, where), key


def platforms(folder: Path) -> Iterator[Value]:
    """The per-domain (and overall) categories of the national platforms."""
    blocks = _blocks(folder)
    expected = {
        "sdg-data-canada-odd-donnees/sdg-data-donnees-odd",
        "NSOMalta/sdgdata",
        "armstat/sdg-data-armenia",
        "sdgbih/sdg-data-bosnia",
        "CroatianBureauOfStatistics/sdg-indicators",
        "sdg-kyrgyzstan/open-sdg-data-starter",
        "kazstat/sdg-data-kazstat",
        "bitlab-abdullah/png-data",
    }
    if set(blocks) != expected:
        raise SourceError(f"national platforms: expected {sorted(expected)}, got {sorted(blocks)}")
    yield from _long(
        blocks["sdg-data-canada-odd-donnees/sdg-data-donnees-odd"][1], CANADA, "CAN", "canada"
    )
    yield from _long(blocks["NSOMalta/sdgdata"][1], MALTA, "MLT", "malta")
    yield from _long(blocks["armstat/sdg-data-armenia"][1], ARMENIA, "ARM", "armenia")
    yield from _long(blocks["sdgbih/sdg-data-bosnia"][1], BOSNIA, "BIH", "bosnia")
    yield from _croatia(blocks["CroatianBureauOfStatistics/sdg-indicators"][1])
    yield from _kyrgyzstan(*blocks["sdg-kyrgyzstan/open-sdg-data-starter"])
    header, *rows = _csv("\n".join(blocks["kazstat/sdg-data-kazstat"][1]))
    if header != ["Year", "Value"]:
        raise SourceError(f"kazakhstan: unexpected header {header}")
    for number, (year, value) in enumerate(rows, 2):
        yield "KAZ", int(year), OVERALL, _category(value, f"kazakhstan row {number}"), "kazakhstan"
    heading = blocks["bitlab-abdullah/png-data"][0]
    found = re.search(r"\(Papua New Guinea\), (\d{4}) all domains = (\d)$", heading)
    if found is None:
        raise SourceError(f"papua-new-guinea: unexpected heading {heading!r}")
    yield (
        "PNG",
        int(found[1]),
        OVERALL,
        _category(found[2], "papua-new-guinea"),
        "papua-new-guinea",
    )


def _croatia(lines: list[str]) -> Iterator[Value]:
    header, *rows = _csv("\n".join(lines))
    if header[0] != "Godina":
        raise SourceError(f"croatia: unexpected header {header}")
    for row in rows:
        if row[0] not in CROATIA_YEARS:
            raise SourceError(f"croatia: unknown year {row[0]!r}")
        for label, value in zip(header[1:], row[1:], strict=True):
            domain = _domain(CROATIA, label, "croatia")
            yield "HRV", CROATIA_YEARS[row[0]], domain, _category(value, "croatia"), "croatia"


def _kyrgyzstan(heading: str, lines: list[str]) -> Iterator[Value]:
    found = re.search(r"Russian labels, (\d{4}):$", heading)
    if found is None or len(lines) != 1:
        raise SourceError(f"kyrgyzstan: unexpected block {heading!r}")
    for item in lines[0].split("; "):
        label, value = item.rsplit(" ", 1)
        domain = _domain(KYRGYZSTAN, label, "kyrgyzstan")
        yield "KGZ", int(found[1]), domain, _category(value, "kyrgyzstan"), "kyrgyzstan"


def _uncommented(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return _csv("\n".join(line for line in lines if not line.startswith("#")))


def nordics(folder: Path) -> Iterator[Value]:
    """The 2021 round of the five Nordic countries, by domain and overall."""
    header, *rows = _uncommented(folder / "un-sdmx-nordics-2021.csv")
    if header[0] != "COMPOSITE_BREAKDOWN":
        raise SourceError(f"nordics: unexpected header {header}")
    codes = [countries().code(name) for name in header[1:]]
    if None in codes:
        raise SourceError(f"nordics: unknown country in {header[1:]}")
    for row in rows:
        domain = _domain(NORDICS, row[0], "nordics")
        for code, value in zip(codes, row[1:], strict=True):
            assert code is not None
            yield code, 2021, domain, _category(value, f"nordics {row[0]}"), "un-sdmx-nordics"


def shares(folder: Path) -> list[dict[str, Any]]:
    """SG_CPA_MIGRP: one percentage per area, for each year given."""
    header, *rows = _uncommented(folder / "un-sdmx-regions-share-2021.csv")
    if header[0] != "TIME_PERIOD":
        raise SourceError(f"shares: unexpected header {header}")
    found = []
    for row in rows:
        for area, value in zip(header[1:], row[1:], strict=True):
            percent = float(value)
            if not 0 <= percent <= 100:
                raise SourceError(f"shares: {area}: {value} is not a percentage")
            found.append(
                {
                    "area": area,
                    "year": int(row[0]),
                    "percent": percent,
                    "source": "un-sdmx-regions",
                }
            )
    return found


def merged(values: list[Value]) -> list[dict[str, Any]]:
    """One result per country, year and domain, with every source that gives
    it; a second value that differs stops the script."""
    results: dict[tuple[str, int, int | None], dict[str, Any]] = {}
    disagreements = []
    table = countries()
    for code, year, domain, category, source in values:
        key = (code, year, domain)
        if key not in results:
            name = table.name(code, "en")
            if name is None:
                raise SourceError(f"{source}: {code} is not an ISO 3166-1 alpha-3 code")
            results[key] = {
                "country": code,
                "country_name": name,
                "year": year,
                "domain": domain,
                "category": category,
                "sources": [source],
            }
        elif results[key]["category"] != category:
            first = results[key]
            disagreements.append(
                f"{code} {year} {'overall' if domain is None else f'domain {domain}'}: "
                f"{first['sources']} give {first['category']}, {source} gives {category}"
            )
        elif source in results[key]["sources"]:
            raise SourceError(f"{source} gives {key} twice")
        else:
            results[key]["sources"].append(source)
    if disagreements:
        raise SourceError("sources disagree:\n  " + "\n  ".join(disagreements))
    return sorted(results.values(), key=_order)


def _order(result: dict[str, Any]) -> tuple[str, int, int]:
    return result["country"], result["year"], result["domain"] or 0


def _check_complete(results: list[dict[str, Any]]) -> None:
    """Every country and year given by domain has all six domains."""
    domains: dict[tuple[str, int], list[int]] = {}
    for result in results:
        if result["domain"] is not None:
            domains.setdefault((result["country"], result["year"]), []).append(result["domain"])
    for (code, year), found in domains.items():
        if sorted(found) != [1, 2, 3, 4, 5, 6]:
            raise SourceError(f"{code} {year}: domains {sorted(found)}, expected 1-6")


def build(folder: Path) -> dict[str, Any]:
    """The packaged document, from the source files in ``folder``."""
    values = [*owid(folder), *platforms(folder), *nordics(folder)]
    results = merged(values)
    _check_complete(results)
    used = {source for result in results for source in result["sources"]} | {"un-sdmx-regions"}
    return {
        "about": (
            "The official SDG 10.7.2 results: one category (1 Requires further progress, "
            "2 Partially meets, 3 Meets, 4 Fully meets; UN series SG_CPA_MIGRS) per country, "
            "round year and domain (null: the overall value, breakdown _T), each with every "
            "source that gives it; and the regional percentages of SG_CPA_MIGRP. Generated "
            "by tools/make_sdg_results.py from copies of the source files kept in "
            "tests/fixtures/sdg-10-7-2/; do not edit by hand."
        ),
        "sources": [
            {field: source.get(field) for field in SOURCE_FIELDS}
            for source in SOURCES
            if source["key"] in used
        ],
        "aliases": _aliases(),
        "results": results,
        "shares": shares(folder),
    }


def _aliases() -> dict[str, list[str]]:
    """Names the sources give to countries that the bundled table does not know."""
    found: dict[str, list[str]] = {}
    for name, code in sorted(OWID_NAMES.items()):
        found.setdefault(code, []).append(name)
    return dict(sorted(found.items()))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SOURCE
    try:
        document = build(folder)
    except SourceError as error:
        print(f"make_sdg_results: {error}", file=sys.stderr)
        return 1
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(document['results'])} results, {len(document['shares'])} shares")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
