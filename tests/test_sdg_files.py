"""SDG 10.7.2 responses files (JSON and CSV), the documented example files and
the ``mgi sdg`` command, run as users run it."""

from __future__ import annotations

import csv
import doctest
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import mgi
from mgi.sdg import Response

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
KEYS = [f"{number}{letter}" for number in range(1, 7) for letter in "abcde"]
HEADER = "subcategory,response\n"


def complete() -> dict[str, str]:
    return {key: "yes_only_legal_status" if key[0] == "1" else "yes" for key in KEYS}


def as_csv(responses: dict[str, str]) -> str:
    return HEADER + "".join(f"{key},{value}\n" for key, value in responses.items())


def problems(text: str | bytes, kind: str) -> list[str]:
    with pytest.raises(mgi.DataError) as caught:
        mgi.sdg.loads_responses(text, kind, source=f"answers.{kind}")
    assert all(p.location for p in caught.value.problems)
    return str(caught.value).splitlines()


# -- reading -----------------------------------------------------------------


def test_json_and_csv_read_the_same_responses() -> None:
    responses = complete()
    from_json = mgi.sdg.loads_responses(json.dumps(responses))
    from_csv = mgi.sdg.loads_responses(as_csv(responses), "csv")
    assert from_json == from_csv == {key: Response(value) for key, value in responses.items()}
    assert list(from_json) == KEYS


def test_keys_are_given_in_sub_category_order_and_canonical_form() -> None:
    text = HEADER + "6E , no\n\n 1.a,yes_regardless_of_status\n"
    assert mgi.sdg.loads_responses(text.encode("utf-8-sig"), "csv") == {
        "1a": Response.YES_REGARDLESS_OF_STATUS,
        "6e": Response.NO,
    }


def test_the_example_files_hold_a_complete_set() -> None:
    from_json = mgi.sdg.load_responses(EXAMPLES / "sdg-responses.json")
    from_csv = mgi.sdg.load_responses(str(EXAMPLES / "sdg-responses.csv"))
    assert from_json == from_csv
    assert list(from_json) == KEYS
    assert mgi.sdg.score(from_json).missing == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", "answers.json: $: expected an object mapping sub-category keys"),
        ('{"2a": 1}', "answers.json: $['2a']: sub-category 2a: expected 'yes' or 'no', got 1"),
        ('{"2a": null}', "answers.json: $['2a']: sub-category 2a: expected"),
        ('{"9z": "no"}', "answers.json: $['9z']: unknown sub-category '9z'"),
        (
            '{"1a": "no", "1A": "no"}',
            "answers.json: $['1A']: write the sub-category key as '1a': a JSON file takes the "
            "keys '1a' to '6e' as written",
        ),
        ('{"1a": "no", "1a": "no"}', "answers.json: line 1, column 1: invalid JSON: the key '1a'"),
        # Python 3.13 names the comma (column 12), earlier ones the brace.
        ('{"1a": "no",}', "answers.json: line 1, column 1"),
        (b'{"1a": "\xff"}', "answers.json: byte 8: not UTF-8 text"),
    ],
)
def test_json_problems_name_the_file_and_the_path(text: str | bytes, expected: str) -> None:
    with pytest.raises(mgi.DataError) as caught:
        mgi.sdg.loads_responses(text, source="answers.json")
    assert str(caught.value).startswith(expected)


def test_every_json_problem_is_reported() -> None:
    text = json.dumps({"1a": "yes", "2a": "yes_only_legal_status", "3a": "yes", "8a": "no"})
    assert problems(text, "json") == [
        "answers.json: $['1a']: sub-category 1a: expected 'yes_regardless_of_status', "
        "'yes_only_legal_status' or 'no', got 'yes' "
        "(domain 1 asks whether it holds regardless of immigration status)",
        "answers.json: $['2a']: sub-category 2a: expected 'yes' or 'no', "
        "got 'yes_only_legal_status' (answers about immigration status are for domain 1 only)",
        "answers.json: $['8a']: unknown sub-category '8a'",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "answers.csv: line 1: expected the header 'subcategory,response', got no rows"),
        ("\n\n", "answers.csv: line 1: expected the header"),
        ("key,value\n1a,no\n", "answers.csv: line 1: expected the header"),
        ("\nsubcategory\n", "answers.csv: line 2: expected the header"),
        (HEADER + "1a,no\n2a\n", "answers.csv: line 3: expected 2 columns"),
        (HEADER + "1a,no,extra\n", "answers.csv: line 2: expected 2 columns"),
        (HEADER + "1a,no\n\n7a,no\n", "answers.csv: line 4: unknown sub-category '7a'"),
        (HEADER + "2a,Yes\n", "answers.csv: line 2: sub-category 2a: expected 'yes' or 'no'"),
        (HEADER + "2a,\n", "answers.csv: line 2: sub-category 2a: expected 'yes' or 'no', got ''"),
        (HEADER + "2a,no\n2A,yes\n", "answers.csv: line 3: sub-category 2a is given twice"),
        (HEADER + '2a,"no\n', "answers.csv: line 2: invalid CSV"),
        (b"subcategory,response\n1a,\xe9\n", "answers.csv: byte 24: not UTF-8 text"),
    ],
)
def test_csv_problems_name_the_file_and_the_line(text: str | bytes, expected: str) -> None:
    assert problems(text, "csv")[0].startswith(expected)


def test_every_csv_problem_is_reported_in_line_order() -> None:
    text = HEADER + "1a,yes\n2a,no,no\n3a,maybe\n"
    found = problems(text, "csv")
    assert [line.split(":")[1].strip() for line in found] == ["line 2", "line 3", "line 4"]


