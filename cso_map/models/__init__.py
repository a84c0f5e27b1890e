"""SQLAlchemy 2.0 models, one module per aggregate; `Base.metadata` has every table."""

from cso_map.models.audit import AUDIT_ACTIONS, AuditEvent
from cso_map.models.base import Base
from cso_map.models.data_version import DataVersion
from cso_map.models.location import LOCATION_TYPES, Location
from cso_map.models.organization import (
    ORGANIZATION_STATUSES,
    VERIFICATION_STATUSES,
    Organization,
    OrganizationOrigin,
    organization_skills,
    organization_support_needs,
    organization_target_groups,
)
from cso_map.models.region import REGION_LEVELS, Region, RegionIndicator
from cso_map.models.service import (
    SERVICE_STATUSES,
    Service,
    ServiceAtLocation,
    ServiceSchedule,
    service_area_regions,
    service_languages,
)
from cso_map.models.taxonomy import Taxonomy, TaxonomyTerm
from cso_map.models.unmet_demand import ZeroResultSearch
from cso_map.models.user import ROLES, User, organization_editors

__all__ = [
    "AUDIT_ACTIONS",
    "LOCATION_TYPES",
    "ORGANIZATION_STATUSES",
    "REGION_LEVELS",
    "ROLES",
    "SERVICE_STATUSES",
    "VERIFICATION_STATUSES",
    "AuditEvent",
    "Base",
    "DataVersion",
    "Location",
    "Organization",
    "OrganizationOrigin",
    "Region",
    "RegionIndicator",
    "Service",
    "ServiceAtLocation",
    "ServiceSchedule",
    "Taxonomy",
    "TaxonomyTerm",
    "User",
    "ZeroResultSearch",
    "organization_editors",
    "organization_skills",
    "organization_support_needs",
    "organization_target_groups",
    "service_area_regions",
    "service_languages",
]
