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

Every document written names its format in ``"$schema"``, the ``$id`` of the
shipped JSON Schema (:func:`mgi.schema`); a document without it is read as
the current format, one from a newer format is refused:

>>> mgi.profile_to_dict(profile)["$schema"]
'urn:mgi:profile:1'
>>> mgi.loads_profile('{"$schema": "urn:mgi:profile:2", "id": "x"}')
Traceback (most recent call last):
...
mgi.errors.DataError: $.$schema: the document is in mgi profile format 2, newer than format 1, ...

The types of the JSON-shaped form (:class:`ProfileDocument` and the
documents inside it) let a type checker see its keys.
"""

from __future__ import annotations

import gc
import itertools
import json
import json.scanner
import os
import warnings
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal, TypedDict, cast

from mgi._convert import structure, unstructure
from mgi._files import checked_path, read_bytes, write_text
from mgi._formats import PROFILE, VERSION_KEY
from mgi._jsonio import parse_json
from mgi.collections import Profiles
from mgi.errors import DataError, FileError, InvalidValueError, MGIWarning, Problem
from mgi.model import FindingKindName, Profile
from mgi.taxonomy import DOMAIN_SLUGS, DomainSlug

__all__ = [
    "FindingDocument",
    "PlaceDocument",
    "ProfileDocument",
    "SourceDocument",
    "document_kind",
    "document_problems",
    "dump_profile",
    "dump_profiles",
    "dumps_profile",
    "dumps_profiles",
    "load_profile",
    "load_profiles",
    "loads_profile",
    "loads_profiles",
    "profile_from_dict",
    "profile_to_dict",
]

# -- the JSON-shaped form, typed --------------------------------------------------


class PlaceDocument(TypedDict):
    """A profile document's ``place`` (see :class:`mgi.Place`).

    >>> import mgi
    >>> place: mgi.PlaceDocument = mgi.profile_to_dict(mgi.profiles[0])["place"]
    >>> place["level"], place["country"]
    ('local', 'GTM')
    """

    name: str
    """The place's name as the profile gives it."""
    kind: str
    """What sort of place: 'country', 'municipality', ..."""
    level: Literal["national", "local"]
    """``'national'`` or ``'local'`` (a document never says ``'city'``)."""
    country: str
    """ISO 3166-1 alpha-3 code of the country."""
    country_name: str
    """The country's name as the profile writes it."""


class FindingDocument(TypedDict):
    """One of a profile document's ``findings`` (see :class:`mgi.Finding`).

    >>> import mgi
    >>> finding: mgi.FindingDocument = mgi.profile_to_dict(mgi.profiles[0])["findings"][0]
    >>> finding["domain"], finding["kind"]
    ('migrants_rights', 'well_developed')
    """

    domain: DomainSlug
    """The domain's slug (a :class:`mgi.Finding` holds its number)."""
    kind: FindingKindName
    """``'well_developed'`` or ``'potential'``."""
    text: str
    """The finding as the profile words it."""


class SourceDocument(TypedDict):
    """A profile document's ``source`` (see :class:`mgi.Source`).

    >>> import mgi
    >>> mgi.profile_to_dict(mgi.profiles[0])["source"]["url"] is None
    True
    """

    description: str
    """What the text was taken from."""
    url: str | None
    """The address of the page, or ``None`` (null) where it is not known."""


# "$schema" is no Python name: the key is declared the other way, in a base.
_Versioned = TypedDict("_Versioned", {"$schema": str})


class ProfileDocument(_Versioned):
    """A profile as JSON-shaped data: what :func:`profile_to_dict` returns and
    :func:`profile_from_dict` reads.  Its keys are described, with every
    constraint on their values, by the schema ``mgi.schema("profile")``.

    ``"$schema"`` names the format; the loaders take documents without it as
    the current format.

    >>> import mgi
    >>> document: mgi.ProfileDocument = mgi.profile_to_dict(mgi.profiles[0])
    >>> document["$schema"], document["published"], document["place"]["name"]
    ('urn:mgi:profile:1', '2024-08', 'Municipalidad de Huehuetenango')
    """

    id: str
    """The profile's stable id, e.g. 'huehuetenango-2024'."""
    title: str
    """The title as published."""
    place: PlaceDocument
    """The country or local authority assessed."""
    language: str
    """Code (ISO 639) of the language the profile is written in."""
    published: str
    """Month of publication, 'YYYY-MM'."""
    introduction: list[str]
    """The introduction's paragraphs, in page order."""
    findings: list[FindingDocument]
    """Every finding, in page order."""
    source: SourceDocument
    """Where the profile's text comes from."""


