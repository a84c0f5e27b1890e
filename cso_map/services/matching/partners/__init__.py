"""Likely partners for an authority: who can deliver which services in a state.

Tiers: (1) already delivers the service in the state, in person; (2) delivers it
in a neighbouring state of the same country, within NEARBY_KM of it, or by phone
or online there; (3) delivers a related service in the state, or works there
with the skills and people to start it.
Inside a tier, a weighted score ranks them; its components are returned, and so
are reasons a person can read.

Modules: `query` (what is asked and answered), `candidates` (who could serve, with
score components), `ranking` (the weighted order), `reasons` (why, as codes).
"""

from cso_map.services.matching.partners.query import Partner, PartnerQuery
from cso_map.services.matching.partners.ranking import (
    COMPONENTS,
    WEIGHTS,
    likely_partners,
)

__all__ = ["COMPONENTS", "WEIGHTS", "Partner", "PartnerQuery", "likely_partners"]
