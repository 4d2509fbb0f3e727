"""The ``mgi`` command: the library at the shell.

Each command is one function decorated with :func:`command`: it adds its
sub-parser and sets ``run``, the function that returns the command's
standard output.  Errors are printed to stderr as one line, with exit status
1 (2 for a command line that cannot be understood, or none at all).  Output
is plain text, with ``\n`` line ends, when it goes to a pipe or a file; in a
terminal, titles and headings are bold unless ``NO_COLOR`` is set.

``-o FILE`` writes as the library does (a regular file whole or not at
all, a link followed, a device or FIFO as a stream, ``-`` to standard
output, never over an input); its extension gives the format where
``--format`` does not, and the two must agree.  Every input is read with a
size limit while it is read (``--max-size``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

import mgi
from mgi import views
from mgi._files import read_bytes, write_text
from mgi._formats import FORMATS
from mgi.documents import MAX_FILE_SIZE
from mgi.errors import DataError, MGIError, NotFoundError, Problem

if TYPE_CHECKING:
    from typing import TypeAlias

    from mgi.taxonomy import LevelName

    Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"

__all__ = ["command", "main"]

_COMMANDS: list[Callable[[Commands], None]] = []


def command(add: Callable[[Commands], None]) -> Callable[[Commands], None]:
    """Register a command, in the order ``mgi --help`` lists them."""
    _COMMANDS.append(add)
    return add


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"mgi: error: {message} (see '{self.prog} --help')\n")


def _tty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _terminal() -> bool:
    return _tty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _bold(text: str) -> str:
    return f"\x1b[1m{text}\x1b[0m"


def _width() -> int:
    if _tty():
        return max(40, min(os.get_terminal_size(sys.stdout.fileno()).columns, 100) - 1)
    return 88


@command
def _domains(commands: Commands) -> None:
    parser = commands.add_parser(
        "domains",
        help="list the six domains with their descriptions",
        description="The six MGI domains, each with its name and the description of what "
        "its indicators assess in a country (national) or a city (local).",
    )
    parser.add_argument(
        "--lang",
        default="en",
        metavar="TAG",
        help="language of the names: a tag such as es or es-GT, in any case (default: en)",
    )
    parser.add_argument(
        "--level",
        choices=["national", "local", "city"],
        default="national",
        help="which description: national, or local (city) (default: %(default)s)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text, or JSON with the language each name and description is in",
    )

    def run(args: argparse.Namespace) -> str:
        domains = mgi.domains.values()
        known = sorted({name.language for domain in domains for name in domain.names})
        language = _language(args.lang, known)
        if language not in known:
            raise MGIError(f"no domain names in {args.lang!r}; known: {', '.join(known)}")
        if args.format == "json":
            return _domains_json(domains, language, args.level)
        shown = [views.domain_text(domain, args.level, _width(), language) for domain in domains]
        return _language_note(args.lang, language, domains) + "\n".join(shown)

    parser.set_defaults(run=run)


def _language(given: str, known: Sequence[str]) -> str:
    """The language code a ``--lang`` tag names (``ES``, ``es-GT``, ``spa``,
    ``Spanish``), or an error suggesting close names or the ``known`` codes."""
    from mgi._data import languages

    found = languages().lookup(given)
    if found is None:
        raise NotFoundError("language", given, languages().suggest(given) or known)
    return found


def _language_name(code: str) -> str:
    """'German (de)': a language as the shell names it."""
    from mgi._data import languages

    name = languages().name(code)
    return f"{name} ({code})" if name else code


def _language_note(given: str, language: str, domains: Sequence[mgi.Domain]) -> str:
    """What ``mgi domains`` says first where the names are not all English:
    the language read from the tag, and the fallbacks."""
    if language == "en":
        return ""
    note = f"Names in {_language_name(language)}"
    note += "" if given == language else f" (read from {given!r})"
    if any(domain.name_in(language) is None for domain in domains):
        note += "; [en] marks the English name where none in that language is known"
    note += "; descriptions in English, the only language the data has them in."
    return textwrap.fill(note, _width()) + "\n\n"


def _domains_json(domains: Sequence[mgi.Domain], language: str, level: LevelName) -> str:
    """The domains as JSON, each name and description with its language."""
    rows = []
    for domain in domains:
        name = domain.name_for(language)
        rows.append(
            {
                "number": domain.number,
                "slug": domain.slug,
                "name": name.text,
                "name_language": name.language,
                "description": domain.description(level),
                "description_language": "en",
                "level": "national" if level == "national" else "local",
            }
        )
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


@command
def _show(commands: Commands) -> None:
    parser = commands.add_parser(
        "show",
        help="print a profile, bundled or your own",
        description="Print a profile as text, Markdown or JSON, or draw its wheel of the six "
        "domains as SVG: a bundled profile by its id, or your own from a file (JSON, JSON "
        "Lines or copied page text), or by its id among the profiles of --profiles.",
    )
    parser.add_argument(
        "id",
        nargs="?",
        metavar="ID|FILE",
        help="a profile id, or a file holding one profile: anything with a '/' or a '.' is "
        "a file name, - is standard input (default: huehuetenango-2024)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown", "json", "svg"],
        help="text, Markdown, the JSON document, or the SVG wheel (default: from the "
        "extension of -o, else text)",
    )
    _output_option(parser)
    _profiles_option(parser)

    def run(args: argparse.Namespace) -> str:
        profile = _one_profile(args.id, args.profiles, args.max_size)
        chosen = _format(args, _SHOW_FORMATS, "text")
        inputs = [*(args.profiles or ()), *([args.id] if args.id else [])]
        if chosen == "json":
            return _output(mgi.dumps_profile(profile), args.output, inputs)
        if chosen == "markdown":
            return _output(views.profile_markdown(profile, mgi.domains), args.output, inputs)
        if chosen == "svg":
            return _output(profile.wheel_svg() + "\n", args.output, inputs)
        if args.output is not None:
            return _output(views.profile_text(profile, mgi.domains), args.output, inputs)
        emphasis = _bold if _terminal() else str
        return views.profile_text(profile, mgi.domains, width=_width(), emphasis=emphasis)

    parser.set_defaults(run=run)


_SHOW_FORMATS = {".txt": "text", ".md": "markdown", ".json": "json", ".svg": "svg"}


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead (- for standard output)"
    )


def _format(args: argparse.Namespace, formats: dict[str, str], default: str) -> str:
    """The output format: ``--format``, else the one the extension of ``-o``
    names, else ``default``; an extension that names another format is refused."""
    extension = os.path.splitext(args.output or "")[1].lower()
    implied = formats.get(extension) or _UNWRITABLE.get(extension)
    if extension not in formats and extension in _UNWRITABLE and args.format is None:
        raise MGIError(f"{args.output}: cannot write {implied} here; use one of {_names(formats)}")
    if args.format and implied and args.format != implied:
        raise MGIError(
            f"--format {args.format} does not match the extension of {args.output} ({implied})"
        )
    return str(args.format or implied or default)


# Extensions people use for formats a command does not write: refused rather
# than filled with another format.
_UNWRITABLE = {".xlsx": "xlsx", ".xls": "xls", ".html": "html", ".pdf": "pdf"}


def _names(formats: dict[str, str]) -> str:
    return ", ".join(f"{extension} ({name})" for extension, name in formats.items())


def _output(text: str, path: str | None, inputs: Sequence[str] = ()) -> str:
    """``text`` for standard output, or written to ``path`` (see the module
    docstring); never over one of ``inputs``."""
    if path is None:
        return text
    write_text(path, text, inputs)
    return ""


@command
def _parse(commands: Commands) -> None:
    parser = commands.add_parser(
        "parse",
        help="read copied profile page text into profile JSON",
        description="Read the text of an MGI profile page, as copied from the web page, "
        "and print the profile as JSON (the form 'mgi show --format json' prints). "
        "Options give what the page lacks or gets wrong; they win over the page.",
    )
    parser.add_argument("file", metavar="FILE", help="the page text (UTF-8), or - for stdin")
    parser.add_argument(
        "-o", "--output", metavar="OUT.json", help="write the JSON to a file (- for stdout)"
    )
    parser.add_argument("--lang", metavar="CODE", help="the page's language, e.g. es")
    parser.add_argument(
        "--level", choices=["national", "local", "city"], help="the profile's level (city: local)"
    )
    parser.add_argument("--country", help="ISO 3166-1 alpha-3 code or name of the country")
    parser.add_argument("--published", metavar="YYYY-MM", help="publication year and month")
    parser.add_argument("--id", help="the profile id (default: from place name and year)")
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="stop at a heading that names no domain, a finding before any label, a "
        "domain given twice or missing (default); with --no-strict, warn and go on",
    )

    def run(args: argparse.Namespace) -> str:
        from mgi.parse import ParseResult

        name = "<stdin>" if args.file == "-" else args.file
        parsed = mgi.parse_profile(
            _read(args.file, args.max_size or _READ_LIMIT),
            language=args.lang,
            level=args.level,
            country=args.country,
            published=args.published,
            id=args.id,
            filename=name,
            strict=args.strict,
        )
        profile = parsed.profile if isinstance(parsed, ParseResult) else parsed
        if isinstance(parsed, ParseResult):
            for warning in parsed.warnings:
                print(f"mgi: warning: {name}: {warning}", file=sys.stderr)
        return _output(mgi.dumps_profile(profile), args.output, [args.file])

    parser.set_defaults(run=run)


@command
def _sdg(commands: Commands) -> None:
    """``mgi sdg`` lists SDG indicator 10.7.2; ``mgi sdg score FILE`` scores responses."""
    sdg = commands.add_parser(
        "sdg", help="SDG indicator 10.7.2: its structure, scoring, official results"
    )
    sdg.set_defaults(run=_sdg_structure)
    actions = sdg.add_subparsers(dest="sdg_action", metavar="ACTION")
    score = actions.add_parser(
        "score",
        help="score responses from a JSON or CSV file",
        description="Score SDG 10.7.2 responses: a .json object mapping sub-category keys "
        "('1a' ... '6e') to responses, or a .csv file with the columns subcategory,response.",
    )
    score.add_argument("file", help="a .json or .csv file of responses")
    score.add_argument(
        "--partial", action="store_true", help="score an incomplete set, missing ones as 0"
    )
    score.add_argument("--format", choices=["text", "json", "csv"], default="text")
    score.set_defaults(run=_sdg_score)
    _sdg_official(actions)


def _profiles_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profiles",
        action="append",
        metavar="PATH",
        help="use these profiles instead of the bundled ones: a folder of .json and .jsonl "
        "files, or a file of JSON, JSON Lines or copied page text (repeat for several)",
    )


def _profiles(args: argparse.Namespace) -> mgi.Profiles:
    return _profiles_from(args.profiles, args.max_size) if args.profiles else mgi.profiles


def _profiles_from(paths: Sequence[str], max_size: int | None = None) -> mgi.Profiles:
    """The profiles of files and folders named at the shell, read alike by
    every command: a folder or a JSON Lines file as :func:`mgi.load_profiles`
    reads it, another file as ``mgi check`` does (JSON or page text, by its
    name or content)."""
    pairs: list[tuple[mgi.Profile, str]] = []
    for path in paths:
        if path != "-" and (Path(path).is_dir() or _is_json_lines(path)):
            found = mgi.load_profiles(path, max_size=max_size or MAX_FILE_SIZE)
            pairs += [(profile, found.source_of(profile.id)) for profile in found]
        else:
            pairs += _profiles_in_file(path, max_size or _READ_LIMIT)
    return mgi.Profiles._with_sources(pairs)


def _is_json_lines(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in (".jsonl", ".ndjson")


def _profiles_in_file(file: str, limit: int) -> list[tuple[mgi.Profile, str]]:
    from mgi._jsonio import decode_text
    from mgi.documents import document_kind

    name = "<stdin>" if file == "-" else file
    data = _read(file, limit)
    kind = document_kind(name, data)
    if kind == "jsonl":
        return [(profile, name) for profile in mgi.loads_profiles(data, name)]
    if kind == "json":
        return [(mgi.loads_profile(data, name), name)]
    return [(mgi.parse_profile(decode_text(data, name), filename=name), name)]


def _one_profile(
    key: str | None, paths: Sequence[str] | None, max_size: int | None = None
) -> mgi.Profile:
    """The profile ``mgi show`` names: an id, looked up in the bundled
    profiles or those of ``--profiles``, or a file holding one profile."""
    if key is not None and (key == "-" or re.search(r"[./\\]", key)):
        found = _profiles_from([key], max_size)
        if len(found) != 1:
            raise MGIError(
                f"{key} holds {len(found)} profiles: name one with --profiles {key} ID "
                f"(mgi list --profiles {key} lists them)"
            )
        return found[0]
    profiles = _profiles_from(paths, max_size) if paths else mgi.profiles
    if key is None and paths:
        if len(profiles) != 1:
            raise MGIError(f"{len(profiles)} profiles given: name one by its id")
        return profiles[0]
    return profiles[key or "huehuetenango-2024"]


@command
def _list(commands: Commands) -> None:
    parser = commands.add_parser(
        "list",
        help="list the profiles: ids and titles",
        description="List the bundled profiles, or those of --profiles: one a line, the id "
        "then the title.",
    )
    _profiles_option(parser)

    def run(args: argparse.Namespace) -> str:
        profiles = _profiles(args)
        width = max((len(profile.id) for profile in profiles), default=0)
        return "".join(f"{profile.id:<{width}}  {profile.title}\n" for profile in profiles)

    parser.set_defaults(run=run)


@command
def _search(commands: Commands) -> None:
    parser = commands.add_parser(
        "search",
        help="search findings across profiles, ignoring case and accents",
        description="Search the profiles' findings, titles and introductions, best first. "
        "Every word must appear, as a word or the beginning of one ('migra' finds "
        "'migrantes', 'agua' does not find 'Nicaragua'); words in double quotes must "
        "appear together, as whole words. Put -- before words that begin with a "
        "dash: mgi search -- -migra.",
    )
    parser.add_argument("text", help="the words to look for")
    parser.add_argument("--domain", help="only findings of this domain (number, slug or name)")
    parser.add_argument("--kind", choices=["well_developed", "potential"], help="only this kind")
    parser.add_argument(
        "--country", help="only profiles of this country (ISO code, alpha-3 or alpha-2, or name)"
    )
    parser.add_argument(
        "--level", choices=["national", "local", "city"], help="only this level (city: local)"
    )
    parser.add_argument("--lang", metavar="TAG", help="only profiles in this language, e.g. es")
    parser.add_argument("--year", metavar="YYYY", help="only profiles published this year")
    parser.add_argument(
        "--limit", type=_positive, metavar="N", help="print the first N hits only (N ≥ 1)"
    )
    _profiles_option(parser)

    def run(args: argparse.Namespace) -> str:
        hits = _profiles(args).search(
            args.text,
            domain=args.domain,
            kind=args.kind,
            country=args.country,
            level=args.level,
            language=args.lang,
            year=args.year,
            limit=args.limit,
        )
        if not hits:
            said = views.searched_languages(hits, _language_name)
            return f"no matches for {args.text!r}. {said}\n"
        emphasis = _bold if _terminal() else str
        blocks = []
        for hit in hits:
            text, done = "", 0
            for start, end in hit.spans:  # the matches in bold, in a terminal
                text += hit.text[done:start] + emphasis(hit.text[start:end])
                done = end
            body = textwrap.indent(_wrapped(text + hit.text[done:]), "  ")
            blocks.append(f"{hit.profile.id}: {hit.location}\n{body}\n")
        return "\n".join(blocks)

    parser.set_defaults(run=run)


_MARKS = re.compile("\x1b\\[[0-9;]*m")


def _wrapped(text: str) -> str:
    """``text`` wrapped to the output's width less an indent, not counting
    the terminal's bold marks as characters."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(_MARKS.sub("", lines[-1] + " " + word)) <= _width() - 2:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


