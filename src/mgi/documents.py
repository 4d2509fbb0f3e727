"""Reading and writing profiles as JSON documents, with full validation.

The functions mirror :mod:`json`: ``load_profile`` reads a file,
``loads_profile`` a string, ``profile_from_dict`` already-parsed data; the
``dump`` functions write back the same form.  Every problem raises
:class:`mgi.DataError` naming the file and the JSON path:

>>> import mgi
>>> mgi.loads_profile('{"id": 1}', source="profile.json")
Traceback (most recent call last):
...
mgi.errors.DataError: profile.json: $.id: expected a string, got integer 1
profile.json: $.title: required field missing
...

A round trip gives back an equal profile:

>>> profile = mgi.profiles["huehuetenango-2024"]
>>> mgi.loads_profile(mgi.dumps_profile(profile)) == profile
True

Many profiles travel as JSON Lines, one profile a line (``loads_profiles``,
``dumps_profiles``); problems then name the line too.
"""

from __future__ import annotations

import gc
import json
import json.scanner
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from mgi.errors import DataError, InvalidValueError, MGIError, Problem
from mgi.model import Profile

if TYPE_CHECKING:
    from pathlib import Path

    from mgi.collections import Profiles

__all__ = [
    "decode_text",
    "document_problems",
    "dump_profile",
    "dump_profiles",
    "dumps_profile",
    "dumps_profiles",
    "load_profile",
    "load_profiles",
    "loads_profile",
    "loads_profiles",
    "parse_json",
    "profile_from_dict",
    "profile_to_dict",
    "read_file",
]


def parse_json(data: bytes | str, source: str | None = None) -> Any:
    """Parse JSON text strictly: UTF-8, no duplicate keys, no NaN or Infinity."""
    text = decode_text(data, source)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DataError([Problem(where, f"invalid JSON: {error.msg}")], source) from None
    except _BadJSON as error:
        raise DataError([Problem(_where(text, error), f"invalid JSON: {error}")], source) from None
    except RecursionError:
        raise DataError([Problem("", "invalid JSON: nested too deeply")], source) from None
    except ValueError as error:  # an integer longer than Python converts
        raise DataError([_long_number(text, error)], source) from None


def decode_text(data: bytes | str, source: str | None = None) -> str:
    """The text of UTF-8 ``data`` (a leading byte order mark is dropped)."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError([Problem(f"byte {error.start}", "not UTF-8 text")], source) from None


def _long_number(text: str, error: ValueError) -> Problem:
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", text) if limit else None
    if found is None:
        return Problem("", f"invalid JSON: {error}")
    message = f"invalid JSON: a number with more than {limit} digits"
    return Problem(_line_column(text, found.start()), message)


def _line_column(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    return f"line {line}, column {position - text.rfind(chr(10), 0, position)}"


class _BadJSON(ValueError):
    pass


class _BadConstant(_BadJSON):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):  # rare: find the key for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _BadJSON(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise _BadConstant(f"{name} is not a valid JSON number")


# JSON strings, skipped whole, and the words NaN and Infinity outside them.
_CONSTANTS = re.compile(r'"(?:[^"\\]|\\.)*"|(NaN|-?Infinity)')


def _where(text: str, error: _BadJSON) -> str:
    """Where the problem the fast parser found is: the word NaN or Infinity,
    or the object with a key given twice (found by parsing again, slowly,
    with positions: only ever for a bad document)."""
    if isinstance(error, _BadConstant):
        found = next((token for token in _CONSTANTS.finditer(text) if token[1]), None)
        return _line_column(text, found.start()) if found else ""
    try:
        _Locating().decode(text)
    except _At as at:
        return _line_column(text, at.position)
    except (ValueError, RecursionError):
        pass
    return ""


class _At(Exception):
    def __init__(self, position: int) -> None:
        self.position = position


class _Locating(json.JSONDecoder):
    """The pure-Python decoder, which knows where each object starts."""

    def __init__(self) -> None:
        super().__init__(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
        self.parse_object = _object_at
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def _object_at(start: tuple[str, int], *rest: Any) -> Any:
    try:
        return json.decoder.JSONObject(start, *rest)  # type: ignore[attr-defined]
    except _BadJSON:
        raise _At(start[1] - 1) from None


def profile_from_dict(data: Any, source: str | None = None) -> Profile:
    """Validate JSON-shaped ``data`` (as :func:`json.loads` returns) into a Profile.

    ``data`` is read, never changed.  Every problem found is reported at once:

    >>> import mgi
    >>> data = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    >>> data["published"] = "2024-13"
    >>> data["findings"][2]["domain"] = "rights"
    >>> mgi.profile_from_dict(data, source="mine.json")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: mine.json: $.published.month: expected a month from 1 to 12, got 13
    mine.json: $.findings[2].domain: unknown domain 'rights'
    """
    from mgi._build import structure

    return structure(data, Profile, source)


def loads_profile(text: str | bytes, source: str | None = None) -> Profile:
    """Read a profile from JSON text; ``source`` names it in error messages.

    >>> import mgi
    >>> mgi.loads_profile('{"id": "x"', source="mine.json")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: mine.json: line 1, column 11: invalid JSON: Expecting ',' delimiter
    """
    from mgi._build import build, parse

    try:
        return build(parse(text), Profile, parsed=True)
    except Exception:  # parse again, strictly, to say what is wrong and where
        pass
    return profile_from_dict(parse_json(text, source), source)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read a profile from a JSON file.

    >>> import mgi, pathlib, tempfile
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profile.json")
    ...     mgi.dump_profile(profile, path)
    ...     print(mgi.load_profile(path) == profile)
    True

    Problems name the file (see :func:`loads_profile`); a file that cannot be
    read raises :class:`mgi.MGIError`.
    """
    return loads_profile(read_file(path), os.fspath(path))


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file; a file that cannot be read raises MGIError naming it."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        message = f"{os.fspath(path)}: cannot read the file: {error.strerror or error}"
        raise MGIError(message) from None


