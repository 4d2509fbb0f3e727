"""Every benchmark figure of ``mgi`` in one run, each against its target.

    pip install -e '.[bench]'      # pycountry, for the start-up comparison
    python benchmarks/run.py       # about six minutes on two cores

The corpora are generated afresh by ``benchmarks/corpus.py`` (seeded, so
every run reads the same profiles): 100, 1 000 and 10 000 profiles as JSON
Lines, and for search also 3 000 and 100 000 (``--no-large`` leaves out the
largest, 1.4 GB, which takes some five minutes more). Each figure is a
median; times that depend on the state of a process (imports, loading,
memory) are taken in fresh processes. The figures go to
standard output as a table; ``benchmarks/README.md`` records one run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (the generator beside this file)
from timing import median_seconds  # noqa: E402

SIZES = (100, 1_000, 10_000)
SEARCH_SIZES = (100, 1_000, 3_000, 10_000, 100_000)
# Sizes at which the index build is held to its target (2.0× the load).
BUILD_TARGET_SIZES = (10_000, 100_000)
# A corpus this large is searched in one process only, not ``--repeats``.
LARGE = 100_000
SELECTIVE = {
    "one word": "Minatozu",
    "two words, a rare and a common one": "Minatozu migrantes",
    "two words, both of middling frequency": "xenofobia albergues",
    "phrase": '"iniciativa Minatozu"',
}
BROAD = {
    "one word": "migrantes",
    "prefix": "migr",
    "two words": "personas migrantes",
    "phrase": '"trata de personas"',
    "common words": "de la",
}
PAGE = 20
# Read as mgi reads it: through the importlib-resources backport on 3.11,
# the standard library's module from 3.12.
_RESOURCES = "importlib_resources" if sys.version_info < (3, 12) else "importlib.resources"
_READ_TAXONOMY = (
    f"from {_RESOURCES} import files; "
    "json.loads((files('mgi') / 'data' / 'taxonomy.json').read_bytes())"
)
PARTS = ("startup", "loading", "memory", "search")


# -- measuring -----------------------------------------------------------------


def _process_seconds(code: str, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return times


def _processes(codes: dict[str, str], repeats: int) -> dict[str, float]:
    """Median wall time of a fresh interpreter running each code, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeats):
        for name, code in codes.items():
            times[name] += _process_seconds(code, 1)
    return {name: statistics.median(found) for name, found in times.items()}


def _child(*arguments: str) -> dict[str, Any]:
    """Run this script's ``--child`` mode in a fresh process; its JSON result."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", *arguments],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(output)
    return result


# -- what a child process measures ---------------------------------------------


def _child_load(kind: str, path: str) -> dict[str, Any]:
    start = time.perf_counter()
    if kind == "json":
        with open(path, "rb") as file:
            loaded: Any = [json.loads(line) for line in file]
    else:
        import mgi

        loaded = mgi.load_profiles(path)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "count": len(loaded)}


def _child_memory(path: str) -> dict[str, Any]:
    import tracemalloc

    import mgi
    from mgi.index import index_of

    tracemalloc.start()
    profiles = mgi.load_profiles(path)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    index = index_of(profiles)
    gc.collect()
    with_index = tracemalloc.get_traced_memory()[0]
    # The bits of common words are set as searches need them: all of them.
    for word in index._bit_of:
        index._bit(word)
    gc.collect()
    with_bits = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "held": held,
        "index": with_index - held,
        "bits": with_bits - with_index,
        "file": os.path.getsize(path),
    }


def _child_search(path: str, scan: str) -> dict[str, Any]:
    import mgi
    from mgi.index import index_of
    from mgi.text import fold, words

    start = time.perf_counter()
    profiles = mgi.load_profiles(path)
    load = time.perf_counter() - start
    start = time.perf_counter()
    index_of(profiles)
    build = time.perf_counter() - start
    # Loading pauses the cyclic garbage collector: the collection it puts
    # off falls on whatever runs next (the build, in part). Timed on its own.
    start = time.perf_counter()
    gc.collect()
    deferred = time.perf_counter() - start
    findings = sum(len(profile.findings) for profile in profiles)

    texts = [
        text
        for profile in profiles
        for text in (profile.title, *(f.text for f in profile.findings), *profile.introduction)
    ]

    def naive(query: str) -> int:
        """Fold every text once and look for the query's words (or phrase) in it."""
        parts = query.split('"')
        wanted = [" ".join(words(part)) for part in parts[1::2]]
        wanted += [word for part in parts[0::2] for word in words(part)]
        found = 0
        for text in texts:
            folded = fold(text)
            found += all(piece in folded for piece in wanted)
        return found

    queries: dict[str, Any] = {}
    for group, chosen, repeats in (("selective", SELECTIVE, 41), ("broad", BROAD, 5)):
        for label, query in chosen.items():
            hits = profiles.search(query)
            queries[f"{group} {label}"] = {
                "query": query,
                "hits": len(hits),
                "median": median_seconds(lambda query=query: profiles.search(query), repeats),
                "page": median_seconds(
                    lambda query=query: list(profiles.search(query, limit=PAGE)), 41
                ),
            }
    scans = {}
    for label, query in SELECTIVE.items() if scan == "scan" else ():
        scans[label] = {
            "hits": naive(query),
            "median": median_seconds(lambda query=query: naive(query), 3),
        }
    return {
        "load": load,
        "build": build,
        "deferred": deferred,
        "findings": findings,
        "queries": queries,
        "scans": scans,
    }


