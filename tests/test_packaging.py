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

# Loads every packaged JSON file through Traversables, then the public loaders.
CHECK = textwrap.dedent(
    """
    import mgi, sys
    from mgi._data import _package_files
    from mgi.documents import parse_json

    def walk(folder):
        for item in folder.iterdir():
            if item.is_dir():
                yield from walk(item)
            else:
                yield item

    names = sorted(item.name for item in walk(_package_files()) if item.name.endswith(".json"))
    for item in walk(_package_files()):
        if item.name.endswith(".json"):
            parse_json(item.read_bytes(), item.name)
    assert len(mgi.domains) == 6 and len(mgi.profiles) >= 1
    assert mgi.provenance().data_version
    assert len(mgi.sdg.subcategories) == 30 and mgi.domains[1].sdg.code == "PD_1"
    print(mgi.__file__)
    print(" ".join(names))
    """
)


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
    result = subprocess.run(
        [str(python), "-c", CHECK], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    location, names = result.stdout.splitlines()
    assert str(env_dir) in location
    assert "taxonomy.json" in names.split()


def test_zipped_package_loads_every_file(wheel: Path, tmp_path: Path) -> None:
    # A wheel is a zip: put it on sys.path and import from it, as zipapps do.
    env = {**os.environ, "PYTHONPATH": str(wheel)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    location, names = result.stdout.splitlines()
    assert location.startswith(str(wheel))
    assert "huehuetenango-2024.json" in names.split()
