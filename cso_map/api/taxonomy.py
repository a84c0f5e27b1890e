"""/api/v1/taxonomy: every controlled vocabulary with codes and both labels."""

from __future__ import annotations

from cso_map.api.blueprint import bp
from cso_map.services.ops.vocabularies import list_taxonomies


@bp.get("/taxonomy")
def taxonomy():
    """Return every taxonomy and its terms, in display order."""
    return {
        "taxonomies": [
            {
                "id": str(item.id),
                "code": item.code,
                "name": {"en": item.name_en, "es": item.name_es},
                "terms": [
                    {
                        "id": str(term.id),
                        "code": term.code,
                        "label": {"en": term.label_en, "es": term.label_es},
                        "description": {
                            "en": term.description_en,
                            "es": term.description_es,
                        },
                    }
                    for term in item.terms
                ],
            }
            for item in list_taxonomies()
        ]
    }
