"""The ``mgi`` console script, run as users run it: help, errors, output, parse."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

import mgi

SEED = FIXTURES / "huehuetenango-2024.txt"
BUNDLED = mgi.profiles["huehuetenango-2024"]


def _script() -> str:
    beside = Path(sys.executable).parent / "mgi"
    found = str(beside) if beside.exists() else shutil.which("mgi")
    assert found, "the mgi console script is not installed"
    return found


def _mgi(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    result = subprocess.run(
        [_script(), *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("command", [[], ["domains"], ["show"], ["parse"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = _mgi(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: mgi {' '.join(command)}".rstrip())
    assert result.stderr == ""


def test_python_dash_m_is_the_same_command() -> None:
    via_module = subprocess.run(
        [sys.executable, "-m", "mgi", "show", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert via_module.stdout == _mgi("show", "--format", "json").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bogus"], "invalid choice: 'bogus'"),
        (["show", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["parse"], "the following arguments are required: FILE"),
        (["domains", "--level", "planet"], "invalid choice: 'planet'"),
    ],
)
def test_a_command_line_it_cannot_understand_is_one_line_and_status_2(
    args: list[str], message: str
) -> None:
    result = _mgi(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("mgi: error: ")
    assert message in result.stderr


def test_domains_in_another_language_at_city_level() -> None:
    result = _mgi("domains", "--lang", "es", "--level", "city")
    assert result.returncode == 0
    assert "3. Alianzas" in result.stdout.splitlines()
    assert result.stdout.count("Indicators in this category") == 6
    national = _mgi("domains", "--lang", "fr").stdout
    assert "1. Droits des migrants" in national.splitlines()
    assert national.count("Indicators in this domain") == 2  # domains 1 and 2 say so


def test_show_as_markdown() -> None:
    result = _mgi("show", "huehuetenango-2024", "--format", "markdown")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# {BUNDLED.title}"
    assert [line for line in lines if line.startswith("## ")][1:] == [
        "## 1. DERECHOS DE LAS PERSONAS MIGRANTES",
        "## 2. ENFOQUE DE GOBIERNO INTEGRAL",
        "## 3. ALIANZAS",
        "## 4. BIENESTAR SOCIOECONÓMICO DE LAS PERSONAS MIGRANTES Y LA SOCIEDAD",
        "## 5. MOVILIDAD EN SITUACIONES DE CRISIS",
        "## 6. MIGRACIÓN SEGURA, ORDENADA Y REGULAR",
    ]
    assert sum(line.startswith("- ") for line in lines) == 33


def test_output_to_a_pipe_is_plain_and_to_a_terminal_is_bold() -> None:
    piped = _mgi("show")
    assert "\x1b" not in piped.stdout
    assert piped.stdout.splitlines()[0] == BUNDLED.title

    leader, follower = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["TERM"] = "xterm"
    process = subprocess.Popen([_script(), "show"], stdout=follower, stderr=follower, env=env)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait() == 0
    assert f"\x1b[1m{BUNDLED.title}\x1b[0m".encode() in output


# -- mgi parse -----------------------------------------------------------------


def test_parse_a_file_prints_the_profile_json() -> None:
    result = _mgi("parse", str(SEED))
    assert result.returncode == 0, result.stderr
    assert mgi.loads_profile(result.stdout) == BUNDLED
    assert result.stdout == mgi.dumps_profile(BUNDLED)


def test_parse_standard_input() -> None:
    result = _mgi("parse", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert mgi.loads_profile(result.stdout) == BUNDLED


def test_parse_writes_a_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "profile.json"
    out.write_text("old", encoding="utf-8")
    result = _mgi("parse", str(SEED), "-o", str(out))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert mgi.load_profile(out) == BUNDLED
    assert sorted(path.name for path in tmp_path.iterdir()) == ["profile.json"]


def test_a_failed_parse_leaves_the_output_file_alone(tmp_path: Path) -> None:
    out = tmp_path / "profile.json"
    out.write_text("old", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Nothing to see here.\n", encoding="utf-8")
    result = _mgi("parse", str(page), "-o", str(out))
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.txt", "profile.json"]


def test_parse_errors_name_the_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = SEED.read_text(encoding="utf-8").replace("\nALIANZAS\n", "\nCOOPERACIÓN\n")
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("COOPERACIÓN")].count("\n") + 1

    strict = _mgi("parse", str(page))
    assert (strict.returncode, strict.stdout) == (1, "")
    assert strict.stderr.startswith(f"mgi: error: {page}: line {line}: not one of the six domain")
    assert strict.stderr.count("\n") == 1

    lenient = _mgi("parse", str(page), "--no-strict")
    assert lenient.returncode == 0
    profile = mgi.loads_profile(lenient.stdout)
    assert len(profile.findings) == len(BUNDLED.findings) - 4
    warnings = lenient.stderr.splitlines()
    assert warnings[0].startswith(f"mgi: warning: {page}: line {line}: not one of the six")
    assert all(warning.startswith("mgi: warning: ") for warning in warnings)


def test_parse_options_win_over_the_page() -> None:
    result = _mgi(
        "parse",
        str(SEED),
        "--id",
        "copy-2024",
        "--lang",
        "en",
        "--level",
        "national",
        "--country",
        "Kingdom of Morocco",
        "--published",
        "2024-09",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["id"], data["language"], data["published"]) == ("copy-2024", "en", "2024-09")
    assert (data["place"]["level"], data["place"]["country"]) == ("national", "MAR")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "missing.txt"], "mgi: error: missing.txt: cannot read the file: "),
        (["parse", "."], "mgi: error: .: cannot read the file: "),
        (["parse", str(SEED), "--published", "August"], "mgi: error: expected a year and month"),
        (["parse", str(SEED), "-o", "/nonexistent/dir/out.json"], "mgi: error: /nonexistent/"),
        (["show", "nowhere-2024"], "mgi: error: unknown profile 'nowhere-2024'"),
        (
            ["domains", "--lang", "pt"],
            "mgi: error: no domain names in 'pt'; known: de, en, es, fr",
        ),
    ],
)
def test_errors_are_one_line_on_stderr_with_status_1(args: list[str], message: str) -> None:
    result = _mgi(*args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