@command
def _export(commands: Commands) -> None:
    parser = commands.add_parser(
        "export",
        help="every finding as a tidy row, in CSV or JSON",
        description="Export one row per finding (profile id, place, kind of place, level, "
        "country code and name, language, year, month, domain number and slug, kind, "
        "position, text), or with --summary the number of findings of each kind per "
        "profile and domain.",
    )
    parser.add_argument(
        "--format",
        choices=["csv", "json"],
        help="CSV (\\n line ends) or JSON (default: from the extension of -o, else csv; "
        "-o FILE.xlsx writes an Excel workbook)",
    )
    _output_option(parser)
    parser.add_argument(
        "--bom",
        action="store_true",
        help="start the CSV with a byte-order mark, so that Excel reads its accents right",
    )
    parser.add_argument(
        "--summary", action="store_true", help="counts per profile and domain instead"
    )
    parser.add_argument("--wide", action="store_true", help="with --summary: one row per profile")
    _profiles_option(parser)

    def run(args: argparse.Namespace) -> str:
        if args.wide and not args.summary:
            raise MGIError("--wide goes with --summary: the findings table has one form")
        chosen = _format(args, {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}, "csv")
        profiles = _profiles(args)
        if args.summary:
            table = mgi.summary_table(profiles, wide=args.wide)
        else:
            table = mgi.findings_table(profiles)
        if chosen == "xlsx":
            mgi.export.write_xlsx(table, args.output, args.profiles or ())
            return ""
        if chosen == "json":
            text = table.to_json()
        else:
            text = table.to_csv(encoding="utf-8-sig" if args.bom else "utf-8")
        return _output(text, args.output, args.profiles or ())

    parser.set_defaults(run=run)


