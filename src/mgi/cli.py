"""The ``mgi`` command: the library at the shell.

Errors are printed to stderr as one line, with exit status 1 (2 for a
command line that cannot be understood).
"""

from __future__ import annotations

import argparse
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
    except MGIError as error:
        print(f"mgi: error: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    sys.stdout.write(output)
    return 0
