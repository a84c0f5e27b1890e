"""Coverage gaps: the gap map and table of unmet need per service."""
