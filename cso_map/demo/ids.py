"""Stable ids of demo records: the same seed and parts give the same UUID."""

from __future__ import annotations

import uuid

DEMO_NAMESPACE = uuid.UUID("0b8f3c1e-5d2a-4f6b-8c7e-9a1d2e3f4a5b")


def demo_id(seed: int, *parts: object) -> str:
    """Return a stable UUID for a demo record identified by `parts`."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(map(str, (seed, *parts)))))