def load_profiles(*sources: str | os.PathLike[str] | Profile | Iterable[Profile]) -> Profiles:
    """One collection from any mix of sources, with the query API of ``mgi.profiles``.

    Each source is a directory (every ``.json``, ``.jsonl`` and ``.ndjson``
    file directly in it, read as below, in the order of their names), a JSON
    Lines file (``.jsonl`` or ``.ndjson``: one profile per
    line; blank lines are skipped), a JSON file holding one profile, a
    :class:`~mgi.Profile`, or a collection or other iterable of profiles
    (``mgi.profiles``, parsed pages, ...).

    A bad file raises :class:`mgi.DataError` naming the file, the line (in
    JSON Lines) and the JSON path; an id found twice raises one naming both
    places. Python's cyclic garbage collector is paused while the profiles
    are read: it would otherwise take much of the time of a large load.

    >>> import mgi, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> mgi.dump_profiles(mgi.profiles, folder / "all.jsonl")
    >>> mgi.load_profiles(folder / "all.jsonl").ids
    ('huehuetenango-2024',)
    >>> _ = (folder / "bad.jsonl").write_text('{"id": "x"}\\n{"id": 1}\\n')
    >>> mgi.load_profiles(folder / "bad.jsonl")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: .../bad.jsonl: line 1, $.title: required field missing
    ...
    >>> mgi.load_profiles(mgi.profiles, folder / "all.jsonl")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: profile id 'huehuetenango-2024' appears twice: mgi/data/...json and ...
    """
    from mgi.collections import Profiles

    collecting = gc.isenabled()
    gc.disable()
    try:
        pairs: list[tuple[Profile, str]] = []
        for number, source in enumerate(sources, 1):
            pairs.extend(_profiles_in(source, number))
        return Profiles._with_sources(pairs)
    finally:
        if collecting:
            gc.enable()


def _profiles_in(
    source: str | os.PathLike[str] | Profile | Iterable[Profile], number: int
) -> Iterator[tuple[Profile, str]]:
    from mgi.collections import Profiles

    if isinstance(source, Profile):
        yield source, f"argument {number}"
    elif isinstance(source, Profiles):
        yield from ((profile, source.source_of(profile.id)) for profile in source)
    elif isinstance(source, (str, os.PathLike)):
        yield from _profiles_at(os.fspath(source))
    elif isinstance(source, Iterable):
        for item, profile in enumerate(source):
            if not isinstance(profile, Profile):
                raise InvalidValueError(
                    f"argument {number}, item {item}: expected a Profile, "
                    f"got {type(profile).__name__}"
                )
            yield profile, f"argument {number}, item {item}"
    else:
        raise InvalidValueError(
            f"argument {number}: expected a path, a Profile or profiles, "
            f"got {type(source).__name__}"
        )


