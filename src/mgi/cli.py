"""The ``mgi`` command: the library at the shell.

Errors are printed to stderr as one line, with exit status 1 (2 for a
command line that cannot be understood).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence

import mgi
from mgi.errors import MGIError
from mgi.render import domain_text, profile_text

__all__ = ["main"]


def _show(args: argparse.Namespace) -> str:
    profile = mgi.profiles[args.id]
    if args.format == "json":
        return mgi.dumps_profile(profile)
    return profile_text(profile)


def _domains(args: argparse.Namespace) -> str:
    return "\n".join(domain_text(domain, args.level) for domain in mgi.domains)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mgi", description="IOM's Migration Governance Indicators as data."
    )
    parser.add_argument("--version", action="version", version=f"mgi {mgi.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = commands.add_parser("show", help="print a bundled profile")
    show.add_argument(
        "id", nargs="?", default="huehuetenango-2024", help="profile id (default: %(default)s)"
    )
    show.add_argument("--format", choices=["text", "json"], default="text")
    show.set_defaults(run=_show)

    domains = commands.add_parser("domains", help="list the six domains")
    domains.add_argument(
        "--level",
        choices=["national", "local"],
        default="national",
        help="which description to print (default: %(default)s)",
    )
    domains.set_defaults(run=_domains)
    _add_sdg(commands)
    return parser


def _add_sdg(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _sdg_structure(args: argparse.Namespace) -> str:
    from mgi.render import sdg_text

    return sdg_text(mgi.sdg.indicator)


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
    from mgi.render import score_text

    return score_text(result)


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
    except MGIError as error:
        print(f"mgi: error: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    sys.stdout.write(output)
    return 0
