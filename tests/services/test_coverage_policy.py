"""The coverage policy: one threshold for every category, and which listings count."""

import numpy as np

from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.taxonomy import SERVICE_CATEGORIES

VERIFIED = np.array([True, True, False, False])
STALE = np.array([False, True, False, True])


def test_every_category_is_judged_by_the_one_threshold_for_now():
    policy = CoveragePolicy(underserved_below=2.5)
    assert {policy.threshold(code) for code in SERVICE_CATEGORIES.codes()} == {2.5}


def test_only_verified_current_listings_count_unless_stale_ones_are_included():
    strict = CoveragePolicy(1.0)
    lenient = CoveragePolicy(1.0, include_stale=True)
    assert strict.counted(VERIFIED, STALE).tolist() == [True, False, False, False]
    assert lenient.counted(VERIFIED, STALE).tolist() == [True] * 4


def test_policies_are_values():
    assert CoveragePolicy(1.0) == CoveragePolicy(1.0, include_stale=False)
    assert hash(CoveragePolicy(1.0)) == hash(CoveragePolicy(1.0))
    assert CoveragePolicy(1.0) != CoveragePolicy(1.0, include_stale=True)
