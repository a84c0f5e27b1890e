"""Score components in [0, 1] for explainable rankings (partners, mentoring).

Each component is a plain function of arrays, so a ranking can show why a result
is where it is: the components themselves, and the weights that combine them.
NaN marks a component that does not apply to a row (it is left out of the mean).
"""

from __future__ import annotations

import numpy as np

CAPACITY_SCALE = 500.0  # people a month that count as a large service
DISTANCE_SCALE_KM = 150.0


def weighted_score(
    components: dict[str, np.ndarray], weights: dict[str, float]
) -> np.ndarray:
    """Return the weighted mean of the components that apply (NaN ones skipped)."""
    total = None
    weight_sum = None
    for name, weight in weights.items():
        values = np.asarray(components[name], float)
        applies = ~np.isnan(values)
        part = np.where(applies, values * weight, 0.0)
        used = np.where(applies, weight, 0.0)
        total = part if total is None else total + part
        weight_sum = used if weight_sum is None else weight_sum + used
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight_sum > 0, total / weight_sum, 0.0)


def share_of(masks: np.ndarray, wanted: int) -> np.ndarray:
    """Return the share of `wanted` bits set in each mask (NaN if none wanted)."""
    masks = np.asarray(masks, np.int64)
    if not wanted:
        return np.full(len(masks), np.nan)
    found = np.bitwise_count(masks & np.int64(wanted))
    return found / np.bitwise_count(np.int64(wanted))


def capacity_score(people_a_month: np.ndarray, unknown: float = 0.3) -> np.ndarray:
    """Return a log-scaled capacity (500 people a month or more is 1)."""
    capacity = np.asarray(people_a_month, float)
    scaled = np.log1p(np.maximum(capacity, 0)) / np.log1p(CAPACITY_SCALE)
    return np.where(np.isnan(capacity), unknown, np.minimum(scaled, 1.0))


def distance_score(km: np.ndarray, scale_km: float = DISTANCE_SCALE_KM) -> np.ndarray:
    """Return 1 at no distance, falling by e every `scale_km`."""
    return np.exp(-np.maximum(np.asarray(km, float), 0) / scale_km)


def freshness_score(verified: np.ndarray, stale: np.ndarray) -> np.ndarray:
    """Return 1 for verified, recently reviewed data, less for unverified or stale."""
    verified = np.asarray(verified, bool)
    stale = np.asarray(stale, bool)
    return np.select(
        [verified & ~stale, ~verified & ~stale, verified & stale],
        [1.0, 0.6, 0.5],
        default=0.2,
    )


def level_score(position: np.ndarray, levels: int) -> np.ndarray:
    """Return a position on an ordered scale as 0..1 (-1, not stated, is 0)."""
    position = np.asarray(position, float)
    return np.where(position < 0, 0.0, position / max(levels - 1, 1))


def best_per_group(
    groups: np.ndarray, tiers: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Return row indices, best first by (tier, -score), keeping each group's best."""
    order = np.lexsort((-np.asarray(scores), np.asarray(tiers)))
    _, first = np.unique(np.asarray(groups)[order], return_index=True)
    return order[np.sort(first)]
