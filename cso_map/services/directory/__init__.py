"""The public directory: searching it, reading one organization, regions and counts."""
