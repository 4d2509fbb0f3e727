"""The ``mgi`` command: the library at the shell.

Each command is one function decorated with :func:`command`: it adds its
sub-parser and sets ``run``, the function that returns the command's
standard output.  Errors are printed to stderr as one line, with exit status
1 (2 for a command line that cannot be understood).  Output is plain text
when it goes to a pipe or a file; in a terminal, titles and headings are
bold unless ``NO_COLOR`` is set.  Files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import mgi
from mgi import views
from mgi.errors import DataError, FileError, MGIError, NotFoundError, Problem

if TYPE_CHECKING:
    from typing import TypeAlias

    from mgi.model import LevelName

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


def _terminal() -> bool:
    return (
        sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    )


def _bold(text: str) -> str:
    return f"\x1b[1m{text}\x1b[0m"


def _width() -> int:
    if sys.stdout.isatty():
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
        default="text",
        help="text, Markdown, the JSON document, or the SVG wheel (default: text)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")
    _profiles_option(parser)

    def run(args: argparse.Namespace) -> str:
        profile = _one_profile(args.id, args.profiles)
        if args.format == "json":
            return _output(mgi.dumps_profile(profile), args.output)
        if args.format == "markdown":
            return _output(views.profile_markdown(profile, mgi.domains), args.output)
        if args.format == "svg":
            return _output(profile.wheel_svg() + "\n", args.output)
        if args.output is not None:
            return _output(views.profile_text(profile, mgi.domains), args.output)
        emphasis = _bold if _terminal() else str
        return views.profile_text(profile, mgi.domains, width=_width(), emphasis=emphasis)

    parser.set_defaults(run=run)


def _output(text: str, path: str | None) -> str:
    """``text`` for standard output, or written whole to the file ``path``."""
    if path is None:
        return text
    from mgi.documents import write_atomically

    write_atomically(Path(path), text)
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
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write the JSON to a file")
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
            _read(args.file),
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
        return _output(mgi.dumps_profile(profile), args.output)

    parser.set_defaults(run=run)


@command
def _sdg(commands: Commands) -> None:
    """``mgi sdg`` lists SDG indicator 10.7.2; ``mgi sdg score FILE`` scores responses."""
    sdg = commands.add_parser("sdg", help="SDG indicator 10.7.2: its structure, and scoring")
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


def _profiles_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profiles",
        action="append",
        metavar="PATH",
        help="use these profiles instead of the bundled ones: a folder of .json and .jsonl "
        "files, or a file of JSON, JSON Lines or copied page text (repeat for several)",
    )


def _profiles(args: argparse.Namespace) -> mgi.Profiles:
    return _profiles_from(args.profiles) if args.profiles else mgi.profiles


def _profiles_from(paths: Sequence[str]) -> mgi.Profiles:
    """The profiles of files and folders named at the shell, read alike by
    every command: a folder as :func:`mgi.load_profiles` reads it, a file as
    ``mgi check`` does (JSON, JSON Lines or page text, by its name or content)."""
    pairs: list[tuple[mgi.Profile, str]] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = mgi.load_profiles(path)
            pairs += [(profile, found.source_of(profile.id)) for profile in found]
        else:
            pairs += _profiles_in_file(path)
    return mgi.Profiles._with_sources(pairs)


def _profiles_in_file(file: str) -> list[tuple[mgi.Profile, str]]:
    from mgi._jsonio import decode_text
    from mgi.documents import document_kind

    name = "<stdin>" if file == "-" else file
    data = _read(file)
    kind = document_kind(name, data)
    if kind == "jsonl":
        return [(profile, name) for profile in mgi.loads_profiles(data, name)]
    if kind == "json":
        return [(mgi.loads_profile(data, name), name)]
    return [(mgi.parse_profile(decode_text(data, name), filename=name), name)]


def _one_profile(key: str | None, paths: Sequence[str] | None) -> mgi.Profile:
    """The profile ``mgi show`` names: an id, looked up in the bundled
    profiles or those of ``--profiles``, or a file holding one profile."""
    if key is not None and (key == "-" or re.search(r"[./\\]", key)):
        found = _profiles_from([key])
        if len(found) != 1:
            raise MGIError(
                f"{key} holds {len(found)} profiles: name one with --profiles {key} ID "
                f"(mgi list --profiles {key} lists them)"
            )
        return found[0]
    profiles = _profiles_from(paths) if paths else mgi.profiles
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
        "appear together, as whole words.",
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
    parser.add_argument("--limit", type=int, metavar="N", help="print the first N hits only")
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
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead (FILE.xlsx: an Excel workbook)",
    )
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
        profiles = _profiles(args)
        if args.summary:
            table = mgi.summary_table(profiles, wide=args.wide)
        else:
            table = mgi.findings_table(profiles)
        if _xlsx_output(table, args.output):
            return ""
        if args.format == "json":
            text = table.to_json()
        else:
            text = table.to_csv(encoding="utf-8-sig" if args.bom else "utf-8")
        return _output(text, args.output)

    parser.set_defaults(run=run)


def _xlsx_output(table: mgi.Table, path: str | None) -> bool:
    """Write ``table`` as an Excel workbook if ``path`` ends in ``.xlsx``
    (any case); whether it did."""
    if path is None or not path.lower().endswith(".xlsx"):
        return False
    from mgi.export import write_xlsx

    write_xlsx(table, path)
    return True


def _sdg_structure(args: argparse.Namespace) -> str:

    return views.sdg_text(mgi.sdg.indicator)


def _sdg_score(args: argparse.Namespace) -> str:
    result = mgi.sdg.score(mgi.sdg.load_responses(args.file), partial=True)
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
            name, count, found = _check_file(file)
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


def _check_file(file: str) -> tuple[str, int, tuple[Problem, ...]]:
    """The file's name, how many profiles it holds and its problems."""
    from mgi._jsonio import decode_text
    from mgi.documents import document_kind, document_problems
    from mgi.parse import page_problems

    name = "<stdin>" if file == "-" else file
    try:
        data = _read(file)
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


def _read(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except OSError as error:
        raise FileError(
            str(file), "read the file", error.strerror or str(error), error.errno
        ) from None


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
        parser.print_help()
        return 0
    try:
        output = run(args)
    except _Failed as failed:
        _write(failed.output)
        print(f"mgi: error: {failed}", file=sys.stderr)
        return 1
    except MGIError as error:
        print(f"mgi: error: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    _write(output)
    return 0


def _write(output: str) -> None:
    # What the terminal cannot show (or a lone surrogate) is written as an
    # escape such as \\udc80 rather than stopping the command.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``mgi show | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
