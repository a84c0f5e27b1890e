"""Colours of a gap map: classes of the supply/demand ratio, gaps, and no data."""

from __future__ import annotations

import warnings

import numpy as np

GAP_COLOUR = "#3f007d"  # deep purple: demand and nobody delivering
NO_DATA_COLOUR = "#bdbdbd"
UNKNOWN_COLOUR = "#fdae6b"  # light orange: capacity not reported, so not judged
# ColorBrewer PuBu, darkest (least served) first; sequential and colour-blind safe,
# and not red, which people read as "dangerous area".
RATIO_COLOURS = ("#045a8d", "#2b8cbe", "#74a9cf", "#bdc9e1", "#f1eef6")
MAX_CLASSES = 4


def ratio_breaks(ratios: np.ndarray, classes: int = MAX_CLASSES) -> list[float]:
    """Return quantile upper bounds of the finite `ratios` (at most `classes`)."""
    finite = np.asarray(ratios, float)
    finite = finite[np.isfinite(finite)]
    distinct = len(np.unique(finite))
    if distinct == 0:
        return []
    if distinct == 1:
        return [float(finite[0])]
    import mapclassify  # here: it loads scipy.stats (~1 s), which commands need not

    with warnings.catch_warnings():
        # mapclassify says so when ties leave fewer classes; fewer is what we want.
        warnings.simplefilter("ignore", UserWarning)
        classifier = mapclassify.Quantiles(finite, k=min(classes, distinct))
    # Three significant digits: classes that would read the same are one class.
    return sorted({float(f"{value:.3g}") for value in classifier.bins})


def class_colours(breaks: list[float]) -> list[str]:
    """Return the colour of each class of `breaks`, darkest (lowest ratio) first."""
    return list(RATIO_COLOURS[: len(breaks)])


def fill_colour(status: str, ratio: float, breaks: list[float]) -> str:
    """Return the fill of a region with `status` and supply/demand `ratio`."""
    if status == "no_data":
        return NO_DATA_COLOUR
    if status == "gap":
        return GAP_COLOUR
    if status == "unknown":
        return UNKNOWN_COLOUR
    if not np.isfinite(ratio) or not breaks:
        return RATIO_COLOURS[-1]
    index = int(np.searchsorted(breaks, ratio, side="left"))
    return class_colours(breaks)[min(index, len(breaks) - 1)]
