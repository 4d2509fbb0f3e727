"""Shared fixtures: the seed page the bundled data must match, and a plain-text environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# Variables that colour output even into a pipe (Sphinx, pyright and pytest
# read them) or set the width help text is wrapped to (argparse reads
# COLUMNS): a machine that sets them must not change what the tests read back.
TERMINAL_SETTINGS = ("FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE", "COLUMNS", "LINES")


@pytest.fixture(autouse=True, scope="session")
def plain_text_tools() -> Iterator[None]:
    """Programs the tests run print plain text at the default width, whatever the machine sets."""
    with pytest.MonkeyPatch.context() as patch:
        for name in TERMINAL_SETTINGS:
            patch.delenv(name, raising=False)
        patch.setenv("NO_COLOR", "1")
        yield


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The lines of the copied Huehuetenango page, exactly as published."""
    return (FIXTURES / "huehuetenango-2024.txt").read_text(encoding="utf-8").split("\n")
