"""Colours of a gap map: classes of the supply/demand ratio, gaps, and no data.

Classes are half-open, [edge, next edge): a ratio equal to an edge belongs to the
class above it. The underserved threshold is always an edge, so the legend shows
the line the pages speak of ("underserved below 1"), and a state exactly at the
threshold (which is served) shares no colour with underserved ones.
"""

from __future__ import annotations

import warnings

import numpy as np

from cso_map.geo.coverage import DEFAULT_UNDERSERVED_BELOW

GAP_COLOUR = "#3f007d"  # deep purple: demand and nobody delivering
NO_DATA_COLOUR = "#bdbdbd"
UNKNOWN_COLOUR = "#fdae6b"  # light orange: capacity not reported, so not judged
# ColorBrewer PuBu, darkest (least served) first; sequential and colour-blind safe,
# and not red, which people read as "dangerous area".
RATIO_COLOURS = ("#045a8d", "#2b8cbe", "#74a9cf", "#bdc9e1", "#f1eef6")
MAX_CLASSES = 4  # quantile classes; the threshold can add one more


def _rounded(value: float) -> float:
    """Return `value` to three significant digits, as the legend shows it."""
    return float(f"{value:.3g}")


def ratio_edges(
    ratios: np.ndarray,
    threshold: float = DEFAULT_UNDERSERVED_BELOW,
    classes: int = MAX_CLASSES,
) -> list[float]:
    """Return the inner edges of the classes of `ratios`: quantiles and `threshold`."""
    finite = np.asarray(ratios, float)
    finite = finite[np.isfinite(finite)]
    edges = {float(threshold)}
    distinct = len(np.unique(finite))
    if distinct > 1:
        import mapclassify  # here: it loads scipy.stats (~1 s), which commands need not

        with warnings.catch_warnings():
            # mapclassify says so when ties leave fewer classes; fewer is what we want.
            warnings.simplefilter("ignore", UserWarning)
            bins = mapclassify.Quantiles(finite, k=min(classes, distinct)).bins
        lowest = finite.min()
        # The last bin is the largest ratio, not an edge; an edge at the smallest
        # would leave an empty class; one that reads as the threshold is dropped.
        edges |= {
            _rounded(value)
            for value in bins[:-1]
            if value > lowest and _rounded(value) != _rounded(threshold)
        }
    return sorted(edges)


def class_colours(edges: list[float]) -> list[str]:
    """Return the colour of each class of `edges`, darkest (lowest ratio) first."""
    return list(RATIO_COLOURS[: len(edges) + 1])


def fill_colour(status: str, ratio: float, edges: list[float]) -> str:
    """Return the fill of a region with `status` and supply/demand `ratio`."""
    if status == "no_data":
        return NO_DATA_COLOUR
    if status == "gap":
        return GAP_COLOUR
    if status == "unknown":
        return UNKNOWN_COLOUR
    if not np.isfinite(ratio):
        return RATIO_COLOURS[-1]
    index = int(np.searchsorted(edges, ratio, side="right"))
    return class_colours(edges)[index]
