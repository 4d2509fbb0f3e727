"""Shared fixtures: the seed page the bundled data must match."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The lines of the copied Huehuetenango page, exactly as published."""
    return (FIXTURES / "huehuetenango-2024.txt").read_text(encoding="utf-8").split("\n")
