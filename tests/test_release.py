"""Release bookkeeping: versions and the changelog agree."""

from __future__ import annotations

import re
from pathlib import Path

import mgi

ROOT = Path(__file__).parent.parent


def test_version_has_a_changelog_entry() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released
    assert released[0] == mgi.__version__
    assert "## [Unreleased]" in changelog


def test_data_version_is_separate_from_the_package_version() -> None:
    info = mgi.provenance()
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d+", info.data_version)
    assert info.data_version != mgi.__version__
    assert info.not_found  # what was looked for and not found is said
    assert all(source.sources for source in info.sources)
