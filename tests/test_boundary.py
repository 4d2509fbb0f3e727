"""Safe at the boundary with the operating system: what is at a path that is
written, inputs read with limits, arguments checked before anything is
opened, and one error line at the shell. Everything happens under tmp_path:
FIFOs, links, device nodes and read-only folders are made there."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import mgi
from mgi import _files, documents
from mgi.cli import main
from mgi.parse import MAX_PAGE_LINES

PROFILE = mgi.profiles["huehuetenango-2024"]
JSON = mgi.dumps_profile(PROFILE)


def _mgi(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mgi", *args],
        capture_output=True,
        text=True,
        check=False,
        **options,  # type: ignore[call-overload]
    )


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("mgi: error: ")
    return line


# -- 1. writing never harms what is at the path --------------------------------


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    mgi.dump_profile(PROFILE, link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == JSON


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o644)
    mgi.dump_profile(PROFILE, old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o644
    previous = os.umask(0o027)
    try:
        mgi.dump_profile(PROFILE, tmp_path / "new.json")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_fifo_is_written_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    mgi.dump_profile(PROFILE, fifo)
    reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received == [JSON.encode()]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_written_as_a_stream_not_replaced(tmp_path: Path) -> None:
    # A null device made under tmp_path: writing to it is harmless.
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert main(["show", "-o", str(device)]) == 0
    assert stat.S_ISCHR(device.stat().st_mode)


def test_dash_is_standard_output() -> None:
    result = _mgi("show", "--format", "json", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout == JSON
    assert not Path("-").exists()


def test_writing_over_an_input_is_refused(tmp_path: Path) -> None:
    collection = tmp_path / "a.jsonl"
    mgi.dump_profiles(mgi.profiles, collection)
    before = collection.read_bytes()
    line = _one_error_line(
        _mgi("export", "--profiles", str(collection), "-o", str(collection), "--format", "csv")
    )
    assert "input" in line
    page = tmp_path / "page.txt"
    page.write_text(PROFILE.to_text(), encoding="utf-8")
    assert "input" in _one_error_line(_mgi("parse", str(page), "-o", str(page)))
    assert collection.read_bytes() == before
    assert page.read_text(encoding="utf-8") == PROFILE.to_text()


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "profile.json"
    old.write_text("old", encoding="utf-8")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        mgi.dump_profile(PROFILE, old)
    assert [path.name for path in tmp_path.iterdir()] == ["profile.json"]
    assert old.read_text(encoding="utf-8") == "old"


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        from mgi.cli import main

        def fsync(fd):  # the signal arrives while the temporary file is written
            assert any(".mgi-" in name for name in os.listdir({str(tmp_path)!r}))
            os.kill(os.getpid(), signal.SIGTERM)

        os.fsync = fsync
        sys.exit(main(["export", "-o", {str(out)!r}]))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_a_folder_where_nothing_can_be_made_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, permissions do not stop a write: refuse the temporary file the
    # way a read-only folder would.
    target = tmp_path / "profile.json"
    target.write_text("old", encoding="utf-8")
    real_open = os.open

    def read_only_folder(path: str, flags: int, mode: int = 0o777) -> int:
        if ".mgi-" in os.fspath(path):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only_folder)
    mgi.dump_profile(PROFILE, target)
    assert target.read_text(encoding="utf-8") == JSON


def test_temporary_files_are_recognisable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def watch(source: str, target: str) -> None:
        seen.append(os.path.basename(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", watch)
    mgi.dump_profile(PROFILE, tmp_path / "p.json")
    (name,) = seen
    assert name.startswith(".p.json.mgi-")
    assert name.endswith(".tmp")


# -- 2. reading has bounds -------------------------------------------------------


@pytest.fixture
def endless(tmp_path: Path) -> Iterator[Path]:
    """A FIFO that gives zeros until its reader goes away (as /dev/zero would)."""
    fifo = tmp_path / "zeros.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as stream:
                while not stop.is_set():
                    stream.write(b"\0" * 65536)
        except OSError:
            pass  # the reader closed its end

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    yield fifo
    stop.set()


def test_an_endless_input_stops_at_the_limit(endless: Path) -> None:
    start = time.perf_counter()
    line = _one_error_line(_mgi("--max-size", "1M", "parse", str(endless)))
    assert "larger than the limit of 1,048,576 bytes" in line
    assert time.perf_counter() - start < 30


def test_read_bytes_applies_the_limit_while_reading(endless: Path) -> None:
    with pytest.raises(mgi.FileError, match="larger than the limit of 1,000 bytes"):
        _files.read_bytes(endless, 1_000)


def test_a_json_lines_line_has_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_PROFILE_SIZE", 1_000)
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * 5_000)
    with pytest.raises(mgi.FileError, match="line 1 is longer than the limit of 1,000 bytes"):
        mgi.load_profiles(big)
    with pytest.raises(mgi.FileError, match="larger than the limit of 10 bytes"):
        mgi.load_profile(big, max_size=10)
    small = tmp_path / "small.jsonl"
    small.write_bytes(b"{}\n" * 100)
    with pytest.raises(mgi.FileError, match="larger than the limit of 10 bytes"):
        mgi.load_profiles(small, max_size=10)


def test_a_file_of_garbage_lines_stops_after_a_screenful_of_problems(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text("nonsense\n" * 10_000, encoding="utf-8")
    with pytest.raises(mgi.DataError) as caught:
        mgi.load_profiles(garbage)
    assert len(caught.value.problems) == documents.MAX_PROBLEMS + 1
    assert "stopped reading" in caught.value.problems[-1].message


def test_folders_are_read_for_regular_files_only_without_recursing(tmp_path: Path) -> None:
    mgi.dump_profile(PROFILE, tmp_path / "a.json")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "sub.json").mkdir()
    mgi.dump_profile(attrs_evolve_id("nested-2024"), tmp_path / "sub.json" / "b.json")
    (tmp_path / "self.json").symlink_to(tmp_path)
    with pytest.warns(mgi.MGIWarning) as warned:
        loaded = mgi.load_profiles(tmp_path)
    assert loaded.ids == ("huehuetenango-2024",)
    skipped = sorted(str(warning.message).split(": ")[0] for warning in warned)
    assert skipped == [str(tmp_path / name) for name in ("fifo.json", "self.json", "sub.json")]


def attrs_evolve_id(new_id: str) -> mgi.Profile:
    import attrs

    return attrs.evolve(PROFILE, id=new_id)


def test_the_cli_says_what_it_skipped(tmp_path: Path) -> None:
    mgi.dump_profile(PROFILE, tmp_path / "a.json")
    (tmp_path / "sub.json").mkdir()
    result = _mgi("export", "--profiles", str(tmp_path))
    assert result.returncode == 0
    assert result.stderr == f"mgi: warning: {tmp_path / 'sub.json'}: skipped: not a regular file\n"


def test_a_page_with_too_many_lines_is_refused_at_once() -> None:
    page = PROFILE.to_text() + "• a\n" * MAX_PAGE_LINES
    start = time.perf_counter()
    with pytest.raises(mgi.ParseError, match="more than 20,000 lines"):
        mgi.parse_profile(page)
    assert time.perf_counter() - start < 5
    assert mgi.parse_profile(page, max_lines=None, strict=False).profile.findings


# -- 3. and 5. arguments are checked before anything is opened -----------------


@pytest.mark.parametrize("path", [1, None, ["a.json"], b"a.json", "a\0.json", ""])
def test_a_path_that_is_not_a_file_name_is_refused(path: object) -> None:
    for load in (mgi.load_profile, mgi.load_profiles, mgi.sdg.load_responses):
        with pytest.raises(mgi.InvalidValueError):
            load(path)  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError):
        mgi.dump_profile(PROFILE, path)  # type: ignore[arg-type]
    assert not sys.stdout.closed


@pytest.mark.parametrize("text", [None, 1, ["{}"]])
def test_json_text_that_is_not_text_is_refused(text: object) -> None:
    for load in (mgi.loads_profile, mgi.loads_profiles):
        with pytest.raises(mgi.InvalidValueError):
            load(text)  # type: ignore[arg-type]


def test_a_country_that_is_not_text_is_an_mgi_error() -> None:
    with pytest.raises(mgi.InvalidValueError, match="country"):
        mgi.search("migrantes", country=1)  # type: ignore[arg-type]
    with pytest.raises(mgi.InvalidValueError, match="country"):
        mgi.profiles.filter(country=320)  # type: ignore[arg-type]


# -- 4. one line at the shell, never a traceback ----------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system of 4 KB, made under tmp_path (root only)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_behind_standard_output_is_one_error_line(full_disk: Path) -> None:
    with open(full_disk / "out.txt", "w", encoding="utf-8") as out:
        result = subprocess.run(
            [sys.executable, "-m", "mgi", "show"],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert "cannot write to standard output: No space left" in _one_error_line(result)


def test_a_full_disk_behind_a_file_keeps_the_old_file(full_disk: Path) -> None:
    old = full_disk / "profile.json"
    old.write_text("old", encoding="utf-8")
    line = _one_error_line(_mgi("show", "--format", "json", "-o", str(old)))
    assert "No space left" in line
    assert old.read_text(encoding="utf-8") == "old"
    assert [path.name for path in full_disk.iterdir()] == ["profile.json"]


def test_a_closed_standard_output_is_one_error_line() -> None:
    result = _mgi("show", preexec_fn=lambda: os.close(1))
    assert "standard output" in _one_error_line(result)


def test_a_closed_standard_input_is_one_error_line() -> None:
    result = _mgi("parse", "-", preexec_fn=lambda: os.close(0))
    assert "standard input is closed" in _one_error_line(result)


# -- 9. the command line says what it did ---------------------------------------------


def test_no_command_prints_the_help_and_fails() -> None:
    result = _mgi()
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: mgi")


def test_words_that_begin_with_a_dash_follow_a_double_dash() -> None:
    result = _mgi("search", "--", "-migra")
    assert result.returncode == 0, result.stderr
    assert "huehuetenango-2024" in result.stdout
    assert "mgi search -- -migra" in _mgi("search", "--help").stdout.replace("\n", " ")


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_a_limit_below_one_is_refused(limit: str) -> None:
    result = _mgi("search", "migrantes", "--limit", limit)
    assert result.returncode == 2
    assert "expected a whole number from 1" in result.stderr


def test_wide_without_summary_is_refused() -> None:
    assert "--wide goes with --summary" in _one_error_line(_mgi("export", "--wide"))


def test_every_csv_ends_its_lines_with_a_newline_only(tmp_path: Path) -> None:
    for args in (["export"], ["export", "--summary"]):
        output = _mgi(*args).stdout
        assert "\r" not in output
        assert output.endswith("\n")
    responses = tmp_path / "r.json"
    responses.write_text('{"1a": "no"}', encoding="utf-8")
    assert "\r" not in _mgi("sdg", "score", str(responses), "--partial", "--format", "csv").stdout


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["export"], "out.json", "["),
        (["export"], "out.csv", "profile_id,"),
        (["show"], "wheel.svg", "<svg"),
        (["show"], "profile.json", "{"),
        (["show"], "profile.md", "# "),
    ],
)
def test_the_extension_gives_the_format(
    tmp_path: Path, args: list[str], name: str, starts: str
) -> None:
    out = tmp_path / name
    result = _mgi(*args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_a_format_that_clashes_with_the_extension_is_refused(tmp_path: Path) -> None:
    line = _one_error_line(_mgi("export", "--format", "csv", "-o", str(tmp_path / "out.json")))
    assert "does not match the extension" in line
    line = _one_error_line(_mgi("show", "-o", str(tmp_path / "out.xlsx")))
    assert "cannot write xlsx" in line
    assert list(tmp_path.iterdir()) == []
