"""Reasons come from the same numbers as the score: on the demo, for every partner
of every state for a few services, each reason agrees with its component (issue 15,
case 9)."""

import math

import numpy as np
import pytest

from cso_map.geo.scoring import DISTANCE_SCALE_KM, capacity_score
from cso_map.services.analysis.policy import CoveragePolicy
from cso_map.services.matching.partners import PartnerQuery, likely_partners
from cso_map.services.records.seeding import seed_demo
from cso_map.services.snapshot.build import directory_snapshot
from tests.conftest import clear_directory

FRESHNESS = {(True, False): 1.0, (False, False): 0.6, (True, True): 0.5}
SERVICES = (("legal_advice",), ("shelter",), ("health", "housing"))

# Every listing, so that every kind of freshness reason is walked.
POLICY = CoveragePolicy(underserved_below=1.0, include_stale=True)


@pytest.fixture(scope="module")
def demo(app):
    with app.app_context():
        clear_directory()
        seed_demo()
        snapshot = directory_snapshot()
        codes = snapshot.regions["code"].tolist()
        yield {
            (code, services): likely_partners(PartnerQuery(code, services), POLICY)
            for code in codes
            for services in SERVICES
        }
        clear_directory()


def reason(partner, code):
    return next((r for r in partner.reasons if r["code"] == code), None)


def test_freshness_is_explained_by_what_it_is_scored_on(demo):
    checked = 0
    for partners in demo.values():
        for partner in partners:
            found = reason(partner, "verified") or reason(partner, "unverified")
            key = (found["code"] == "verified", found["stale"])
            assert partner.components["freshness"] == FRESHNESS.get(key, 0.2)
            checked += 1
    assert checked > 1000


def test_capacity_and_distance_reasons_agree_with_their_components(demo):
    for partners in demo.values():
        for partner in partners:
            capacity = reason(partner, "capacity")
            if capacity is not None:
                expected = float(capacity_score(np.array([capacity["people"]]))[0])
                assert partner.components["capacity"] == pytest.approx(
                    expected, abs=1e-3
                )
            nearby = reason(partner, "nearby")
            if nearby is not None:
                expected = math.exp(-nearby["km"] / DISTANCE_SCALE_KM)
                assert partner.components["distance"] == pytest.approx(
                    expected, abs=0.01
                )
