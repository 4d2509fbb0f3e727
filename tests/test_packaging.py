"""The wheel carries everything, and the package works installed and zipped."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

# Runs every loader of packaged data (each is wrapped to run once) and records
# the files they read, then uses the public API that rests on them; prints
# where mgi was imported from, every packaged JSON file and the ones loaded.
CHECK = textwrap.dedent(
    """
    import mgi, sys
    from mgi import _data

    def walk(folder, prefix=""):
        for item in folder.iterdir():
            if item.is_dir():
                yield from walk(item, prefix + item.name + "/")
            else:
                yield prefix + item.name

    read = set()
    reader = _data.read_document
    def recording(*parts):
        read.add("/".join(parts))
        return reader(*parts)
    _data.read_document = recording

    loaders = [name for name, value in vars(_data).items() if hasattr(value, "__wrapped__")]
    for name in loaders:
        getattr(_data, name)()
    assert len(mgi.domains) == 6 and len(mgi.profiles) >= 1
    assert mgi.provenance().data_version
    assert len(mgi.sdg.subcategories) == 30 and mgi.domains[1].sdg.code == "PD_1"
    profile = mgi.profiles["huehuetenango-2024"]
    assert mgi.parse_profile(profile.to_text(), source=profile.source) == profile
    assert mgi.sdg.score({"3a": "yes"}, partial=True).domains[2].category.label
    packaged = [name for name in walk(_data._package_files()) if name.endswith(".json")]
    print(mgi.__file__)
    print(" ".join(sorted(packaged)))
    print(" ".join(sorted(read)))
    print(" ".join(loaders))
    """
)


def _check(python: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run CHECK; assert that the loaders read every packaged JSON file; return
    where mgi was imported from."""
    result = subprocess.run(
        [str(python), "-c", CHECK], check=True, capture_output=True, text=True, cwd=cwd, env=env
    )
    location, packaged, read, loaders = result.stdout.splitlines()
    assert "taxonomy.json" in packaged.split()
    assert "profiles/huehuetenango-2024.json" in packaged.split()
    assert read.split() == packaged.split()
    assert {"countries", "sdg_indicator", "schemas"} <= set(loaders.split())
    return location


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("mgi-*.whl")
    return built


def test_wheel_holds_the_data_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mgi/py.typed" in names
    assert "mgi/data/taxonomy.json" in names
    assert "mgi/data/provenance.json" in names
    assert "mgi/data/profiles/huehuetenango-2024.json" in names
    assert {"mgi/data/schema/profile.json", "mgi/data/schema/responses.json"} <= names
    packaged = {n for n in names if n.startswith("mgi/data/")}
    source = {
        "mgi/" + p.relative_to(ROOT / "src" / "mgi").as_posix()
        for p in (ROOT / "src" / "mgi" / "data").rglob("*")
        if p.is_file()
    }
    assert packaged == source


def test_installed_wheel_loads_every_file(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    assert str(env_dir) in _check(python, tmp_path)


def test_zipped_package_loads_every_file(wheel: Path, tmp_path: Path) -> None:
    # A wheel is a zip: put it on sys.path and import from it, as zipapps do.
    env = {**os.environ, "PYTHONPATH": str(wheel)}
    assert _check(sys.executable, tmp_path, env).startswith(str(wheel))
