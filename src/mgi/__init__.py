"""IOM's Migration Governance Indicators (MGI) as typed, packaged data.

>>> import mgi
>>> mgi.domains[1].name
"Migrants' rights"
>>> mgi.profiles["huehuetenango-2024"].place.name
'Municipalidad de Huehuetenango'

``import mgi`` parses nothing: ``mgi.domains``, ``mgi.profiles`` and the
SDG indicator 10.7.2 data of ``mgi.sdg`` are read from the packaged JSON on
first use, once.
"""

from __future__ import annotations

import importlib

# Not imported from typing: keeping ``import mgi`` down to this one module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from mgi import sdg
    from mgi.collections import Domains, Profiles
    from mgi.documents import (
        dump_profile,
        dump_profiles,
        dumps_profile,
        dumps_profiles,
        load_profile,
        load_profiles,
        loads_profile,
        loads_profiles,
        profile_from_dict,
        profile_to_dict,
    )
    from mgi.errors import (
        DataError,
        InvalidValueError,
        MGIError,
        MissingDependencyError,
        NotFoundError,
        ParseError,
        Problem,
        ResponseError,
    )
    from mgi.export import Table, findings_table, summary_table, to_records
    from mgi.index import Hit, Hits, Part, Query, search
    from mgi.model import (
        DataSource,
        Domain,
        DomainFindings,
        Finding,
        FindingKind,
        Level,
        MigofElement,
        MigofKind,
        Name,
        NameUse,
        Place,
        Profile,
        Provenance,
        Source,
        SubArea,
        YearMonth,
    )
    from mgi.parse import ParseResult, parse_profile

__version__ = "0.1.0"
"""The package version; the bundled data has its own (``provenance().data_version``)."""

__all__ = [
    "DataError",
    "DataSource",
    "Domain",
    "DomainFindings",
    "Domains",
    "Finding",
    "FindingKind",
    "Hit",
    "Hits",
    "InvalidValueError",
    "Level",
    "MGIError",
    "MigofElement",
    "MigofKind",
    "MissingDependencyError",
    "Name",
    "NameUse",
    "NotFoundError",
    "ParseError",
    "ParseResult",
    "Part",
    "Place",
    "Problem",
    "Profile",
    "Profiles",
    "Provenance",
    "Query",
    "ResponseError",
    "Source",
    "SubArea",
    "Table",
    "YearMonth",
    "__version__",
    "domains",
    "dump_profile",
    "dump_profiles",
    "dumps_profile",
    "dumps_profiles",
    "findings_table",
    "load_profile",
    "load_profiles",
    "loads_profile",
    "loads_profiles",
    "parse_profile",
    "profile_from_dict",
    "profile_to_dict",
    "profiles",
    "provenance",
    "sdg",
    "search",
    "summary_table",
    "to_records",
]

domains: Domains
"""The six MGI domains (:class:`mgi.collections.Domains`), loaded on first use."""
profiles: Profiles
"""The bundled profiles (:class:`mgi.collections.Profiles`), loaded on first use."""


def provenance() -> Provenance:
    """Where the bundled data comes from, and its data version.

    >>> import mgi
    >>> info = mgi.provenance()
    >>> info.data_version == mgi.__version__  # the data is versioned on its own
    False
    >>> "the web address of the Huehuetenango profile page" in info.not_found
    True
    """
    from mgi._data import provenance as load

    return load()


# Where each public name lives; modules are imported on first use (PEP 562)
# so that ``import mgi`` loads neither attrs, cattrs, json nor any data.
_HOMES = {
    **dict.fromkeys(
        [
            "DataError",
            "InvalidValueError",
            "MGIError",
            "MissingDependencyError",
            "NotFoundError",
            "ParseError",
            "Problem",
            "ResponseError",
        ],
        "errors",
    ),
    **dict.fromkeys(["ParseResult", "parse_profile"], "parse"),
    **dict.fromkeys(
        [
            "DataSource",
            "Domain",
            "DomainFindings",
            "Finding",
            "FindingKind",
            "Level",
            "MigofElement",
            "MigofKind",
            "Name",
            "NameUse",
            "Place",
            "Profile",
            "Provenance",
            "Source",
            "SubArea",
            "YearMonth",
        ],
        "model",
    ),
    **dict.fromkeys(
        [
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
        ],
        "documents",
    ),
    **dict.fromkeys(["Hit", "Hits", "Part", "Query", "search"], "index"),
    **dict.fromkeys(["Domains", "Profiles"], "collections"),
    **dict.fromkeys(["Table", "findings_table", "summary_table", "to_records"], "export"),
    "domains": "_data",
    "profiles": "_data",
    "sdg": "sdg",  # a submodule: SDG indicator 10.7.2
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'mgi' has no attribute {name!r}")
    value: Any = importlib.import_module(f"mgi.{home}")
    if home != name:  # a name that is its own home is the submodule itself
        value = getattr(value, name)
    if home == "_data":
        value = value()  # the loader: data is read now, once
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