# -- one document --------------------------------------------------------------------


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
    mine.json: $.findings[2].domain: expected one of 'migrants_rights', ..., got string 'rights' \
(did you mean 'migrants_rights'?)

    A domain, a finding kind and a level are accepted in their canonical form
    only, the one :func:`profile_to_dict` writes.  ``"$schema"``, when given,
    must name this format (``'urn:mgi:profile:1'``).
    """
    if isinstance(data, dict) and VERSION_KEY in data:
        return _versioned(data, source)
    return structure(data, Profile, source)


MAX_PROFILE_SIZE = 16 * 2**20
"""The most bytes :func:`load_profile` reads from a file, and the longest line
of a JSON Lines file (a published profile takes some 20 KB); pass
``max_size=`` to read more."""

MAX_FILE_SIZE = 4 * 2**30
"""The most bytes :func:`load_profiles` reads from one JSON Lines file (some
300,000 profiles); pass ``max_size=`` to read more."""

MAX_PROBLEMS = 100
"""Reading JSON Lines stops after this many problems: a file that is not
JSON Lines at all gives one screenful, not one problem a line forever."""


def _versioned(data: dict[str, Any], source: str | None) -> Profile:
    """Read a document that names its format: refused at once if the format is
    newer, its problem reported with the others if it names no known format."""
    version = data[VERSION_KEY]
    rest = {key: value for key, value in data.items() if key != VERSION_KEY}
    message = PROFILE.problem(version)
    if message is None:
        return structure(rest, Profile, source)
    problem = Problem(f"$.{VERSION_KEY}", message)
    if PROFILE.is_newer(version):  # other problems would only be the newer format's keys
        raise DataError([problem], source)
    try:
        structure(rest, Profile, source)
    except DataError as error:
        raise DataError([problem, *error.problems], source) from None
    raise DataError([problem], source)


def _checked_text(text: object) -> str | bytes:
    if not isinstance(text, (str, bytes)):
        raise InvalidValueError(f"expected JSON text as str or bytes, got {type(text).__name__}")
    return text


def loads_profile(text: str | bytes, source: str | None = None) -> Profile:
    """Read a profile from JSON text; ``source`` names it in error messages.

    >>> import mgi
    >>> mgi.loads_profile('{"id": "x"', source="mine.json")
    Traceback (most recent call last):
    ...
    mgi.errors.DataError: mine.json: line 1, column 11: invalid JSON: Expecting ',' delimiter
    """
    return profile_from_dict(parse_json(_checked_text(text), source), source)


def load_profile(path: str | os.PathLike[str], *, max_size: int = MAX_PROFILE_SIZE) -> Profile:
    """Read a profile from a JSON file of at most ``max_size`` bytes.

    >>> import mgi, pathlib, tempfile
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profile.json")
    ...     mgi.dump_profile(profile, path)
    ...     print(mgi.load_profile(path) == profile)
    True

    Problems name the file (see :func:`loads_profile`); a file that cannot be
    read, or is larger than ``max_size``, raises :class:`mgi.FileError`; a
    path that is not a ``str`` or ``os.PathLike`` raises
    :class:`mgi.InvalidValueError` before anything is opened.
    """
    name = checked_path(path)
    return loads_profile(read_bytes(name, max_size), name)


def load_profiles(
    *sources: str | os.PathLike[str] | Profile | Iterable[Profile], max_size: int = MAX_FILE_SIZE
) -> Profiles:
    """One collection from any mix of sources, with the query API of ``mgi.profiles``.

    Each source is a directory (every regular ``.json``, ``.jsonl`` and
    ``.ndjson`` file directly in it, read as below, in the order of their
    names; anything else with those names, such as a folder, a FIFO or a
    link to a folder, is skipped with an :class:`mgi.MGIWarning`, and no
    sub-folder is read), a JSON Lines file (``.jsonl`` or ``.ndjson``: one
    profile per line, blank lines skipped; at most ``max_size`` bytes, each
    line at most :data:`MAX_PROFILE_SIZE`), a JSON file holding one profile,
    a :class:`~mgi.Profile`, or a collection or other iterable of profiles
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
    collecting = gc.isenabled()
    gc.disable()
    try:
        pairs: list[tuple[Profile, str]] = []
        for number, source in enumerate(sources, 1):
            pairs.extend(_profiles_in(source, number, max_size))
        return Profiles._with_sources(pairs)
    finally:
        if collecting:
            gc.enable()


