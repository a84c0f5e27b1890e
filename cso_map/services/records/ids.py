"""Stable ids for the rows HSDS wants an id for and we keep without one."""

from __future__ import annotations

import hashlib
import uuid

NAMESPACE = uuid.UUID("5b0f3f0a-8c1e-4f2d-9a77-2c6a6f7b1e10")


def derived_id(*parts: object) -> str:
    """Return a stable UUID for a row HSDS wants and we keep without an id.

    The same as `str(uuid.uuid5(NAMESPACE, "/".join(parts)))`, written out: imports
    derive hundreds of thousands and the UUID object is most of uuid5's cost.
    """
    name = "/".join(str(part) for part in parts)
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