# -- the report ------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.missed: list[str] = []

    def line(self, figure: str, value: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("met" if met else "MISSED")
        if met is False:
            self.missed.append(figure)
        print(f"| {figure} | {value} | {target} | {verdict} |", flush=True)

    @staticmethod
    def section(title: str) -> None:
        print(f"\n### {title}\n\n| figure | value | target | |\n|---|---|---|---|", flush=True)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3g} ms" if seconds < 1 else f"{seconds:.2f} s"


def _imports(report: Report, repeats: int) -> None:
    report.section("Start-up (fresh processes, medians)")
    # An installed package has its bytecode compiled (pip does it); a source
    # checkout may not (PYTHONDONTWRITEBYTECODE): compile it, to compare alike.
    import compileall

    import mgi

    compileall.compile_dir(os.path.dirname(mgi.__file__), quiet=1)
    codes = {
        "bare": "pass",
        "attrs": "import attrs",
        "mgi": "import mgi",
        "mgi first lookup": "import mgi; mgi.domains[1]",
        # What any first lookup of attrs records read from a packaged JSON
        # file through importlib.resources must pay, whatever mgi does besides.
        "floor": f"import attrs, json; {_READ_TAXONOMY}",
    }
    if sys.version_info < (3, 12):  # mgi reads through the backport there
        codes["floor, standard library"] = (
            "import attrs, json, importlib.resources as r; "
            "json.loads((r.files('mgi') / 'data' / 'taxonomy.json').read_bytes())"
        )
    try:
        import pycountry  # noqa: F401
    except ImportError:
        pycountry_found = False
    else:
        pycountry_found = True
        codes["pycountry first lookup"] = 'import pycountry; pycountry.countries.get(alpha_2="GT")'
    found = _processes(codes, repeats)
    bare = found["bare"]
    net = {name: max(seconds - bare, 0.0) for name, seconds in found.items()}
    report.line("bare interpreter", _ms(bare))
    report.line("`import attrs`, net", _ms(net["attrs"]))
    report.line("`import mgi`, net", _ms(net["mgi"]))
    ratio = net["mgi"] / net["attrs"]
    report.line("`import mgi` / `import attrs` (net)", f"{ratio:.2f}×", "≤ 1.1×", ratio <= 1.1)
    report.line("`import mgi; mgi.domains[1]`, net", _ms(net["mgi first lookup"]))
    if not pycountry_found:
        report.line("pycountry", "not installed: pip install -e '.[bench]'")
        return
    own = net["mgi first lookup"] - net["floor"]
    report.line("first lookup: mgi's own cost above the floor", _ms(own), "≤ 5 ms", own <= 0.005)
    report.line('`pycountry.countries.get(alpha_2="GT")`, net', _ms(net["pycountry first lookup"]))
    ratio = net["mgi first lookup"] / net["pycountry first lookup"]
    report.line("first lookup: mgi / pycountry (net)", f"{ratio:.2f}×", "≤ 1.1×", ratio <= 1.1)
    whole = found["mgi first lookup"] / found["pycountry first lookup"]
    report.line("first lookup: mgi / pycountry (whole process)", f"{whole:.2f}×")
    floors = {"floor": "`import attrs` and parsing `taxonomy.json`, read as mgi reads it"}
    if "floor, standard library" in net:
        floors["floor, standard library"] = (
            "the same through the standard library's `importlib.resources`"
        )
    for name, label in floors.items():
        report.line(f"{label}, net", _ms(net[name]))
        ratio = net[name] / net["pycountry first lookup"]
        report.line(f"{label} / pycountry (net)", f"{ratio:.2f}×")


def _loading(report: Report, paths: dict[int, Path], repeats: int) -> dict[str, float]:
    report.section(f"Loading JSON Lines (fresh processes, medians of {repeats})")
    times: dict[str, list[float]] = {}
    for _ in range(repeats):
        for size, path in paths.items():
            times.setdefault(f"mgi {size}", []).append(_child("load", "mgi", str(path))["seconds"])
        times.setdefault("json 10000", []).append(
            _child("load", "json", str(paths[10_000]))["seconds"]
        )
    medians = {name: statistics.median(found) for name, found in times.items()}
    for size in paths:
        report.line(f"`mgi.load_profiles`, {size:,} profiles", _ms(medians[f"mgi {size}"]))
    report.line("`json.loads` of each line, 10,000 profiles", _ms(medians["json 10000"]))
    ratio = medians["mgi 10000"] / medians["json 10000"]
    report.line("load / `json.loads`, 10,000 profiles", f"{ratio:.2f}×", "≤ 2.0×", ratio <= 2.0)
    linear = medians["mgi 10000"] / medians["mgi 1000"]
    report.line("load time 10,000 / 1,000", f"{linear:.1f}×", "≤ 11×", linear <= 11)
    return medians


