"""Our rows as Open Referral HSDS 3.0 objects (checked against its JSON schemas).

Fields we do not know are left out rather than sent as null (the schemas type
them as strings or numbers). Rows HSDS wants an id for and we keep without one
(a service's languages, phone, areas; attributes) get stable UUIDv5 ids.
Organizations that hide their address publish their locations at state level
only: no address, no coordinates.
"""

from __future__ import annotations

from cso_map.models import (
    Location,
    Organization,
    OrganizationOrigin,
)
from cso_map.services.hsds.attributes import (
    attribute,
    field_attributes,
    present,
    profile_field_term,
)
from cso_map.services.records.fields import (
    ATTRIBUTE_FIELDS,
    HSDS_CORE_FIELDS,
    TERM_ATTRIBUTE_FIELDS,
    Field,
    Kind,
)
from cso_map.services.records.ids import derived_id
from cso_map.urls import safe_url


def organization_attributes(organization: Organization) -> list[dict]:
    """Return the CSO type, capacity profile and flags as HSDS attributes."""
    terms = []
    for field in TERM_ATTRIBUTE_FIELDS:
        value = getattr(organization, field.name)
        terms += value if field.kind is Kind.TERMS else [value]
    link = organization.id
    reviewed = organization.last_reviewed_on
    return [
        *(attribute(link, "organization", term) for term in terms if term),
        *field_attributes(
            link,
            "organization",
            {
                **{
                    field.name: getattr(organization, field.name)
                    for field in ATTRIBUTE_FIELDS
                },
                "verification": organization.verification_status,
                "last_reviewed": reviewed.isoformat() if reviewed else None,
                "organization_status": None
                if organization.status == "active"
                else organization.status,
                "demo": organization.is_demo,
            },
        ),
        *(
            attribute(
                link, "organization", profile_field_term("origin"), value, key=value
            )
            for value in sorted({origin_value(o) for o in organization.origins})
        ),
    ]


def origin_value(origin: OrganizationOrigin) -> str:
    """Return a tie of origin as "country|state|community" (blank parts empty)."""
    region = origin.region.code if origin.region else ""
    return "|".join((origin.country_code, region, origin.community or ""))


def location_object(location: Location, hidden: bool) -> dict:
    """Return a location; a hidden one keeps only its state and its kind."""
    region = location.region
    attributes = field_attributes(
        location.id,
        "location",
        {
            "state": region.code if region else None,
            "approximate": location.approximate and not hidden,
        },
    )
    if hidden:
        return present(
            {
                "id": str(location.id),
                "location_type": location.location_type,
                "organization_id": str(location.organization_id),
                "name": region.name_en if region else None,
                "attributes": attributes,
            }
        )
    address = None
    parts = (
        location.address_1,
        location.address_2,
        location.city,
        location.state_province,
        location.postal_code,
        location.country,
    )
    if location.location_type != "virtual" and any(parts):
        # HSDS requires five of these; a part we do not know is sent empty.
        address = {
            "id": derived_id("address", location.id),
            "location_id": str(location.id),
            "address_1": location.address_1 or "",
            "address_2": location.address_2 or "",
            "city": location.city or "",
            "state_province": location.state_province or "",
            "postal_code": location.postal_code or "",
            "country": location.country or "",
            "address_type": "physical",
        }
    return present(
        {
            "id": str(location.id),
            "location_type": location.location_type,
            "url": safe_url(location.url),
            "organization_id": str(location.organization_id),
            "name": location.name,
            "transportation": location.transportation or None,
            "latitude": None if location.approximate else location.latitude,
            "longitude": None if location.approximate else location.longitude,
            "addresses": [address] if address else [],
            "attributes": attributes,
        }
    )


def listed_parent_id(organization: Organization) -> str | None:
    """Return the id of the organization's parent if the public may see it."""
    parent = organization.parent
    return str(parent.id) if parent is not None and parent.is_listed else None


def _core_value(organization: Organization, field: Field) -> object:
    """Return the value of an HSDS core field of an organization."""
    if field.kind is Kind.PARENT:
        return listed_parent_id(organization)
    value = getattr(organization, field.name)
    if field.kind is Kind.URL:
        return safe_url(value)
    if field.kind is Kind.LONG_TEXT:
        return value or ""
    return value


def organization_object(organization: Organization, full: bool = True) -> dict:
    """Return an organization, with its locations and attributes when `full`."""
    values = present(
        {
            "id": str(organization.id),
            **{
                field.hsds: _core_value(organization, field)
                for field in HSDS_CORE_FIELDS
            },
        }
    )
    if organization.phone:
        values["phones"] = [
            {
                "id": derived_id("phone", organization.id),
                "organization_id": str(organization.id),
                "number": organization.phone,
            }
        ]
    if full:
        hidden = organization.location_confidential
        values["locations"] = [
            location_object(location, hidden) for location in organization.locations
        ]
        values["attributes"] = organization_attributes(organization)
    return values