def test_quoted_csv_cells_are_read() -> None:
    text = HEADER + '"2a","yes"\n"Access to justice",no\n'
    assert mgi.sdg.loads_responses(text, "csv") == {"1e": Response.NO, "2a": Response.YES}


def test_file_names_decide_the_format(tmp_path: Path) -> None:
    path = tmp_path / "answers.txt"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(mgi.MGIError, match=r"answers.txt: cannot tell the format"):
        mgi.sdg.load_responses(path)
    upper = tmp_path / "ANSWERS.CSV"
    upper.write_text(HEADER + "3c,yes\n", encoding="utf-8")
    assert mgi.sdg.load_responses(upper) == {"3c": Response.YES}
    with pytest.raises(mgi.MGIError, match=r"missing.json: cannot read the file"):
        mgi.sdg.load_responses(tmp_path / "missing.json")
    with pytest.raises(mgi.MGIError, match=r"unknown responses format 'xml'"):
        mgi.sdg.loads_responses("<x/>", "xml")


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(HEADER + "1a,no\n2a,legal\n", encoding="utf-8")
    with pytest.raises(mgi.DataError, match=r"answers.csv: line 3: sub-category 2a"):
        mgi.sdg.load_responses(path)


def test_the_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    outcome = doctest.testfile(
        str(ROOT / "docs" / "sdg.md"), module_relative=False, optionflags=flags, verbose=False
    )
    assert outcome.attempted > 10
    assert outcome.failed == 0


# -- the command line ---------------------------------------------------------


def mgi_command() -> list[str]:
    script = shutil.which("mgi", path=str(Path(sys.executable).parent))
    assert script is not None, "the console script is installed with the package"
    return [script]


def run(*args: str, script: bool = False) -> subprocess.CompletedProcess[str]:
    command = mgi_command() if script else [sys.executable, "-m", "mgi"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT)


def test_sdg_lists_the_structure() -> None:
    done = run("sdg", script=True)
    assert done.returncode == 0, done.stderr
    assert "SG_CPA_MIGRS" in done.stdout
    assert "UN DESA (Population Division), IOM" in done.stdout
    for domain in mgi.sdg.indicator.domains:
        assert f"{domain.code}  {domain.name}" in done.stdout
        for item in domain.subcategories:
            assert f"{item.key}  {item.name[:40]}" in done.stdout
    assert "answers: yes_regardless_of_status, yes_only_legal_status, no" in done.stdout
    assert "2 Partially meets (>= 40 and < 80)" in done.stdout


def test_score_prints_a_table() -> None:
    # The example file, worked by hand: domain 1 is (1 + 1 + 0.5 + 0.5 + 0) / 5,
    # domains 2-6 have 4, 5, 2, 4 and 4 yes; overall 22 / 30.
    done = run("sdg", "score", "docs/examples/sdg-responses.json", script=True)
    assert done.returncode == 0, done.stderr
    table = re.findall(r"^(\S+) .* (\d+\.\d)  (\d) ([A-Z].*)$", done.stdout, re.MULTILINE)
    assert [row[:3] for row in table] == [
        ("PD_1", "60.0", "2"),
        ("PD_2", "80.0", "3"),
        ("PD_3", "100.0", "4"),
        ("PD_4", "40.0", "2"),
        ("PD_5", "80.0", "3"),
        ("PD_6", "80.0", "3"),
        ("_T", "73.3", "2"),
    ]
    assert [row[3] for row in table[-2:]] == ["Meets", "Partially meets"]
    assert "Missing" not in done.stdout


def test_score_csv_and_json_output_are_the_tidy_rows() -> None:
    as_table = run("sdg", "score", str(EXAMPLES / "sdg-responses.csv"), "--format", "csv")
    as_json = run("sdg", "score", str(EXAMPLES / "sdg-responses.json"), "--format", "json")
    assert as_table.returncode == as_json.returncode == 0
    document = json.loads(as_json.stdout)
    rows = list(csv.DictReader(io.StringIO(as_table.stdout)))
    assert [row["breakdown"] for row in rows] == [row["breakdown"] for row in document["values"]]
    assert [float(row["value"]) for row in rows] == [row["value"] for row in document["values"]]
    assert rows[-1]["breakdown"] == "_T"
    assert rows[-1]["label"] == "Partially meets"
    assert [row["subcategory"] for row in document["answers"]] == KEYS
    assert document["missing"] == []


def test_score_a_partial_file_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(HEADER + "3a,yes\n3b,yes\n", encoding="utf-8")
    refused = run("sdg", "score", str(path))
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr.count("\n") == 1
    assert f"{path}: missing responses for 28 sub-categories: 1a, 1b" in refused.stderr
    assert "--partial" in refused.stderr
    done = run("sdg", "score", str(path), "--partial", "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["values"][2]["value"] == 40.0
    assert len(document["missing"]) == 28
    assert "3a" not in document["missing"]
    text = run("sdg", "score", str(path), "--partial")
    assert "Missing, scored 0: 1a, 1b" in text.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"2a": "yes_only_legal_status"}', "bad.json: $['2a']: sub-category 2a"),
        ("bad.csv", HEADER + "1a,no\n1b,yes\n", "bad.csv: line 3: sub-category 1b"),
        ("bad.txt", "", "bad.txt: cannot tell the format"),
    ],
)
def test_score_errors_are_one_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    done = run("sdg", "score", str(path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("mgi: error: ")
    assert done.stderr.count("\n") == 1
    assert message in done.stderr


def test_score_usage_errors() -> None:
    missing_file = run("sdg", "score", "no-such-file.json")
    assert missing_file.returncode == 1
    assert "no-such-file.json: cannot read the file" in missing_file.stderr
    no_argument: Any = run("sdg", "score")
    assert no_argument.returncode == 2
    bad_format = run("sdg", "score", "x.json", "--format", "xml")
    assert bad_format.returncode == 2