def _profiles_in(
    source: str | os.PathLike[str] | Profile | Iterable[Profile], number: int, max_size: int
) -> Iterator[tuple[Profile, str]]:
    if isinstance(source, Profile):
        yield source, f"argument {number}"
    elif isinstance(source, Profiles):
        yield from ((profile, source.source_of(profile.id)) for profile in source)
    elif isinstance(source, (str, os.PathLike)):
        yield from _profiles_at(checked_path(source), max_size)
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


def _profiles_at(name: str, max_size: int) -> Iterator[tuple[Profile, str]]:
    if os.path.isdir(name):
        for file_name in _folder_files(name):
            yield from _profiles_in_file(os.path.join(name, file_name), max_size)
    else:
        yield from _profiles_in_file(name, max_size)


def _profiles_in_file(name: str, max_size: int) -> Iterator[tuple[Profile, str]]:
    if _KINDS.get(_extension(name)) == "jsonl":
        yield from _json_lines_file(name, max_size)
    else:
        yield load_profile(name), name


def _folder_files(folder: str) -> list[str]:
    """The names of the regular profile files directly in ``folder``; what
    else bears such a name is skipped, with a warning that says so."""
    try:
        entries = [entry for entry in os.scandir(folder) if _extension(entry.name) in _KINDS]
        regular = {entry.name for entry in entries if entry.is_file()}
    except OSError as error:
        raise FileError(folder, "read the folder", _reason(error), error.errno) from None
    for entry in entries:
        if entry.name not in regular:
            message = f"{os.path.join(folder, entry.name)}: skipped: not a regular file"
            warnings.warn(message, MGIWarning, stacklevel=2)
    return sorted(regular)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _json_lines_file(name: str, max_size: int) -> Iterator[tuple[Profile, str]]:
    try:
        with open(name, "rb") as file:
            found, problems = _json_lines(_limited_lines(file, name, max_size))
    except OSError as error:
        raise FileError(name, "read the file", _reason(error), error.errno) from None
    if problems:
        raise DataError(problems, name)
    return ((profile, f"{name}, line {number}") for profile, number in found)


def _limited_lines(file: IO[bytes], name: str, max_size: int) -> Iterator[bytes]:
    """The lines of ``file``, each at most MAX_PROFILE_SIZE bytes and all of
    them at most ``max_size``: both limits apply while reading."""
    total = 0
    for number in itertools.count(1):
        line = file.readline(MAX_PROFILE_SIZE + 1)
        if not line:
            return
        total += len(line)
        if len(line) > MAX_PROFILE_SIZE:
            reason = f"line {number} is longer than the limit of {MAX_PROFILE_SIZE:,} bytes"
            raise FileError(name, "read the file", reason)
        if total > max_size:
            reason = f"larger than the limit of {max_size:,} bytes (pass max_size= to read more)"
            raise FileError(name, "read the file", reason)
        yield line


def dump_profiles(profiles: Iterable[Profile], path: str | os.PathLike[str]) -> None:
    """Write profiles to a JSON Lines file, one per line, as :func:`load_profiles` reads them.

    The file is written as :func:`dump_profile` writes one.

    >>> import mgi, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profiles.jsonl")
    ...     mgi.dump_profiles(mgi.profiles, path)
    ...     print(len(path.read_text(encoding="utf-8").splitlines()))
    1
    """
    write_text(path, dumps_profiles(profiles))


def profile_to_dict(profile: Profile) -> ProfileDocument:
    """The JSON-shaped form of ``profile``, as the loaders accept it: a new
    :class:`ProfileDocument`, the format named first.

    >>> import mgi
    >>> data = mgi.profile_to_dict(mgi.profiles["huehuetenango-2024"])
    >>> list(data)
    ['$schema', 'id', 'title', 'place', 'language', 'published', 'introduction', 'findings', \
'source']
    >>> data["published"], data["findings"][0]["domain"]
    ('2024-08', 'migrants_rights')
    """
    # The converter's output has the record's keys; the format goes first.
    return cast("ProfileDocument", {VERSION_KEY: PROFILE.id, **unstructure(profile)})


