"""Plain rows for bulk exports carry what the ORM objects carry, in order."""

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Organization, Service
from cso_map.services.hsds import paging
from cso_map.services.hsds.rows import plain_organizations, plain_services


def listed():
    return (
        select(Organization)
        .where(Organization.is_listed)
        .order_by(Organization.name_key)
    )


def services_of_listed():
    return (
        select(Service)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Organization.is_listed)
        .order_by(Service.organization_id, Service.position)
    )


def codes(terms):
    return [term.code for term in terms]


def test_organizations_come_in_order_with_terms_places_and_origins(
    app_context, directory
):
    plain = list(plain_organizations(listed()))
    orm = db.session.scalars(listed()).all()
    assert [p.id for p in plain] == [o.id for o in orm]
    assert [p.name for p in plain][:2] == [
        "Casa del Migrante Ejemplo",
        "Centro Legal del Valle",
    ]
    for row, organization in zip(plain, orm, strict=True):
        assert row.type.code == organization.type.code
        assert row.engagement_level.code == organization.engagement_level.code
        assert getattr(row.budget_band, "code", None) == getattr(
            organization.budget_band, "code", None
        )
        for name in ("target_groups", "skills", "support_needs"):
            assert codes(getattr(row, name)) == codes(getattr(organization, name))
        assert [
            (loc.id, getattr(loc.region, "code", None)) for loc in row.locations
        ] == [
            (loc.id, getattr(loc.region, "code", None))
            for loc in organization.locations
        ]
        assert [
            (o.country_code, getattr(o.region, "code", None)) for o in row.origins
        ] == [
            (o.country_code, getattr(o.region, "code", None))
            for o in organization.origins
        ]


def test_a_member_knows_whether_its_parent_is_listed(app_context, directory):
    by_key = {row.id: row for row in plain_organizations(listed())}
    alpha = by_key[directory["alpha"]]
    assert (alpha.parent.id, alpha.parent.is_listed) == (directory["india"], True)
    assert by_key[directory["india"]].parent is None
    india = db.session.get(Organization, directory["india"])
    india.verification_status = "pending"
    db.session.commit()
    alpha = next(r for r in plain_organizations(listed()) if r.id == directory["alpha"])
    assert (alpha.parent.id, alpha.parent.is_listed) == (directory["india"], False)


def test_services_are_attached_with_details_or_without(app_context, directory):
    bravo = next(
        row
        for row in plain_organizations(listed(), services_of_listed())
        if row.id == directory["bravo"]
    )
    legal, psychosocial = bravo.services
    assert (legal.category.code, psychosocial.category.code) == (
        "legal_advice",
        "psychosocial",
    )
    assert codes(legal.languages) == ["spa", "eng", "mix"]
    assert [r.code for r in legal.area_regions] == ["US-CA"]
    assert [s.weekday for s in legal.schedules] == [0, 1, 2, 3, 4, 5]
    assert [link.location.city for link in legal.at_locations] == ["Fresno"]
    assert legal.organization is bravo
    brief = next(
        row
        for row in plain_organizations(
            listed(), services_of_listed(), service_details=False
        )
        if row.id == directory["bravo"]
    )
    assert codes(brief.services[0].languages) == ["spa", "eng", "mix"]
    assert not hasattr(brief.services[0], "schedules")


def test_batches_keep_the_order(app_context, directory, monkeypatch):
    whole = [row.id for row in plain_organizations(listed())]
    monkeypatch.setattr(paging, "BATCH", 2)
    assert [row.id for row in plain_organizations(listed())] == whole
    assert len(whole) == 7


def test_plain_services_carry_their_organization_and_everything_hsds_writes(
    app_context, directory
):
    statement = services_of_listed()
    plain = list(plain_services(statement))
    orm = db.session.scalars(statement).all()
    assert [s.id for s in plain] == [s.id for s in orm]
    for row, service in zip(plain, orm, strict=True):
        assert row.name == service.name
        assert row.category.code == service.category.code
        assert codes(row.languages) == codes(service.languages)
        assert row.organization.id == service.organization_id
        assert sorted(r.code for r in row.area_regions) == sorted(
            r.code for r in service.area_regions
        )
        assert [(s.weekday, s.opens_at) for s in row.schedules] == sorted(
            (s.weekday, s.opens_at) for s in service.schedules
        )
