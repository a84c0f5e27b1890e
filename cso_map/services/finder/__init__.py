"""The help finder: needs, places, the nearest services, opening hours, unmet demand."""
