"""The JSON document formats ``mgi`` reads and writes, and their versions.

Each format has a name, a version (a whole number) and an id, the ``$id`` of
its shipped JSON Schema: ``urn:mgi:<name>:<version>``.  A document names its
format in the key ``"$schema"``; a document without the key is read as the
current version, and one from a newer version is refused with a message that
names both:

>>> PROFILE.id
'urn:mgi:profile:1'
>>> PROFILE.problem("urn:mgi:profile:1") is None
True
>>> print(PROFILE.problem("urn:mgi:profile:2"))
the document is in mgi profile format 2, newer than format 1, the newest this \
version of mgi reads: upgrade mgi to read it

The ids are URNs rather than web addresses: the schemas ship inside the
package (``mgi.schema(name)``, ``mgi schema NAME``), and no address is
promised that might stop answering.
"""

from __future__ import annotations

import json
import re
from typing import Literal, TypeAlias

import attrs

from mgi.errors import _shown

__all__ = ["FORMATS", "PROFILE", "RESPONSES", "VERSION_KEY", "Format", "SchemaName"]

#: The names of the document formats, as ``mgi.schema(name)`` takes them.
SchemaName: TypeAlias = Literal["profile", "responses"]

#: The key in which a document names its format.
VERSION_KEY = "$schema"


@attrs.frozen
class Format:
    """One document format at the version this ``mgi`` writes."""

    name: SchemaName
    version: int
    title: str

    @property
    def id(self) -> str:
        """The ``$id`` of the format's schema, which documents give as ``$schema``."""
        return f"urn:mgi:{self.name}:{self.version}"

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` as a document's ``$schema``, or None."""
        if value == self.id:
            return None
        if self.is_newer(value):
            return (
                f"the document is in mgi {self.name} format {self._version_in(value)}, newer "
                f"than format {self.version}, the newest this version of mgi reads: "
                "upgrade mgi to read it"
            )
        shown = json.dumps(value) if value is None or isinstance(value, bool) else _shown(value)
        return f"expected {self.id!r} (mgi {self.name} format {self.version}), got {shown}"

    def is_newer(self, value: object) -> bool:
        """Whether ``value`` names a later version of this format."""
        found = self._version_in(value)
        return found is not None and found > self.version

    def _version_in(self, value: object) -> int | None:
        pattern = rf"urn:mgi:{re.escape(self.name)}:([1-9][0-9]{{0,8}})"
        found = re.fullmatch(pattern, value) if isinstance(value, str) else None
        return int(found[1]) if found else None


PROFILE = Format("profile", 1, "mgi profile document")
RESPONSES = Format("responses", 1, "mgi SDG indicator 10.7.2 responses file")

FORMATS: dict[SchemaName, Format] = {"profile": PROFILE, "responses": RESPONSES}
