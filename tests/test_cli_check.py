"""``mgi check FILE...``, run through the installed console script: every
problem in every file, one line each, and exit status 0 only when all pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from tests.test_cli_parse import SEED, _mgi

import mgi
from mgi.parse import MAX_PAGE_SIZE, page_problems
from mgi.taxonomy import DOMAIN_SLUGS

BUNDLED = mgi.profiles["huehuetenango-2024"]
OTHERS = [attrs.evolve(BUNDLED, id=f"copy-{number}") for number in range(3)]


def _write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_good_files_of_every_kind_pass(tmp_path: Path) -> None:
    files = [
        _write(tmp_path, "one.json", mgi.dumps_profile(BUNDLED)),
        _write(tmp_path, "many.jsonl", mgi.dumps_profiles(OTHERS)),
        _write(tmp_path, "many.ndjson", "\n" + mgi.dumps_profiles(OTHERS[:2]) + "\n\n"),
        _write(tmp_path, "page.txt", SEED.read_text(encoding="utf-8")),
        # Without a known extension, the content tells.
        _write(tmp_path, "profile", mgi.dumps_profile(BUNDLED)),
        _write(tmp_path, "profiles.data", mgi.dumps_profiles(OTHERS)),
        _write(tmp_path, "copied", BUNDLED.to_text()),
    ]
    result = _mgi("check", *files)
    assert (result.returncode, result.stderr) == (0, "")
    counts = ["1 profile", "3 profiles", "2 profiles", "1 profile", "1 profile", "3 profiles"]
    assert result.stdout.splitlines() == [
        f"{file}: ok, {count}" for file, count in zip(files, [*counts, "1 profile"], strict=True)
    ]


def test_every_problem_in_every_file_is_one_line(tmp_path: Path) -> None:
    broken = mgi.profile_to_dict(BUNDLED)
    broken["findings"][0]["domain"] = "nope"
    del broken["language"]
    broken["published"] = "2024-13"
    page = BUNDLED.to_text().replace("ALIANZAS", "ALIANZA").replace("2024 August", "")
    lines = mgi.dumps_profiles(OTHERS).splitlines()
    json_lines = [lines[0], '{"id": "x"', json.dumps(broken), lines[0], "", lines[1]]
    files = {
        "good.json": mgi.dumps_profile(BUNDLED),
        "bad.json": json.dumps(broken, indent=2),
        "bad.jsonl": "\n".join(json_lines),
        "bad.txt": page,
        "notes.txt": "Nothing to read here.",
        "latin1.json": '{"id": "é"}'.encode("latin-1"),
    }
    paths = [_write(tmp_path, name, content) for name, content in files.items()]
    missing = str(tmp_path / "missing.json")
    result = _mgi("check", *paths, missing)
    # The page's warnings (as test_parse holds them), then what stopped it: no date.
    page_lines = [str(problem).removeprefix("line ") for problem in page_problems(page)]
    assert len(page_lines) > 2
    assert page_lines[-1].startswith(f"{page.count(chr(10)) + 1}: no date line found")
    file = dict(zip(files, paths, strict=True))
    nope = f"expected one of {', '.join(map(repr, DOMAIN_SLUGS))}, got string 'nope'"
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{file['good.json']}: ok, 1 profile",
        f"{file['bad.json']}:$.language: required field missing",
        f"{file['bad.json']}:$.published.month: expected a month from 1 to 12, got 13",
        f"{file['bad.json']}:$.findings[0].domain: {nope}",
        f"{file['bad.jsonl']}:2:11: invalid JSON: Expecting ',' delimiter",
        f"{file['bad.jsonl']}:3:$.language: required field missing",
        f"{file['bad.jsonl']}:3:$.published.month: expected a month from 1 to 12, got 13",
        f"{file['bad.jsonl']}:3:$.findings[0].domain: {nope}",
        f"{file['bad.jsonl']}:4:$.id: the id 'copy-0' is also on line 1",
        *[f"{file['bad.txt']}:{line}" for line in page_lines],
        f"{file['notes.txt']}:1: no profile found; expected the profile: an INTRODUCTION "
        "heading, or a domain heading followed by a label such as 'Well-developed areas:'",
        f"{file['latin1.json']}:byte 8: not UTF-8 text",
        f"{missing}: cannot read the file: No such file or directory",
    ]
    problems = 3 + 5 + len(page_lines) + 3
    assert result.stderr == f"mgi: error: {problems} problems in 6 of 7 files\n"


def test_a_page_is_read_leniently_so_that_every_problem_is_found(tmp_path: Path) -> None:
    page = BUNDLED.to_text().replace("ALIANZAS", "ALIANZA").replace("BIENESTAR", "BIEN-ESTAR")
    path = _write(tmp_path, "page.txt", page)
    result = _mgi("check", path)
    expected = mgi.parse_profile(page, strict=False).warnings
    assert len(expected) >= 2
    assert result.stdout.splitlines() == [
        f"{path}:{warning.location.removeprefix('line ')}: {warning.message}"
        for warning in expected
    ]
    assert result.returncode == 1


def test_standard_input_is_told_by_its_content() -> None:
    result = _mgi("check", "-", stdin=mgi.dumps_profiles(OTHERS).encode())
    assert (result.returncode, result.stdout) == (0, "<stdin>: ok, 3 profiles\n")
    result = _mgi("check", "-", stdin=b'{"id": "x"}\n{"id": "y"}\n')
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:1:$.title: required field missing\n")
    assert "<stdin>:2:$.title: required field missing\n" in result.stdout


def test_text_over_the_size_limit_is_one_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.txt", "x" * (MAX_PAGE_SIZE + 1))
    result = _mgi("check", path)
    assert result.returncode == 1
    assert result.stdout == (
        f"{path}:1: the text has {MAX_PAGE_SIZE + 1:,} characters, more than the limit of "
        f"{MAX_PAGE_SIZE:,} (pass max_size= to read longer text)\n"
    )


@pytest.mark.parametrize(("args", "status"), [(["check", "--help"], 0), (["check"], 2)])
def test_help_and_usage(args: list[str], status: int) -> None:
    result = _mgi(*args)
    assert result.returncode == status
    assert "FILE" in result.stdout + result.stderr


def test_output_the_terminal_cannot_encode_is_escaped_not_fatal() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "mgi", "show"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Migraci\\xf3n" in result.stdout.splitlines()[0]
