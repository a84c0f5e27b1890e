"""The coverage policy: when a state counts as underserved, and which listings count.

One frozen value built once per request by the web layer (from the app config) and
passed to every service that judges coverage: gap maps and tables, region pages and
briefs, coverage exports and the mentoring "closes a gap" component.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CoveragePolicy:
    """How coverage is judged: the underserved threshold and which listings count.

    `underserved_below` is in places per month per 1,000 people in need; a state
    with need and providers below it is underserved. Unverified listings and stale
    ones (neither assured nor reviewed in 12 months) count only with `include_stale`.
    """

    underserved_below: float
    include_stale: bool = False

    def threshold(self, category: str) -> float:
        """Return the ratio under which `category` is underserved (one for all, now)."""
        return self.underserved_below

    def counted(self, verified: np.ndarray, stale: np.ndarray) -> np.ndarray:
        """Return a boolean mask of the listings that count, given their flags."""
        if self.include_stale:
            return np.ones(len(verified), bool)
        return np.asarray(verified, bool) & ~np.asarray(stale, bool)
