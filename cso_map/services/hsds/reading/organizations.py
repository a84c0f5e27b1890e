"""HSDS organizations, their profile attributes and origins, as our records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l

from cso_map.services.hsds.reading.values import (
    canonical_id,
    iso_date,
    match_key,
)
from cso_map.services.records import cells as cell
from cso_map.services.records.fields import (
    ATTRIBUTE_FIELDS,
    HSDS_CORE_FIELDS,
    TERM_ATTRIBUTE_FIELDS,
    Kind,
)
from cso_map.services.records.values import empty_value, read_value

if TYPE_CHECKING:
    from flask_babel.speaklater import LazyString

# Profile fields HSDS carries as attributes, and where a term of our
# vocabularies goes in an organization record.
PROFILE_ATTRIBUTES = {field.name: field for field in ATTRIBUTE_FIELDS}
FIELDS_BY_VOCABULARY = {field.vocabulary: field for field in TERM_ATTRIBUTE_FIELDS}
# Fields the organizations table does not carry: attributes fill them later.
NOT_IN_THE_ROW = (*TERM_ATTRIBUTE_FIELDS, *ATTRIBUTE_FIELDS)


class OrganizationReader:
    """Reads organizations; mixed into `RecordBuilder`, which holds the records."""

    def read_organizations(self, row: dict, where: cell.Where) -> None:
        """Add the organization record of a row (the first row of an id wins)."""
        org_id = canonical_id(row.get("id"), where, "id")
        record = {
            "id": org_id,
            **{
                field.name: read_value(field, row.get(field.hsds), where, field.hsds)
                for field in HSDS_CORE_FIELDS
            },
            "phone": None,
            **{field.name: empty_value(field) for field in NOT_IN_THE_ROW},
        }
        self.organizations.setdefault(
            org_id,
            {
                **record,
                "demo": False,
                "verification_status": None,
                "reviewed_on": None,
                "status": "active",
                "origins": [],
                "locations": [],
                "services": [],
            },
        )

    def owner(
        self, row: dict, where: cell.Where, field: str = "organization_id"
    ) -> dict:
        """Return the organization record a row names, refusing unknown ids."""
        found = self.organizations.get(match_key(row.get(field)))
        if found is None:
            raise cell.CellError(where, field, _l("no organization has this id"))
        return found

    def organization_term(
        self, record: dict, vocabulary: str, code: str, value: object, where: cell.Where
    ) -> None:
        """Put a term of our vocabularies (or a profile field) on an organization."""
        field = FIELDS_BY_VOCABULARY.get(vocabulary)
        if field is None:
            if vocabulary == "profile_field":
                self.organization_field(record, code, value, where)
        elif field.kind is Kind.TERMS:
            record[field.name].append(code)
        elif record[field.name] is None:
            record[field.name] = code

    def organization_field(
        self, record: dict, code: str, value: object, where: cell.Where
    ) -> None:
        """Set an organization's profile field, demo flag, status or origin."""
        if code in PROFILE_ATTRIBUTES:
            record[code] = read_value(PROFILE_ATTRIBUTES[code], value, where)
        elif code == "demo":
            record[code] = cell.flag(value, where, code)
        elif code == "verification":
            record["verification_status"] = _one_of(
                value,
                ("verified", "unverified"),
                where,
                code,
                _l("%(value)r is not verified or unverified", value=value),
            )
        elif code == "last_reviewed":
            record["reviewed_on"] = iso_date(value, where, "last_reviewed")
        elif code == "organization_status":
            record["status"] = _one_of(
                value,
                ("active", "inactive"),
                where,
                code,
                _l("%(value)r is not active or inactive", value=value),
            )
        elif code == "origin":
            record["origins"].append(self.origin(str(value or ""), where))

    def origin(self, text: str, where: cell.Where) -> dict:
        """Return a tie of origin read from "country|state|community"."""
        country, region, community = [*text.split("|"), "", ""][:3]
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise cell.CellError(
                where,
                "origin",
                _l("%(value)r is not a two-letter country code", value=country),
            )
        return {
            "country": country,
            "region": cell.region_code(region, self.codes, where, "origin"),
            "community": community or None,
        }


def _one_of(
    value: object,
    allowed: tuple[str, ...],
    where: cell.Where,
    field: str,
    problem: LazyString,
) -> str:
    """Return `value` if it is one of `allowed`, else refuse it with `problem`."""
    if value not in allowed:
        raise cell.CellError(where, field, problem)
    return str(value)