def _sdg_structure(args: argparse.Namespace) -> str:

    return views.sdg_text(mgi.sdg.indicator)


def _sdg_score(args: argparse.Namespace) -> str:
    limit = args.max_size or mgi.sdg.MAX_RESPONSES_SIZE
    result = mgi.sdg.score(mgi.sdg.load_responses(args.file, max_size=limit), partial=True)
    if result.missing and not args.partial:
        keys = ", ".join(item.key for item in result.missing)
        raise MGIError(
            f"{args.file}: missing responses for {len(result.missing)} sub-categories: {keys} "
            "(--partial scores them as 0)"
        )
    if args.format == "json":
        document = {
            "values": result.rows(),
            "answers": result.answer_rows(),
            "missing": [item.key for item in result.missing],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.format == "csv":
        rows = result.rows()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    return views.score_text(result)


def _sdg_official(actions: Commands) -> None:
    """``mgi sdg results``, ``mgi sdg shares`` and ``mgi sdg compare``: the official results."""
    results = actions.add_parser(
        "results",
        help="the official SDG 10.7.2 results by country, year and domain",
        description="The official SDG 10.7.2 categories (1 Requires further progress, "
        "2 Partially meets, 3 Meets, 4 Fully meets) by country, round year and domain, with "
        "their sources. Text shows a line per country and year; CSV and JSON a row per "
        "result (or, with --wide, per country and year).",
    )
    results.add_argument("--country", help="a country: ISO 3166-1 alpha-3 code or name")
    results.add_argument("--year", type=int, help="a round year, e.g. 2021")
    results.add_argument(
        "--domain", help="a domain (number, slug or name), or 'overall' for the overall values"
    )
    results.add_argument("--category", help="a category: 1-4 or its label, e.g. 'meets'")
    results.add_argument(
        "--latest", action="store_true", help="only each country's latest round with results"
    )
    results.add_argument(
        "--wide", action="store_true", help="CSV and JSON: one row per country and year"
    )
    _table_format_option(results)
    _output_option(results)
    results.set_defaults(run=_sdg_results)
    shares = actions.add_parser(
        "shares",
        help="the regional percentages of SG_CPA_MIGRP",
        description="Series SG_CPA_MIGRP: for the world and each SDG region, the percentage "
        "of countries with migration policies that facilitate orderly, safe, regular and "
        "responsible migration, as published.",
    )
    shares.add_argument("--format", choices=["text", "csv", "json"], default="text")
    shares.set_defaults(run=_sdg_shares)
    compare = actions.add_parser(
        "compare",
        help="score responses and compare them with a country's official results",
        description="Score SDG 10.7.2 responses (as 'mgi sdg score' reads them) and set "
        "each category beside the country's official one for the same round.",
    )
    compare.add_argument("file", help="a .json or .csv file of responses")
    compare.add_argument("country", help="the country: ISO 3166-1 alpha-3 code or name")
    compare.add_argument("--year", type=int, help="the round (default: the latest with results)")
    compare.add_argument(
        "--partial", action="store_true", help="score an incomplete set, missing ones as 0"
    )
    compare.add_argument("--format", choices=["text", "csv", "json"], default="text")
    compare.set_defaults(run=_sdg_compare)


_TABLE_FORMATS = {".txt": "text", ".csv": "csv", ".json": "json"}


def _table_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["text", "csv", "json"],
        help="text, CSV or JSON (default: from the extension of -o, else text)",
    )


