"""How fast copied profile pages are read, against loading the same profile as JSON,
and how the time grows with the size of the text.

Run from the repository root: ``.venv/bin/python benchmarks/parse_pages.py [ROUNDS]``.
Prints the median time per page for each way in, and its ratio to a bare
``json.loads`` of the profile's JSON (the floor); then seconds per MB for
pages of 1 and 4 MB, which stay about equal when reading time is linear in
the size (``tests/test_parse_fuzz.py`` fails when it is not); then the
shapes that cost most per MB (many short lines, bare CR line ends), as
seconds per MB and microseconds per line, and the time of the slowest shape
at the line limit (``mgi.parse.MAX_PAGE_LINES``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import mgi
from mgi.text import MAX_MARKS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "huehuetenango-2024.txt"

# Ways a copied finding differs from the page, each read as the page means it:
# odd spaces and invisible characters, other scripts and combining marks (up
# to the limit), a control character, a finding wrapped onto two lines.
_VARIANTS: tuple[Callable[[str], str], ...] = (
    lambda text: text,
    lambda text: text.replace(" ", "\u00a0", 3).replace(" ", "\t", 2) + "\u200b",
    lambda text: f"{text} 移民治理 e{chr(0x301) * MAX_MARKS} \x07fin.",
    lambda text: text[: len(text) // 2] + "\n    " + text[len(text) // 2 :],
)
_LINE_ENDS = ("\n", "\r\n", "\n", "\r")


def large_page(size: int) -> str:
    """The seed page grown to about ``size`` characters: each finding copied
    in the ways of ``_VARIANTS``, one finding a twentieth of the size long,
    line ends mixed.  It reads strictly into a profile."""
    seed = SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")
    findings = [index for index, line in enumerate(lines) if line.startswith("  • ")]
    copies = max(1, size * 8 // 10 // sum(len(lines[index]) for index in findings))
    variants = itertools.cycle(_VARIANTS)
    out = []
    for index, line in enumerate(lines):
        if index not in findings:
            out.append(line)
            continue
        out += ["  • " + next(variants)(line[4:]) for _ in range(copies)]
        if index == findings[0]:
            out.append("  • " + " ".join([line[4:]] * (size // 20 // len(line))))
    ends = itertools.cycle(_LINE_ENDS)
    return "".join(line + next(ends) for line in out)


def shuffled_page(size: int) -> str:
    """The lines of :func:`large_page` in a fixed random order: every state of
    the reader and a warning for most lines, read with ``strict=False``."""
    lines = large_page(size).splitlines()
    random.Random(size).shuffle(lines)
    return "\n".join(lines)


def _per_page(rounds: int) -> None:
    profile = mgi.profiles["huehuetenango-2024"]
    page, written = SEED.read_text(encoding="utf-8"), profile.to_text()
    document = mgi.dumps_profile(profile)
    mgi.parse_profile(page)  # load the taxonomy and the country table first
    cases: dict[str, Callable[[], object]] = {
        "json.loads (floor)": lambda: json.loads(document),
        "mgi.loads_profile": lambda: mgi.loads_profile(document),
        "parse_profile(seed page)": lambda: mgi.parse_profile(page),
        "parse_profile(to_text())": lambda: mgi.parse_profile(written),
        "Profile.to_text()": profile.to_text,
    }
    floor = median_seconds(cases["json.loads (floor)"], rounds)
    print(f"{'case':28} {'ms/page':>9} {'x floor':>9}   ({rounds} rounds, median)")
    for name, work in cases.items():
        seconds = median_seconds(work, rounds)
        print(f"{name:28} {seconds * 1000:9.3f} {seconds / floor:9.1f}")


def _per_megabyte() -> None:
    print(f"\n{'large text':28} {'MB':>9} {'s/MB':>9}   (3 rounds, median)")
    for name, make, strict in [
        ("large page, strict", large_page, True),
        ("shuffled lines, lenient", shuffled_page, False),
    ]:
        for megabytes in (1, 4):
            text = make(megabytes * 1_000_000)
            size = len(text.encode("utf-8")) / 1e6

            def work(text: str = text, strict: bool = strict) -> None:
                # A shuffled page may hold no profile: reading it is what is timed.
                with contextlib.suppress(mgi.ParseError):
                    mgi.parse_profile(text, strict=strict, max_lines=None)

            print(f"{name:28} {size:9.2f} {median_seconds(work, 3) / size:9.3f}")


# Lines that cost most per character: one line each, repeated to a megabyte
# inside the seed page's first list.
_SHAPES = {
    "short bullets": "  • Punto.\n",
    "one word a line": "a\n",
    "bare CR line ends": "  • Punto.\r",
    "blank lines": "\n",
}


def _per_shape() -> None:
    from mgi.parse import MAX_PAGE_LINES

    seed = SEED.read_text(encoding="utf-8")
    at = seed.index("  • ")
    print(f"\n{'shape':28} {'s/MB':>9} {'us/line':>9} {'s at limit':>10}   (3 rounds, median)")
    for name, line in _SHAPES.items():
        count = 1_000_000 // len(line)
        text = seed[:at] + line * count + seed[at:]

        def work(text: str = text) -> None:
            with contextlib.suppress(mgi.ParseError):
                mgi.parse_profile(text, strict=False, max_lines=None)

        seconds = median_seconds(work, 3)
        size = len(text.encode("utf-8")) / 1e6
        per_line = seconds / count
        print(
            f"{name:28} {seconds / size:9.3f} {per_line * 1e6:9.2f} "
            f"{per_line * MAX_PAGE_LINES:10.3f}"
        )


def main() -> int:
    _per_page(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    _per_megabyte()
    _per_shape()
    return 0


if __name__ == "__main__":
    sys.exit(main())
