"""Coverage: how much of each region's need the services that reach it can meet.

Everything is vectorized over (service, region) index pairs: which services reach which
regions is worked out once (listed areas, locations inside, radius circles), and each
question (a category, a language, a target group) is a mask over those pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from cso_map.geo.projection import to_metric

STATUSES = ("gap", "underserved", "unknown", "served", "no_data")
PER_PEOPLE = 1000  # ratios are places per month per 1,000 people in need
DEFAULT_UNDERSERVED_BELOW = 1.0


@dataclass(frozen=True)
class Reach:
    """Distinct (service, region) index pairs: `service[i]` reaches `region[i]`."""

    service: np.ndarray
    region: np.ndarray

    @classmethod
    def union(cls, *pairs: tuple[np.ndarray, np.ndarray]) -> Reach:
        """Return the distinct pairs of several (services, regions) array pairs."""
        empty = np.empty(0, np.int64)
        services = np.concatenate([empty, *(np.asarray(s, np.int64) for s, _ in pairs)])
        regions = np.concatenate([empty, *(np.asarray(r, np.int64) for _, r in pairs)])
        if len(services) == 0:
            return cls(services, regions)
        width = int(regions.max()) + 1  # one int64 key per pair sorts fastest
        keys = _sorted_unique(services * width + regions)
        return cls(keys // width, keys % width)

    def restrict(self, keep: np.ndarray) -> Reach:
        """Return the pairs of the services where boolean array `keep` is true."""
        mask = np.asarray(keep, bool)[self.service]
        return Reach(self.service[mask], self.region[mask])


def radius_reach(
    lons: np.ndarray,
    lats: np.ndarray,
    radii_km: np.ndarray,
    regions: gpd.GeoSeries,
    crs: pyproj.CRS | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (point index, region index) where a circle round the point meets a region.

    Points are lon/lat degrees; circles have radius `radii_km` (NaN: no circle) and are
    measured in `crs` (default: an equidistant projection centred on the regions), as
    the distance from the point to the region's boundary, without building buffers:
    the regions' tree finds those whose box meets the circle's box, then each
    (prepared) region tests its own candidates.
    """
    radii = np.asarray(radii_km, float)
    has_radius = np.flatnonzero(~np.isnan(radii) & (radii > 0))
    if len(has_radius) == 0 or len(regions) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    metric_regions = to_metric(regions, crs)
    points = gpd.GeoSeries(
        shapely.points(np.asarray(lons)[has_radius], np.asarray(lats)[has_radius]),
        crs=regions.crs,
    ).to_crs(metric_regions.crs)
    shapes = np.asarray(metric_regions.values)
    centres = np.asarray(points.values)
    xy = shapely.get_coordinates(centres)
    metres = radii[has_radius] * 1000
    boxes = shapely.box(
        xy[:, 0] - metres, xy[:, 1] - metres, xy[:, 0] + metres, xy[:, 1] + metres
    )
    point_index, region_index = shapely.STRtree(shapes).query(boxes)
    shapely.prepare(shapes)
    near = shapely.dwithin(
        shapes[region_index], centres[point_index], metres[point_index]
    )
    return has_radius[point_index[near]], region_index[near]


def split_shares(reach: Reach, demand: np.ndarray, n_services: int) -> np.ndarray:
    """Return, per pair, the share of its service's capacity that goes to its region.

    A service reaching several regions splits its capacity in proportion to their
    demand; a region without a demand figure counts as the average of the service's
    other regions; if none has a figure, or all are zero, the split is equal.
    """
    weights = np.asarray(demand, float)[reach.region]
    known = ~np.isnan(weights)
    known_sum = np.bincount(reach.service, np.where(known, weights, 0), n_services)
    known_count = np.bincount(reach.service, known.astype(float), n_services)
    average = _divide(known_sum, known_count)
    weights = np.where(known, weights, average[reach.service])
    total = np.bincount(reach.service, weights, n_services)[reach.service]
    count = np.bincount(reach.service, minlength=n_services)[reach.service]
    equal = 1.0 / np.maximum(count, 1)
    return np.where(total > 0, _divide(weights, total), equal)


def coverage(
    reach: Reach,
    capacity: np.ndarray,
    demand: np.ndarray,
    underserved_below: float = DEFAULT_UNDERSERVED_BELOW,
) -> pd.DataFrame:
    """Return providers, capacity, demand, ratio and status per region (by index).

    `capacity` is people per month per service (NaN: not reported); `demand` is
    people in need per region (NaN: no figure, never taken as zero). `capacity` and
    `ratio` (capacity per month per 1,000 people in need) add up what is reported;
    `unreported` counts the providers that report none. A region is a `gap` when it
    has demand and no provider, `served` when its ratio reaches `underserved_below`;
    below it, `underserved` if every provider reports its capacity, else `unknown`
    (the missing figures might make up the difference); `no_data` without a demand
    figure. Where no provider reports a capacity the ratio is unknown (NaN), not 0.
    """
    demand = np.asarray(demand, float)
    capacity = np.asarray(capacity, float)
    unreported_service = np.isnan(capacity)
    capacity = np.nan_to_num(capacity)
    n_regions = len(demand)
    shares = split_shares(reach, demand, len(capacity))
    providers = np.bincount(reach.region, minlength=n_regions)
    unreported = np.bincount(
        reach.region, unreported_service[reach.service], minlength=n_regions
    ).astype(int)
    delivered = np.bincount(
        reach.region, capacity[reach.service] * shares, minlength=n_regions
    )
    has_demand = ~np.isnan(demand) & (demand > 0)
    ratio = np.full(n_regions, np.nan)
    ratio[has_demand] = delivered[has_demand] / demand[has_demand] * PER_PEOPLE
    below = has_demand & (ratio < underserved_below)
    status = np.select(
        [
            np.isnan(demand),
            has_demand & (providers == 0),
            below & (unreported > 0),
            below,
        ],
        ["no_data", "gap", "unknown", "underserved"],
        default="served",
    )
    ratio[(providers > 0) & (unreported == providers)] = np.nan
    return pd.DataFrame(
        {
            "providers": providers,
            "unreported": unreported,
            "capacity": delivered,
            "demand": demand,
            "ratio": ratio,
            "status": status,
        }
    )


def language_gaps(
    providers_any: np.ndarray, providers_in_language: np.ndarray
) -> np.ndarray:
    """Return, per region, whether a service exists there but not in the language."""
    return (np.asarray(providers_any) > 0) & (np.asarray(providers_in_language) == 0)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """Return the distinct values, sorted (numpy 2.4's np.unique is 40x slower)."""
    values = np.sort(values)
    keep = np.empty(len(values), bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Return numerator / denominator, and 0 where the denominator is 0."""
    out = np.zeros(np.broadcast(numerator, denominator).shape)
    return np.divide(numerator, denominator, out=out, where=denominator != 0)
