"""IOM's Migration Governance Indicators (MGI) as typed, packaged data.

>>> import mgi
>>> mgi.domains[1].name
"Migrants' rights"
>>> mgi.profiles["huehuetenango-2024"].place.name
'Municipalidad de Huehuetenango'

``import mgi`` parses nothing: ``mgi.domains``, ``mgi.profiles``,
``mgi.assessments`` and the SDG indicator 10.7.2 data of ``mgi.sdg`` are read
from the packaged JSON on first use, once. Every public name is listed once, in ``_PUBLIC`` below,
with the module that defines it; the module is imported when the name is
first used.
"""

from __future__ import annotations

import importlib

# Not imported from typing: keeping ``import mgi`` down to this one module.
# The imports below are for type checkers only (``X as X`` re-exports X);
# tests/test_public_names.py checks that they match ``_PUBLIC``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Unpack

    from mgi import sdg as sdg
    from mgi._formats import SchemaName as SchemaName
    from mgi.catalogue import Assessments as Assessments
    from mgi.collections import (
        Profiles as Profiles,
        Subcategories as Subcategories,
        SubcategoryKey as SubcategoryKey,
    )
    from mgi.documents import (
        FindingDocument as FindingDocument,
        PlaceDocument as PlaceDocument,
        ProfileDocument as ProfileDocument,
        SourceDocument as SourceDocument,
        dump_profile as dump_profile,
        dump_profiles as dump_profiles,
        dumps_profile as dumps_profile,
        dumps_profiles as dumps_profiles,
        load_profile as load_profile,
        load_profiles as load_profiles,
        loads_profile as loads_profile,
        loads_profiles as loads_profiles,
        profile_from_dict as profile_from_dict,
        profile_to_dict as profile_to_dict,
    )
    from mgi.errors import (
        DataError as DataError,
        FileError as FileError,
        InvalidValueError as InvalidValueError,
        MGIError as MGIError,
        MGIWarning as MGIWarning,
        MissingDependencyError as MissingDependencyError,
        NotFoundError as NotFoundError,
        ParseError as ParseError,
        PositionError as PositionError,
        Problem as Problem,
        ResponseError as ResponseError,
    )
    from mgi.export import (
        Cell as Cell,
        Table as Table,
        findings_table as findings_table,
        summary_table as summary_table,
        to_records as to_records,
    )
    from mgi.index import (
        Hit as Hit,
        Hits as Hits,
        Part as Part,
        PartName as PartName,
        Query as Query,
        SearchCriteria as SearchCriteria,
        Term as Term,
    )
    from mgi.indicator import (
        Category as Category,
        Response as Response,
        SdgDomain as SdgDomain,
        SdgIndicator as SdgIndicator,
        Subcategory as Subcategory,
    )
    from mgi.model import (
        Assessment as Assessment,
        DataSource as DataSource,
        DomainFindings as DomainFindings,
        Finding as Finding,
        FindingKind as FindingKind,
        FindingKindName as FindingKindName,
        Place as Place,
        Profile as Profile,
        Provenance as Provenance,
        PublishedCount as PublishedCount,
        Source as Source,
        YearMonth as YearMonth,
    )
    from mgi.official import (
        RegionalShare as RegionalShare,
        ResultSource as ResultSource,
        SdgResult as SdgResult,
    )
    from mgi.parse import (
        ParseResult as ParseResult,
        parse_profile as parse_profile,
    )
    from mgi.results import (
        CategoryKey as CategoryKey,
        RegionalShares as RegionalShares,
        SdgResults as SdgResults,
    )
    from mgi.sdg import (
        Answer as Answer,
        ComparedValue as ComparedValue,
        Comparison as Comparison,
        DomainScore as DomainScore,
        Score as Score,
    )
    from mgi.taxonomy import (
        Domain as Domain,
        DomainKey as DomainKey,
        Domains as Domains,
        DomainSlug as DomainSlug,
        Level as Level,
        LevelName as LevelName,
        MigofElement as MigofElement,
        MigofKind as MigofKind,
        Name as Name,
        NameUse as NameUse,
        SubArea as SubArea,
    )

__version__ = "0.2.0"
"""The package version; the bundled data has its own (``provenance().data_version``)."""

