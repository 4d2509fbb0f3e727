"""The command line, driven as users run it."""

from __future__ import annotations

import json
import subprocess
import sys

import mgi


def _mgi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mgi", *args], capture_output=True, text=True, check=False
    )


def test_show_prints_the_bundled_profile_readably() -> None:
    result = _mgi("show", "huehuetenango-2024")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == mgi.profiles["huehuetenango-2024"].title
    assert "ALIANZAS" in lines
    assert result.stdout.count("•") == 33


def test_show_json_is_the_packaged_document() -> None:
    result = _mgi("show", "huehuetenango-2024", "--format", "json")
    assert json.loads(result.stdout) == mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])


def test_domains_lists_six_with_descriptions() -> None:
    result = _mgi("domains", "--level", "local")
    assert result.returncode == 0
    assert result.stdout.count("Indicators in this category") == 6


def test_an_unknown_profile_is_one_line_on_stderr() -> None:
    result = _mgi("show", "huehuetenango")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "mgi: error: unknown profile 'huehuetenango' (did you mean 'huehuetenango-2024'?)\n"
    )
