"""Files at the boundary with the operating system: read with a size limit,
written without harming what is at the path.

Reading stops at a limit while it reads, so ``/dev/zero`` or a runaway
stream fails fast instead of filling memory. Writing keeps what the path
holds safe:

- a regular file is replaced whole or not at all, through a temporary file
  beside it (named ``.NAME.mgi-…`` so that it is recognisable), keeping the
  file's mode and owner; a new file follows the umask;
- a symbolic link is followed: the file it points to is replaced, the link
  stays;
- a device, a FIFO or ``-`` (standard output) is written as a stream,
  never renamed over;
- a path that names one of the inputs is refused;
- in a folder where no file can be created, an existing writable file is
  written in place.

The temporary file is removed on every exit Python sees: an exception,
``KeyboardInterrupt`` (SIGINT) and, in the ``mgi`` command, SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable
from typing import IO

from mgi.errors import FileError, InvalidValueError, _shown

__all__ = ["STDIO", "checked_path", "read_bytes", "read_limited", "write_bytes", "write_text"]

STDIO = "-"
"""The name that means standard input (reading) or standard output (writing)."""

_CHUNK = 1 << 20


def checked_path(path: object, what: str = "path") -> str:
    """``path`` as a string, if it is a ``str`` or ``os.PathLike`` naming a
    file; :class:`mgi.InvalidValueError` before anything is opened otherwise
    (an int would be taken as a file descriptor, ``None`` or a list are
    mistakes, a NUL cannot be in a path).

    >>> checked_path(1)
    Traceback (most recent call last):
    ...
    mgi.errors.InvalidValueError: path: expected a file name as str or os.PathLike, got int 1
    """
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        shown = f"{type(path).__name__} {_shown(path)}"
        raise InvalidValueError(f"expected a file name as str or os.PathLike, got {shown}", what)
    if "\0" in name or not name:
        raise InvalidValueError(f"not a file name: {_shown(name)}", what)
    return name


def read_limited(stream: IO[bytes], limit: int, name: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; :class:`mgi.FileError` as soon
    as there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        reason = f"larger than the limit of {limit:,} bytes (pass max_size= to read more)"
        raise FileError(name, "read the file", reason)
    return data


def read_bytes(path: object, limit: int) -> bytes:
    """The bytes of the file ``path`` (``-``: standard input), at most ``limit``."""
    name = checked_path(path)
    if name == STDIO:
        if sys.stdin is None:
            raise FileError("<stdin>", "read", "standard input is closed")
        return read_limited(sys.stdin.buffer, limit, "<stdin>")
    try:
        with open(name, "rb") as file:
            return read_limited(file, limit, name)
    except OSError as error:
        raise FileError(name, "read the file", _reason(error), error.errno) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_text(path: object, text: str, inputs: Iterable[object] = ()) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` as the module
    docstring says; ``inputs`` are the files the text was made from."""
    write_bytes(path, _encoded(text, path), inputs)


def write_bytes(path: object, data: bytes, inputs: Iterable[object] = ()) -> None:
    """Write ``data`` to ``path`` as the module docstring says."""
    name = checked_path(path)
    if name == STDIO:
        _write_stdout(data)
        return
    target = os.path.realpath(name) if os.path.islink(name) else name
    try:
        _refuse_inputs(target, inputs)
        found = _stat(target)
        if found is not None and stat.S_ISDIR(found.st_mode):
            raise FileError(name, "write the file", "it is a folder, not a regular file")
        if found is not None and not stat.S_ISREG(found.st_mode):
            _write_stream(target, data)  # a device or a FIFO: never renamed over
        else:
            _replace(target, data, found)
    except OSError as error:
        raise FileError(name, "write the file", _reason(error), error.errno) from None


def _encoded(text: str, path: object) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate
        found = error.object[error.start]
        reason = f"U+{ord(found):04X}, half of a surrogate pair, is not a character"
        raise FileError(str(path), "write the file", reason) from None


def _write_stdout(data: bytes) -> None:
    if sys.stdout is None:
        raise FileError("<stdout>", "write", "standard output is closed")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _refuse_inputs(target: str, inputs: Iterable[object]) -> None:
    if _stat(target) is None:
        return
    for given in inputs:
        name = checked_path(given)
        if name != STDIO and _stat(name) is not None and os.path.samefile(name, target):
            reason = f"it is an input of this command ({name}); write elsewhere"
            raise FileError(target, "write the file", reason)


def _write_stream(target: str, data: bytes) -> None:
    with open(target, "wb") as stream:
        stream.write(data)


def _replace(target: str, data: bytes, found: os.stat_result | None) -> None:
    folder, base = os.path.split(target)
    temporary = os.path.join(folder, f".{base}.mgi-{os.urandom(4).hex()}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except PermissionError:
        if found is None:
            raise
        _write_stream(target, data)  # no file can be made beside it: in place
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if found is not None:
            _keep_mode_and_owner(temporary, found)
        os.replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise


def _keep_mode_and_owner(path: str, found: os.stat_result) -> None:
    os.chmod(path, stat.S_IMODE(found.st_mode))
    with contextlib.suppress(PermissionError, AttributeError):  # not ours, or no chown
        os.chown(path, found.st_uid, found.st_gid)


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