# The one table of public names: name -> the module that defines it.
_PUBLIC = {
    **dict.fromkeys(
        [
            "MGIError",
            "MGIWarning",
            "NotFoundError",
            "PositionError",
            "InvalidValueError",
            "DataError",
            "ParseError",
            "ResponseError",
            "FileError",
            "MissingDependencyError",
            "Problem",
        ],
        "errors",
    ),
    **dict.fromkeys(
        [
            "Domain",
            "Domains",
            "DomainKey",
            "DomainSlug",
            "Name",
            "NameUse",
            "SubArea",
            "MigofElement",
            "MigofKind",
            "Level",
            "LevelName",
        ],
        "taxonomy",
    ),
    **dict.fromkeys(
        [
            "Profile",
            "Place",
            "Finding",
            "FindingKind",
            "FindingKindName",
            "DomainFindings",
            "YearMonth",
            "Source",
            "Provenance",
            "DataSource",
            "Assessment",
            "PublishedCount",
        ],
        "model",
    ),
    **dict.fromkeys(
        ["Category", "Response", "SdgDomain", "SdgIndicator", "Subcategory"], "indicator"
    ),
    **dict.fromkeys(["Profiles", "Subcategories", "SubcategoryKey"], "collections"),
    **dict.fromkeys(
        [
            "load_profile",
            "loads_profile",
            "load_profiles",
            "loads_profiles",
            "profile_from_dict",
            "profile_to_dict",
            "dump_profile",
            "dumps_profile",
            "dump_profiles",
            "dumps_profiles",
            "ProfileDocument",
            "PlaceDocument",
            "FindingDocument",
            "SourceDocument",
        ],
        "documents",
    ),
    "SchemaName": "_formats",
    **dict.fromkeys(["ParseResult", "parse_profile"], "parse"),
    **dict.fromkeys(
        ["Hit", "Hits", "Part", "PartName", "Query", "SearchCriteria", "Term"], "index"
    ),
    **dict.fromkeys(["Answer", "DomainScore", "Score", "Comparison", "ComparedValue"], "sdg"),
    **dict.fromkeys(["SdgResult", "ResultSource", "RegionalShare"], "official"),
    **dict.fromkeys(["SdgResults", "RegionalShares", "CategoryKey"], "results"),
    "Assessments": "catalogue",
    **dict.fromkeys(["Cell", "Table", "findings_table", "summary_table", "to_records"], "export"),
    "sdg": "sdg",  # the submodule itself: SDG indicator 10.7.2
    "domains": "_data",  # the bundled data, read on first use
    "profiles": "_data",
    "assessments": "_data",  # the catalogue of known assessments: incomplete
}

__all__ = sorted([*_PUBLIC, "__version__", "provenance", "schema", "search"])

domains: Domains
"""The six MGI domains (:class:`mgi.Domains`), loaded on first use."""
profiles: Profiles
"""The bundled profiles (:class:`mgi.Profiles`), loaded on first use."""
assessments: Assessments
"""The catalogue of known MGI assessments (:class:`mgi.Assessments`), loaded
on first use. It is incomplete: its ``notice`` says how much."""


def provenance() -> Provenance:
    """Where the bundled data comes from, and its data version.

    >>> import mgi
    >>> info = mgi.provenance()
    >>> info.data_version == mgi.__version__  # the data is versioned on its own
    False
    >>> "the web address of the Huehuetenango profile page" in info.not_found
    True
    """
    from mgi import _data

    return _data.provenance()


def schema(name: SchemaName) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document format: ``'profile'`` (a
    profile document, as :func:`mgi.dumps_profile` writes it) or
    ``'responses'`` (an SDG 10.7.2 responses file in JSON).

    Each call returns a new dict, the caller's to change. Its ``$id``
    (``urn:mgi:profile:1``) is what a document gives as ``"$schema"``;
    ``mgi schema NAME`` prints the same schema at the shell.

    >>> import mgi
    >>> schema = mgi.schema("profile")
    >>> schema["$id"], schema["required"][:3]
    ('urn:mgi:profile:1', ['id', 'title', 'place'])
    >>> mgi.schema("responses")["properties"]["1a"]["title"]
    'Essential and/or emergency health care'
    """
    from mgi import _data

    return _data.schema(name)


def search(query: str, **criteria: Unpack[SearchCriteria]) -> Hits:
    """Search the bundled profiles; see :meth:`mgi.Profiles.search`.

    >>> import mgi
    >>> [hit.location for hit in mgi.search("diáspora", kind="potential")]
    ['domain 2 (whole_of_government), potential 1']
    """
    from mgi import _data

    return _data.profiles().search(query, **criteria)


def __getattr__(name: str) -> Any:
    home = _PUBLIC.get(name)
    if home is None:
        raise AttributeError(f"module 'mgi' has no attribute {name!r}")
    value: Any = importlib.import_module(f"mgi.{home}")
    if home == "_data":
        value = getattr(value, name)()  # the loader: data is read now, once
    elif home != name:  # a name that is its own home is the submodule itself
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
