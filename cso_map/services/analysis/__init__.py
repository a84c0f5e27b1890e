"""Analysis for authorities: coverage gaps, maps, the dashboard and region briefs."""