def _sdg_results(args: argparse.Namespace) -> str:
    args.format = _format(args, _TABLE_FORMATS, "text")
    results = mgi.sdg.results.filter(
        country=args.country, year=args.year, domain=args.domain, category=args.category
    )
    if args.latest:
        results = results.latest_rounds()
    if args.format == "text":
        text = views.results_text(results, mgi.sdg.indicator.domains, _width())
    else:
        table = results.table(wide=args.wide)
        text = table.to_csv() if args.format == "csv" else table.to_json()
    return _output(text, args.output)


def _sdg_shares(args: argparse.Namespace) -> str:
    table = mgi.sdg.shares.table()
    if args.format == "csv":
        return table.to_csv()
    if args.format == "json":
        return table.to_json()
    lines = ["SG_CPA_MIGRP: percentage of countries, by area", ""]
    lines += [f"{item.area:<36} {item.year}  {item.percent:>8.4f}" for item in mgi.sdg.shares]
    source = mgi.sdg.shares[0].source if mgi.sdg.shares else None
    if source is not None:
        lines += ["", f"Source: {source.name}"]
    return "\n".join(lines) + "\n"


def _sdg_compare(args: argparse.Namespace) -> str:
    result = mgi.sdg.score(mgi.sdg.load_responses(args.file), partial=True)
    if result.missing and not args.partial:
        raise MGIError(
            f"{args.file}: missing responses for {len(result.missing)} sub-categories "
            "(--partial scores them as 0)"
        )
    comparison = result.compare(args.country, args.year)
    table = comparison.table()
    if args.format == "csv":
        return table.to_csv()
    if args.format == "json":
        return table.to_json()
    return views.comparison_text(comparison, mgi.sdg.indicator.domains)


