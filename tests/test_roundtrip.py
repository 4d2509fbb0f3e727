"""Any valid profile survives dump -> load unchanged, as JSON and as JSON Lines."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st
from tests.strategies import profiles

import mgi


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_json_round_trip(profile: mgi.Profile) -> None:
    assert mgi.loads_profile(mgi.dumps_profile(profile)) == profile
    assert mgi.profile_from_dict(mgi.profile_to_dict(profile)) == profile


@settings(max_examples=40, deadline=None)
@given(st.lists(profiles, max_size=5, unique_by=lambda profile: profile.id))
def test_json_lines_round_trip(items: list[mgi.Profile]) -> None:
    text = mgi.dumps_profiles(items)
    assert text.count("\n") == len(items)
    assert mgi.loads_profiles(text) == tuple(items)
    assert mgi.loads_profiles(text.replace("\n", "\r\n").encode()) == tuple(items)
