"""Any valid profile survives dump -> load unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from tests.strategies import profiles

import mgi


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_json_round_trip(profile: mgi.Profile) -> None:
    assert mgi.loads_profile(mgi.dumps_profile(profile)) == profile
    assert mgi.profile_from_dict(mgi.profile_to_dict(profile)) == profile