def _memory(report: Report, path: Path) -> None:
    report.section("Memory (tracemalloc, 10,000 profiles)")
    found = _child("memory", str(path))
    mb = 1024 * 1024
    report.line("JSON Lines file", f"{found['file'] / mb:.0f} MB")
    report.line("held by the loaded collection", f"{found['held'] / mb:.0f} MB")
    ratio = found["held"] / found["file"]
    report.line("collection / JSON size", f"{ratio:.2f}×", "≤ 2.0×", ratio <= 2.0)
    report.line("its search index, in addition", f"{found['index'] / mb:.0f} MB")
    report.line(
        "the index's bits for common words, once searches have set them all",
        f"{found['bits'] / mb:.0f} MB",
    )


def _search(report: Report, paths: dict[int, Path], repeats: int, *, scan: bool) -> None:
    for size in sorted(size for size in SEARCH_SIZES if size in paths):
        # The plain scan takes seconds a query: it runs once, at 10,000 only.
        runs = [
            _child(
                "search", str(paths[size]), "scan" if scan and n == 0 and size == 10_000 else "-"
            )
            for n in range(1 if size >= LARGE else repeats)
        ]
        _search_report(report, size, runs)


def _search_report(report: Report, size: int, runs: list[dict[str, Any]]) -> None:
    first = runs[0]
    processes = f"{len(runs)} process{'es' if len(runs) > 1 else ''}"
    report.section(f"Search, {size:,} profiles ({first['findings']:,} findings; {processes})")
    build = statistics.median(run["build"] for run in runs)
    load = statistics.median(run["load"] for run in runs)
    report.line("load, in the same process", _ms(load))
    report.line("index build", _ms(build))
    ratio = build / load
    if size in BUILD_TARGET_SIZES:
        report.line(f"index build / load, {size:,}", f"{ratio:.2f}×", "≤ 2.0×", ratio <= 2.0)
    else:
        report.line("index build / load", f"{ratio:.2f}×")
    deferred = statistics.median(run["deferred"] for run in runs)
    report.line("the garbage collection put off while loading", _ms(deferred))
    for name, found in first["queries"].items():
        median = statistics.median(run["queries"][name]["median"] for run in runs)
        page = statistics.median(run["queries"][name]["page"] for run in runs)
        label = f"{size:,}: {name} `{found['query']}` ({found['hits']:,} hits)"
        if name.startswith("selective"):
            report.line(label, _ms(median), "≤ 1 ms", median <= 0.001)
        else:
            report.line(label, _ms(median), "report")
        report.line(f"{size:,}: {name}, first page of {PAGE}", _ms(page), "≤ 10 ms", page <= 0.010)
    for label, scan in first["scans"].items():
        indexed = statistics.median(run["queries"][f"selective {label}"]["median"] for run in runs)
        speed_up = scan["median"] / indexed
        report.line(
            f"plain folding scan, selective {label} ({scan['hits']:,} texts)",
            _ms(scan["median"]),
        )
        report.line(
            f"speed-up of the index, selective {label}",
            f"{speed_up:,.0f}×",
            "≥ 100×",
            speed_up >= 100,
        )


def _machine() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or "unknown processor"
    return (
        f"{model}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=2024, help="corpus seed (default 2024)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="fresh processes per loading figure (default 3)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=PARTS,
        default=PARTS,
        help="run only these parts (default: all)",
    )
    parser.add_argument(
        "--no-scan", action="store_true", help="skip the plain scans (a minute) in the search part"
    )
    parser.add_argument(
        "--no-large",
        action="store_true",
        help=f"search no corpus of {LARGE:,} profiles (1.4 GB; some five minutes)",
    )
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        measure = {
            "load": _child_load,
            "memory": _child_memory,
            "search": _child_search,
        }
        print(json.dumps(measure[kind](*rest)))
        return 0
    print(f"Machine: {_machine()}")
    report = Report()
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        sizes = {10_000}
        if "loading" in args.only:
            sizes.update(SIZES)
        if "search" in args.only:
            sizes.update(size for size in SEARCH_SIZES if size < LARGE or not args.no_large)
        for size in sorted(sizes):
            paths[size] = corpus.write_json_lines(
                Path(folder, f"corpus-{size}.jsonl"), size, args.seed
            )
        print(f"Corpora: seed {args.seed}, {', '.join(f'{size:,}' for size in paths)} profiles")
        if "startup" in args.only:
            _imports(report, repeats=41)
        if "loading" in args.only:
            _loading(report, paths, args.repeats)
        if "memory" in args.only:
            _memory(report, paths[10_000])
        if "search" in args.only:
            _search(report, paths, args.repeats, scan=not args.no_scan)
    print("\nMissed: " + (", ".join(report.missed) if report.missed else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