@command
def _assessments(commands: Commands) -> None:
    parser = commands.add_parser(
        "assessments",
        help="known MGI assessments (an incomplete catalogue)",
        description="The national and local MGI assessments named in the facts collected "
        "for mgi: place, country, level, and the year, kind of place and language where "
        "known. The catalogue is incomplete: the first line says how many it lists against "
        "the number IOM publishes (with CSV, on standard error).",
    )
    parser.add_argument("--country", help="a country: ISO 3166-1 alpha-3 code or name")
    parser.add_argument(
        "--level", choices=["national", "local", "city"], help="only this level (city: local)"
    )
    parser.add_argument("--year", type=int, help="only assessments of this known year")
    _table_format_option(parser)
    _output_option(parser)

    def run(args: argparse.Namespace) -> str:
        found = mgi.assessments.filter(country=args.country, level=args.level, year=args.year)
        args.format = _format(args, _TABLE_FORMATS, "text")
        if args.format == "text":
            return _output(views.assessments_text(found, _width()), args.output)
        table = found.table()
        if args.format == "csv":
            print(f"mgi: note: {found.notice}", file=sys.stderr)
            return _output(table.to_csv(), args.output)
        from mgi._convert import unstructure

        document = {
            "notice": found.notice,
            "published": unstructure(found.published),
            "assessments": table.to_records(),
        }
        return _output(json.dumps(document, ensure_ascii=False, indent=1) + "\n", args.output)

    parser.set_defaults(run=run)


