"""/api/v1/partners: likely partners for services in a state, with reasons."""

from __future__ import annotations

from flask import request

from cso_map.api.blueprint import bp
from cso_map.services.matching.partners import likely_partners
from cso_map.web.api_parameters import takes, validated
from cso_map.web.partner_reasons import reason_items
from cso_map.web.policy import coverage_policy
from cso_map.web.questions.partners import PartnerForm


@bp.get("/partners")
@takes(PartnerForm)
def partners():
    """Return likely partners by tier, each with its score, components and reasons.

    Reason texts are in the language of Accept-Language (Spanish by default).
    """
    form = validated(PartnerForm(formdata=request.args))
    query = form.to_query()
    policy = coverage_policy(include_stale=form.include_stale.data)
    return {
        "region": query.region,
        "include_stale": policy.include_stale,
        "services": list(query.services),
        "languages": list(query.languages),
        "target_groups": list(query.target_groups),
        "items": [
            {
                "organization": {"id": partner.organization_id, "name": partner.name},
                "tier": partner.tier,
                "score": partner.score,
                "components": partner.components,
                "reasons": reason_items(partner.reasons),
            }
            for partner in likely_partners(query, policy)
        ],
    }
