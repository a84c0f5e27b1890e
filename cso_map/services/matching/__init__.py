"""Working together: likely partners, mentoring, and ties to places of origin."""