@command
def _provenance(commands: Commands) -> None:
    parser = commands.add_parser(
        "provenance",
        help="where the bundled data comes from, and its version",
        description="The data version and, part by part, the sources of the bundled data "
        "and what was looked for and not found.",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")

    def run(args: argparse.Namespace) -> str:
        from mgi._convert import unstructure

        info = mgi.provenance()
        if args.format == "json":
            return json.dumps(unstructure(info), ensure_ascii=False, indent=1) + "\n"
        return views.provenance_text(info, _width())

    parser.set_defaults(run=run)


@command
def _check(commands: Commands) -> None:
    parser = commands.add_parser(
        "check",
        help="validate profile files: JSON, JSON Lines, copied page text",
        description="Check profile files and print every problem in every file, one line "
        "each: FILE:LINE or FILE:PATH, then what is wrong. A .json file holds one profile, "
        "a .jsonl or .ndjson file one profile a line, a .txt file the text of a profile "
        "page as copied; other files are told by their content. The exit status is 0 "
        "only when every file passes.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a profile file, or - for stdin")

    def run(args: argparse.Namespace) -> str:
        lines: list[str] = []
        failed = problems = 0
        for file in args.files:
            name, count, found = _check_file(file, args.max_size or _READ_LIMIT)
            lines += [_located(name, problem) for problem in found]
            if found:
                failed, problems = failed + 1, problems + len(found)
            else:
                lines.append(f"{name}: ok, {count} profile{'' if count == 1 else 's'}")
        output = "".join(line + "\n" for line in lines)
        if failed:
            summary = f"{problems} problem{'' if problems == 1 else 's'} in {failed} of "
            raise _Failed(output, summary + f"{len(args.files)} files")
        return output

    parser.set_defaults(run=run)


@command
def _schema(commands: Commands) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of a document format",
        description="Print the JSON Schema (draft 2020-12) of a profile document or of an "
        "SDG 10.7.2 responses file, for validators and editors in any language.",
    )
    parser.add_argument("name", choices=list(FORMATS), help="the format: profile or responses")
    _output_option(parser)

    def run(args: argparse.Namespace) -> str:
        text = json.dumps(mgi.schema(args.name), ensure_ascii=False, indent=2) + "\n"
        return _output(text, args.output)

    parser.set_defaults(run=run)


