"""Import stays cheap; data loads once, on first use, from any thread."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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


def test_concurrent_first_use_gives_one_object() -> None:
    out = _run(
        """
        import threading
        import mgi
        barrier = threading.Barrier(16)
        seen, errors = [], []
        def first_use(name):
            try:
                barrier.wait()
                seen.append(id(getattr(mgi, name)))
                seen.append(id(mgi.provenance()))
            except BaseException as error:
                errors.append(repr(error))
        threads = [threading.Thread(target=first_use, args=(name,))
                   for name in ["domains", "profiles"] * 8]
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        print(len(set(seen)), errors)
        """
    )
    assert out == "3 []"


def test_every_public_name_resolves() -> None:
    for name in mgi.__all__:
        assert getattr(mgi, name) is not None
    assert set(mgi.__all__) <= set(dir(mgi))
