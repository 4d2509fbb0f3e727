"""Import stays cheap; data loads once, on first use, from any thread."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from tests.conftest import FIXTURES

import mgi


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_parses_nothing_and_skips_heavy_modules() -> None:
    loaded = _run(
        """
        import sys
        import mgi
        heavy = ["json", "cattrs", "attrs", "importlib.metadata", "importlib_resources",
                 "mgi._data", "mgi.model", "mgi._convert"]
        print(",".join(name for name in heavy if name in sys.modules))
        """
    )
    assert loaded == ""


def test_version_without_metadata() -> None:
    assert (
        _run("import sys, mgi; print(mgi.__version__, 'importlib.metadata' in sys.modules)")
        == f"{mgi.__version__} False"
    )


# Run in a fresh interpreter, so that every first use is real: 64 threads
# released at once, each making the first use of one of the lazily loaded
# objects, the public way or through its loader; threads switch as often as
# Python allows, to give races every chance.
FIRST_USE = """
    import json, sys, threading
    import mgi
    from mgi import _data
    from mgi.index import index_of

    sys.setswitchinterval(1e-6)
    page = sys.argv[1]
    uses = {
        "domains": lambda: mgi.domains,
        "profiles": lambda: mgi.profiles,
        "provenance": mgi.provenance,
        "sdg_indicator": lambda: mgi.sdg.indicator,
        "sdg_subcategories": lambda: mgi.sdg.subcategories,
        "domain_sdg": lambda: mgi.domains[1].sdg,
        "parsed": lambda: mgi.parse_profile(page),
        "search_index": lambda: index_of(mgi.profiles),
        "searched": lambda: mgi.search("migrantes"),
    }
    # Every loader of packaged data, found by its run-once wrapper.
    loaders = [name for name, value in vars(_data).items() if hasattr(value, "__wrapped__")]
    uses |= {"_data." + name: getattr(_data, name) for name in loaders}
    barrier = threading.Barrier(64)
    seen, errors = {}, []

    def first_use(name):
        try:
            barrier.wait()
            seen.setdefault(name, set()).add(id(uses[name]()))
        except BaseException as error:
            errors.append(f"{name}: {error!r}")

    names = [list(uses)[index % len(uses)] for index in range(64)]
    threads = [threading.Thread(target=first_use, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    same = {
        "domains": mgi.domains is _data.domains(),
        "profiles": mgi.profiles is _data.profiles(),
        "provenance": mgi.provenance() is _data.provenance(),
        "sdg_indicator": mgi.sdg.indicator is _data.sdg_indicator(),
        "sdg_subcategories": mgi.sdg.subcategories is _data.sdg_subcategories(),
        "domain_sdg": mgi.domains[1].sdg is mgi.sdg.indicator.domains[0],
        "parsed": mgi.parse_profile(page) == mgi.profiles["huehuetenango-2024"],
        "search_index": index_of(mgi.profiles) is mgi.index._indexes[id(mgi.profiles)],
        "searched": mgi.search("migrantes") == list(mgi.search("migrantes")),
    }
    print(json.dumps({
        "loaders": loaders,
        "objects": {name: len(ids) for name, ids in seen.items()
                    if name not in ("parsed", "searched")},
        "same": same,
        "errors": errors,
    }))
"""


@pytest.mark.parametrize("run", range(3))
def test_concurrent_first_use_gives_one_object(run: int) -> None:
    page = (FIXTURES / "huehuetenango-2024.txt").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FIRST_USE), page],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert {"domains", "profiles", "provenance", "countries"} <= set(report["loaders"])
    assert {"sdg_indicator", "sdg_subcategories"} <= set(report["loaders"])
    assert set(report["objects"].values()) == {1}, report["objects"]
    assert all(report["same"].values()), report["same"]


def test_every_public_name_resolves() -> None:
    for name in mgi.__all__:
        assert getattr(mgi, name) is not None
    assert set(mgi.__all__) <= set(dir(mgi))