def _check_file(file: str, limit: int) -> tuple[str, int, tuple[Problem, ...]]:
    """The file's name, how many profiles it holds and its problems."""
    from mgi._jsonio import decode_text
    from mgi.documents import document_kind, document_problems
    from mgi.parse import page_problems

    name = "<stdin>" if file == "-" else file
    try:
        data = _read(file, limit)
    except MGIError as error:
        return name, 0, (Problem("", str(error).removeprefix(f"{name}: ")),)
    kind = document_kind(name, data)
    if kind != "text":
        return name, *document_problems(data, name, kind)
    try:
        text = decode_text(data, name)
    except DataError as error:
        return name, 0, error.problems
    problems = page_problems(text, name)
    return name, (0 if problems else 1), problems


def _located(name: str, problem: Problem) -> str:
    """``FILE:LINE[:COLUMN][:PATH]: message`` or ``FILE:PATH: message``."""
    where = problem.location
    found = re.fullmatch(r"line (\d+)(?:, column (\d+))?(?:, (.+))?", where)
    if found:
        where = ":".join(part for part in found.groups() if part)
    return f"{name}:{where}: {problem.message}" if where else f"{name}: {problem.message}"


class _Failed(MGIError):
    """A command whose output says that it failed: the output is printed, then
    the message as the error line, and the exit status is 1."""

    def __init__(self, output: str, message: str) -> None:
        super().__init__(message)
        self.output = output


