"""How fast copied profile pages are read, against loading the same profile as JSON.

Run from the repository root: ``.venv/bin/python benchmarks/parse_pages.py [ROUNDS]``.
Prints the median time per page for each way in, and its ratio to a bare
``json.loads`` of the profile's JSON (the floor).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import mgi

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "huehuetenango-2024.txt"


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    profile = mgi.profiles["huehuetenango-2024"]
    page, written, document = SEED.read_text(encoding="utf-8"), profile.to_text(), None
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