DocumentKind = Literal["json", "jsonl", "text"]

# What a file holds, by its extension (in lower case); a folder is read for
# these files only, and other files (notes, pages) are left alone.
_KINDS: dict[str, DocumentKind] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _profiles_at(name: str) -> Iterator[tuple[Profile, str]]:
    if os.path.isdir(name):
        try:
            files = sorted(
                entry.name for entry in os.scandir(name) if _extension(entry.name) in _KINDS
            )
        except OSError as error:
            raise MGIError(f"{name}: cannot read the folder: {error.strerror or error}") from None
        for file_name in files:
            yield from _profiles_at(os.path.join(name, file_name))
    elif _KINDS.get(_extension(name)) == "jsonl":
        yield from _json_lines_file(name)
    else:
        yield load_profile(name), name


def _json_lines_file(name: str) -> Iterator[tuple[Profile, str]]:
    try:
        with open(name, "rb") as file:
            found, problems = _json_lines(file)
    except OSError as error:
        raise MGIError(f"{name}: cannot read the file: {error.strerror or error}") from None
    if problems:
        raise DataError(problems, name)
    return ((profile, f"{name}, line {number}") for profile, number in found)


def dump_profiles(profiles: Iterable[Profile], path: str | os.PathLike[str]) -> None:
    """Write profiles to a JSON Lines file, one per line, as :func:`load_profiles` reads them.

    A new file replaces the old one whole.

    >>> import mgi, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profiles.jsonl")
    ...     mgi.dump_profiles(mgi.profiles, path)
    ...     print(len(path.read_text(encoding="utf-8").splitlines()))
    1
    """
    from pathlib import Path

    write_atomically(Path(path), dumps_profiles(profiles))


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The JSON-shaped form of ``profile``, as the loaders accept it.

    >>> import mgi
    >>> data = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    >>> list(data)
    ['id', 'title', 'place', 'language', 'published', 'introduction', 'findings', 'source']
    >>> data["published"], data["findings"][0]["domain"]
    ('2024-08', 'migrants_rights')
    """
    from mgi._convert import unstructure

    result: dict[str, Any] = unstructure(profile)
    return result


def dumps_profile(profile: Profile) -> str:
    """The profile as JSON text, in the form of the bundled files.

    >>> import mgi
    >>> print(mgi.dumps_profile(mgi.profiles["huehuetenango-2024"])[:32])
    {
      "id": "huehuetenango-2024",
    """
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2) + "\n"


def dump_profile(profile: Profile, path: str | os.PathLike[str]) -> None:
    """Write the profile to a JSON file (a new file replaces the old one whole).

    >>> import mgi, pathlib, tempfile
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profile.json")
    ...     mgi.dump_profile(profile, path)
    ...     print(path.read_text(encoding="utf-8") == mgi.dumps_profile(profile))
    True
    """
    from pathlib import Path

    write_atomically(Path(path), dumps_profile(profile))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise MGIError(f"{path}: cannot write the file: {error.strerror or error}") from None
    except UnicodeEncodeError as error:  # a lone surrogate, as a JSON escape can give
        found = error.object[error.start]
        message = f"U+{ord(found):04X}, half of a surrogate pair, is not a character"
        raise MGIError(f"{path}: cannot write the file: {message}") from None


# -- JSON Lines ----------------------------------------------------------------------


def dumps_profiles(profiles: Iterable[Profile]) -> str:
    """Profiles as JSON Lines text: one compact JSON object a line.

    >>> import mgi
    >>> text = mgi.dumps_profiles(mgi.profiles)
    >>> text.count("\\n"), text[:30]
    (1, '{"id":"huehuetenango-2024","ti')
    """
    return "".join(
        json.dumps(profile_to_dict(profile), ensure_ascii=False, separators=(",", ":")) + "\n"
        for profile in profiles
    )


def loads_profiles(text: str | bytes, source: str | None = None) -> tuple[Profile, ...]:
    """Read profiles from JSON Lines text: one profile (a JSON object) a line,
    blank lines skipped, as :func:`load_profiles` reads a ``.jsonl`` file.
    Ids must be unique.

    Every problem on every line is reported at once, as a
    :class:`mgi.DataError` whose locations give the line and the JSON path
    (or the column, for malformed JSON):

    >>> import mgi
    >>> text = mgi.dumps_profiles(mgi.profiles)
    >>> mgi.loads_profiles(text) == tuple(mgi.profiles)
    True
    >>> mgi.loads_profiles(text + '\\n{"id": "x"\\n' + text, source="all.jsonl")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: all.jsonl: line 3, column 11: invalid JSON: Expecting ',' delimiter
    all.jsonl: line 4, $.id: the id 'huehuetenango-2024' is also on line 1
    """
    found, problems = _json_lines(_byte_lines(text))
    if problems:
        raise DataError(problems, source)
    return tuple(profile for profile, _ in found)


def _byte_lines(text: str | bytes) -> list[bytes]:
    # Lines end at "\n" only, as in a file: JSON strings may hold U+2028.
    # A lone surrogate is kept, to be reported as text that is not UTF-8.
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return data.split(b"\n")


def _json_lines(lines: Iterable[bytes]) -> tuple[list[tuple[Profile, int]], list[Problem]]:
    """Every profile of JSON Lines with its line number, and every problem of
    every line (an id given twice among them)."""
    from mgi._build import build, parse

    found: list[tuple[Profile, int]] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            profile = build(parse(line), Profile, parsed=True)
        except Exception:  # parse again, strictly, to say what and where
            try:
                profile = profile_from_dict(parse_json(line.rstrip(b"\r\n")))
            except DataError as error:
                problems += [_on_line(number, problem) for problem in error.problems]
                continue
        if profile.id in first_line:
            message = f"the id {profile.id!r} is also on line {first_line[profile.id]}"
            problems.append(Problem(f"line {number}, $.id", message))
        else:
            first_line[profile.id] = number
        found.append((profile, number))
    return found, problems


def _on_line(number: int, problem: Problem) -> Problem:
    """A problem of one line's JSON, located in the whole text."""
    where = problem.location.removeprefix("line 1, ")
    return Problem(f"line {number}, {where}" if where else f"line {number}", problem.message)


# -- checking files --------------------------------------------------------------------


def document_problems(
    data: bytes | str, name: str, kind: DocumentKind | None = None
) -> tuple[int, tuple[Problem, ...]]:
    """Check a profile document: the number of profiles in it, and every
    problem found (none when it passes).

    ``kind`` is ``'json'`` (one profile), ``'jsonl'`` (JSON Lines) or
    ``'text'`` (a copied profile page, read leniently so that every problem
    is found; each warning is a problem).  By default the name's extension
    decides (``.json``; ``.jsonl`` or ``.ndjson``; ``.txt``), else the
    content (JSON starts with ``{``).

    >>> import mgi
    >>> document_problems(mgi.dumps_profiles(mgi.profiles), "all.jsonl")
    (1, ())
    >>> count, problems = document_problems('{"id": "x"}', "mine.json")
    >>> count, str(problems[0])
    (0, '$.title: required field missing')
    """
    kind = kind or _kind_of(name, data)
    if kind == "jsonl":
        found, on_lines = _json_lines(_byte_lines(data))
        return len(found), tuple(on_lines)
    try:
        text = decode_text(data, name)
    except DataError as error:
        return 0, error.problems
    if kind == "text":
        from mgi.parse import page_problems

        problems = page_problems(text, name)
        return (0 if problems else 1), problems
    try:
        loads_profile(text)
    except DataError as error:
        return 0, error.problems
    return 1, ()


def _kind_of(name: str, data: bytes | str) -> DocumentKind:
    extension = _extension(name)
    if extension in _KINDS:
        return _KINDS[extension]
    lines = [line.strip() for line in _byte_lines(data) if line.strip()]
    if lines:
        lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")  # a byte order mark
    if extension == ".txt" or not lines or not lines[0].startswith(b"{"):
        return "text"
    # JSON Lines: more than one line, each an object.
    return "jsonl" if len(lines) > 1 and all(line[:1] == b"{" for line in lines) else "json"