# What a command reads as one document (a page, a profile) at most, unless
# --max-size says otherwise.
_READ_LIMIT = 64 * 2**20


def _read(file: str, limit: int = _READ_LIMIT) -> bytes:
    """The bytes of ``file`` (``-``: standard input), at most ``limit``."""
    return read_bytes(file, limit)


def _positive(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return value


def _size(text: str) -> int:
    """A size in bytes, with an optional K, M or G (powers of 1024)."""
    found = re.fullmatch(r"(\d+)([KMG]?)B?", text.strip().upper())
    if found is None or int(found[1]) < 1:
        raise argparse.ArgumentTypeError(f"expected a size such as 200M, got {text!r}")
    power: int = " KMG".index(found[2] or " ")
    return int(found[1]) << (10 * power)


class _Version(argparse.Action):
    """``--version``: the package version and the bundled data's, read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:
        super().__init__(option_strings, dest, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        data = mgi.provenance().data_version
        parser._print_message(f"mgi {mgi.__version__} (data {data})\n", sys.stdout)
        parser.exit(0)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mgi", description="IOM's Migration Governance Indicators as data.")
    parser.add_argument("--version", action=_Version, help="show the package and data versions")
    parser.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        help="read inputs of up to SIZE bytes (K, M, G allowed); the defaults: "
        "64M for a page or a profile, 4G for a JSON Lines file, 1M for responses",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in _COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], str] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return 2
    with _warnings_as_lines(), _terminated_as_exit():
        try:
            output = run(args)
            _write(output)
        except _Failed as failed:
            _write(failed.output)
            return _error(str(failed))
        except MGIError as error:
            return _error(str(error).splitlines()[0])
        except OSError as error:  # standard output or input failed under us
            return _error(f"cannot write to standard output: {error.strerror or error}")
    return 0


def _error(message: str) -> int:
    if sys.stderr is not None:
        print(f"mgi: error: {message}", file=sys.stderr)
    return 1


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Warnings (a file skipped in a folder) as ``mgi: warning: ...`` lines."""
    import warnings

    def show(message: Warning | str, *_: object, **__: object) -> None:
        if sys.stderr is not None:
            print(f"mgi: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("default", mgi.MGIWarning)
        warnings.showwarning = show
        yield


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM ends the command as an exception does, so that a file being
    written is left whole and its temporary file removed."""

    def stop(number: int, frame: FrameType | None) -> NoReturn:
        raise SystemExit(128 + number)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals are not ours to set
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write(output: str) -> None:
    if sys.stdout is None:
        if output:
            raise MGIError("cannot write to standard output: it is closed")
        return
    try:
        _write_all(output)
    except BrokenPipeError:
        # The reader went away (``mgi show | head``): not an error of ours.
        _silence_stdout()
    except OSError:
        _silence_stdout()  # so that Python's own flush at exit says nothing more
        raise


def _write_all(output: str) -> None:
    """Write to standard output through its file descriptor, checking every
    count: a buffered text stream can lose the end of a partial write (a disk
    that fills up) without a word. What the terminal cannot show (or a lone
    surrogate) is written as an escape such as \\udc80."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # not a file (a test's stream): write to it
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    data = memoryview(output.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
    sys.stdout.flush()
    while data:
        data = data[os.write(descriptor, data) :]


def _silence_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
