"""The bundled data: packaged files turned into objects, once, on first use.

Files are read through ``importlib.resources`` Traversables only, never
turned into paths, so the package works from a folder, a wheel, a zip or a
frozen app alike. Each loader runs at most once, even when several threads
ask at once. This is the only module that reads the package's data files.
"""

from __future__ import annotations

import _thread
import copy
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from mgi._jsonio import parse_json
from mgi.taxonomy import Domain, Domains, MigofElement, MigofKind, Name, NameUse, SubArea

# The first lookup of a domain needs the imports above only: the modules of
# the other files, the converter's among them, are imported by their loaders,
# so that it stays cheap.
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from mgi._countries import Countries
    from mgi._formats import SchemaName
    from mgi._languages import Languages
    from mgi.catalogue import Assessments
    from mgi.collections import Profiles, Subcategories
    from mgi.indicator import SdgIndicator
    from mgi.model import Provenance
    from mgi.results import RegionalShares, SdgResults

__all__ = [
    "assessments",
    "countries",
    "domains",
    "languages",
    "profiles",
    "provenance",
    "schema",
    "schemas",
    "sdg_indicator",
    "sdg_results",
    "sdg_shares",
    "sdg_subcategories",
]

T = TypeVar("T")


def _once(load: Callable[[], T]) -> Callable[[], T]:
    """Run ``load`` once; every later call, from any thread, gets its result."""
    lock = _thread.allocate_lock()  # the threading module costs an import
    done: list[T] = []

    @wraps(load)
    def loaded() -> T:
        if not done:
            with lock:
                if not done:
                    done.append(load())
        return done[0]

    return loaded


def _package_files() -> Traversable:
    if sys.version_info >= (3, 12):
        from importlib.resources import files
    else:
        from importlib_resources import files
    return files("mgi") / "data"


def read_document(*parts: str) -> tuple[Any, str]:
    """Parse one packaged JSON file; return it with its name for messages."""
    name = "mgi/data/" + "/".join(parts)
    return parse_json(read_bytes(*parts), name), name


def read_record(kind: type[T], file_name: str) -> tuple[T, str]:
    """One packaged JSON file as a ``kind`` record, with its name for
    messages. The converter is imported here, on first need: the first
    lookup of a domain needs none."""
    from mgi._convert import structure

    document, name = read_document(file_name)
    return structure(document, kind, name), name


def read_bytes(*parts: str) -> bytes:
    """The bytes of one packaged file."""
    return _package_files().joinpath(*parts).read_bytes()


@_once
def domains() -> Domains:
    """The six domains from ``data/taxonomy.json``."""
    document = read_document("taxonomy.json")[0]
    try:
        return Domains(map(_domain, document))
    except Exception:  # the converter says what is wrong, and where
        return Domains(read_record(tuple[Domain, ...], "taxonomy.json")[0])


def _domain(record: Any) -> Domain:
    """A domain of the package's own taxonomy, built by the records'
    constructors, which check every value.

    Importing the converter (cattrs) would cost the first lookup more than
    all the rest of it, so the six domains are built without it; a test holds
    the result equal to what the converter builds from the same file.
    """
    names = tuple(Name(**{**name, "use": NameUse(name["use"])}) for name in record["names"])
    subareas = tuple(SubArea(**area) for area in record["subareas"])
    migof = MigofElement(**{**record["migof"], "kind": MigofKind(record["migof"]["kind"])})
    return Domain(**{**record, "names": names, "subareas": subareas, "migof": migof})


@_once
def profiles() -> Profiles:
    """Every bundled profile, one file each under ``data/profiles/``."""
    from mgi.collections import Profiles
    from mgi.documents import profile_from_dict

    folder = _package_files() / "profiles"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".json"))
    loaded = []
    for file_name in names:
        document, name = read_document("profiles", file_name)
        loaded.append((profile_from_dict(document, source=name), name))
    return Profiles._with_sources(loaded)


@_once
def provenance() -> Provenance:
    """Where the bundled data comes from, from ``data/provenance.json``."""
    from mgi.model import Provenance

    return read_record(Provenance, "provenance.json")[0]


@_once
def sdg_indicator() -> SdgIndicator:
    """SDG indicator 10.7.2 from ``data/sdg.json``."""
    from mgi.indicator import SdgIndicator

    return read_record(SdgIndicator, "sdg.json")[0]


@_once
def sdg_subcategories() -> Subcategories:
    """The 30 sub-categories of SDG indicator 10.7.2, indexed."""
    from mgi.collections import Subcategories

    return Subcategories(
        item for domain in sdg_indicator().domains for item in domain.subcategories
    )


@_once
def countries() -> Countries:
    """Country names and ISO 3166-1 codes from ``data/countries.json``."""
    from mgi._countries import Countries, CountryTable

    table, name = read_record(CountryTable, "countries.json")
    return Countries(table.countries, name)


@_once
def schemas() -> dict[SchemaName, dict[str, Any]]:
    """The JSON Schema of each document format, from ``data/schema/``."""
    from mgi._formats import FORMATS

    return {name: read_document("schema", f"{name}.json")[0] for name in FORMATS}


def schema(name: SchemaName) -> dict[str, Any]:
    """A new copy of the JSON Schema of the format ``name``: the caller's to change."""
    from mgi._formats import FORMATS
    from mgi.errors import NotFoundError

    found = schemas().get(name) if isinstance(name, str) else None
    if found is None:
        raise NotFoundError("schema", name, list(FORMATS))
    return copy.deepcopy(found)


def _sdg_result_collections() -> tuple[SdgResults, RegionalShares]:
    from mgi.results import ResultsDocument, collections_of

    return collections_of(*read_record(ResultsDocument, "sdg-results.json"))


@_once
def sdg_results() -> SdgResults:
    """The official SDG 10.7.2 results from ``data/sdg-results.json``."""
    return _sdg_result_collections()[0]


@_once
def sdg_shares() -> RegionalShares:
    """The regional percentages of SG_CPA_MIGRP from ``data/sdg-results.json``."""
    return _sdg_result_collections()[1]


@_once
def assessments() -> Assessments:
    """The catalogue of known assessments from ``data/assessments.json``."""
    from mgi.catalogue import Assessments, CatalogueDocument

    catalogue = read_record(CatalogueDocument, "assessments.json")[0]
    return Assessments(catalogue.assessments, catalogue.published)


@_once
def languages() -> Languages:
    """ISO 639 language codes and names from ``data/languages.json``."""
    from mgi._languages import Languages, LanguageTable

    return Languages(read_record(LanguageTable, "languages.json")[0])