def dumps_profile(profile: Profile) -> str:
    """The profile as JSON text, in the form of the bundled files.

    >>> import mgi
    >>> print(mgi.dumps_profile(mgi.profiles["huehuetenango-2024"])[:65])
    {
      "$schema": "urn:mgi:profile:1",
      "id": "huehuetenango-2024",
    """
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2) + "\n"


def dump_profile(profile: Profile, path: str | os.PathLike[str]) -> None:
    """Write the profile to a JSON file.

    A regular file is replaced whole or not at all, keeping its mode; a
    symbolic link is followed (the file it points to is replaced); a device
    or a FIFO is written as a stream; ``"-"`` is standard output.

    >>> import mgi, pathlib, tempfile
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "profile.json")
    ...     mgi.dump_profile(profile, path)
    ...     print(path.read_text(encoding="utf-8") == mgi.dumps_profile(profile))
    True
    """
    write_text(path, dumps_profile(profile))


# -- JSON Lines ----------------------------------------------------------------------


def dumps_profiles(profiles: Iterable[Profile]) -> str:
    """Profiles as JSON Lines text: one compact JSON object a line.

    >>> import mgi
    >>> text = mgi.dumps_profiles(mgi.profiles)
    >>> text.count("\\n"), text[:60]
    (1, '{"$schema":"urn:mgi:profile:1","id":"huehuetenango-2024","ti')
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
    found, problems = _json_lines(_byte_lines(_checked_text(text)))
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
    found: list[tuple[Profile, int]] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(f"line {number}", "too many problems: stopped reading here"))
            break
        if not line or line.isspace():  # strip() would copy every line
            continue
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

    ``kind`` is ``'json'`` (one profile) or ``'jsonl'`` (JSON Lines); by
    default :func:`document_kind` decides. A copied page (kind ``'text'``)
    is checked by :func:`mgi.parse.page_problems` instead.

    >>> import mgi
    >>> document_problems(mgi.dumps_profiles(mgi.profiles), "all.jsonl")
    (1, ())
    >>> count, problems = document_problems('{"id": "x"}', "mine.json")
    >>> count, str(problems[0])
    (0, '$.title: required field missing')
    """
    kind = kind or document_kind(name, data)
    if kind == "jsonl":
        found, on_lines = _json_lines(_byte_lines(data))
        gaps = [
            Problem(f"line {number}, {problem.location}", problem.message)
            for profile, number in found
            for problem in profile_gaps(profile)
        ]
        return len(found), tuple(sorted([*on_lines, *gaps], key=lambda p: p.line or 0))
    try:
        profile = loads_profile(data)
    except DataError as error:
        return 0, error.problems
    return 1, profile_gaps(profile)


def profile_gaps(profile: Profile) -> tuple[Problem, ...]:
    """What a valid profile lacks to be whole: any finding at all (an empty
    profile is no profile), or findings in some of the six domains.
    ``mgi check`` reports them; the loaders accept such a profile.

    >>> import attrs, mgi
    >>> profile = mgi.profiles["huehuetenango-2024"]
    >>> profile_gaps(profile)
    ()
    >>> [str(gap) for gap in profile_gaps(attrs.evolve(profile, findings=()))]
    ['$.findings: the profile has no findings']
    >>> few = attrs.evolve(profile, findings=profile.select(domain=3))
    >>> print(profile_gaps(few)[0])
    $.findings: no findings for domains migrants_rights, whole_of_government, wellbeing, ...
    """
    if not profile.findings:
        return (Problem("$.findings", "the profile has no findings"),)
    present = {finding.domain for finding in profile.findings}
    missing = [slug for number, slug in enumerate(DOMAIN_SLUGS, 1) if number not in present]
    if missing:
        return (Problem("$.findings", f"no findings for domains {', '.join(missing)}"),)
    return ()


def document_kind(name: str, data: bytes | str) -> DocumentKind:
    """What a file holds: by its extension (``.json``; ``.jsonl`` or
    ``.ndjson``; ``.txt`` is ``'text'``, a copied page), else by its content
    (JSON starts with ``{``; JSON Lines is several lines that each do).

    >>> document_kind("a.NDJSON", ""), document_kind("-", '{"id": 1}'), document_kind("-", "Title")
    ('jsonl', 'json', 'text')
    """
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
