"""Editing, integrity and administration: what editors and admins can change,
and that nothing is lost or changed by the wrong person."""

import io
import json
import re
import uuid
import zipfile

import pytest

from cso_map.extensions import db
from cso_map.models import AuditEvent, Organization
from cso_map.services.editing.accounts import create_user
from tests.conftest import fixture_records

PASSWORD = "correct horse battery staple"
BRAVO_SERVICE = next(r for r in fixture_records() if r["key"] == "bravo")["services"][
    0
]["id"]
SAME_SITE = {"Origin": "http://localhost"}


def logged_in(app, email, role="editor", organizations=()):
    with app.app_context():
        create_user(email, PASSWORD, role, organizations=list(organizations))
    client = app.test_client()
    client.post(
        "/en/login", data={"email": email, "password": PASSWORD}, headers=SAME_SITE
    )
    return client


def form_values(client, url):
    """Return the form's fields as a browser would send them back."""
    html = client.get(url).get_data(as_text=True)
    values = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if "checkbox" in tag:
            if "checked" in tag:
                values.setdefault(name[1], []).append(value[1] if value else "y")
        else:
            values[name[1]] = value[1] if value else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<', html):
        values[name] = body.strip()
    for name, options in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S
    ):
        chosen = re.search(r'<option(?=[^>]*\sselected)[^>]*\svalue="([^"]*)"', options)
        values[name] = chosen[1] if chosen else ""
    return values


@pytest.fixture
def editor(app, directory):
    return logged_in(app, "a@example.org", organizations=[directory["bravo"]])


def edit_url(directory):
    return f"/en/organizations/{directory['bravo']}/edit"


def test_an_editor_changes_the_profile_and_the_change_is_recorded(
    app, editor, directory
):
    values = form_values(editor, edit_url(directory))
    assert values["name"] == "Centro Legal del Valle"
    values.update(
        name="Centro Legal del Valle Central",
        paid_staff="9",
        skills=["legal_expertise", "training"],
        support_needs=["funding"],
    )
    response = editor.post(edit_url(directory), data=values)
    assert response.status_code == 302
    profile = editor.get(f"/en/organizations/{directory['bravo']}")
    assert "Centro Legal del Valle Central" in profile.get_data(as_text=True)
    api = app.test_client().get(f"/api/v1/organizations/{directory['bravo']}")
    assert api.get_json()["name"] == "Centro Legal del Valle Central"
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent))
        assert event.action == "update"
        assert json.loads(event.before)["name"] == "Centro Legal del Valle"
        assert json.loads(event.after)["paid_staff"] == 9
        assert json.loads(event.after)["skills"] == ["legal_expertise", "training"]
        organization = db.session.get(Organization, directory["bravo"])
        assert [term.code for term in organization.support_needs] == ["funding"]
        assert event.user.email == "a@example.org"
    history = editor.get(f"/en/organizations/{directory['bravo']}/history")
    assert "Centro Legal del Valle Central" in history.get_data(as_text=True)


def test_a_stale_save_answers_409_and_loses_nothing(app, editor, directory):
    second = logged_in(app, "b@example.org", organizations=[directory["bravo"]])
    first_form = form_values(editor, edit_url(directory))
    second_form = form_values(second, edit_url(directory))
    first_form["name"] = "Saved First"
    assert editor.post(edit_url(directory), data=first_form).status_code == 302
    second_form["name"] = "Saved Second"
    conflict = second.post(edit_url(directory), data=second_form)
    assert conflict.status_code == 409
    html = conflict.get_data(as_text=True)
    assert "Someone else saved this profile" in html
    assert 'value="Saved Second"' in html  # what the second editor typed is kept
    assert "Saved First" in html  # and what is saved now is shown beside it
    assert html.count('<th scope="row">') == 1  # only the name differs
    with app.app_context():
        assert db.session.get(Organization, directory["bravo"]).name == "Saved First"


def test_verification_ownership_and_version_cannot_be_posted(app, editor, directory):
    values = form_values(editor, edit_url(directory))
    values.update(
        verification_status="rejected",
        proposed_by_id="00000000-0000-0000-0000-000000000000",
        id="00000000-0000-0000-0000-000000000001",
        is_demo="y",
        deleted_at="2020-01-01",
    )
    assert editor.post(edit_url(directory), data=values).status_code == 302
    with app.app_context():
        organization = db.session.get(Organization, directory["bravo"])
        assert organization.verification_status == "verified"
        assert organization.proposed_by_id is None
        assert organization.deleted_at is None
        assert not organization.is_demo


def test_invalid_values_are_refused_next_to_the_field_and_kept(editor, directory):
    url = f"/es/organizations/{directory['bravo']}/edit"
    values = form_values(editor, url)
    values.update(
        website="javascript:alert(1)", paid_staff="-2", email="no", phone="abc"
    )
    response = editor.post(url, data=values)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="website-error"' in html
    assert 'id="paid_staff-error"' in html
    assert 'value="javascript:alert(1)"' in html
    assert "Esto no es un correo electrónico." in html


def test_an_edit_without_its_token_changes_nothing(app, editor, directory):
    values = form_values(editor, edit_url(directory))
    values.pop("csrf_token")
    values["name"] = "Forged"
    assert editor.post(edit_url(directory), data=values).status_code == 400
    with app.app_context():
        assert db.session.get(Organization, directory["bravo"]).name != "Forged"


def test_review_delete_and_restore(app, editor, directory):
    token = form_values(editor, edit_url(directory))["csrf_token"]
    bravo = directory["bravo"]
    assert (
        editor.post(
            f"/en/organizations/{bravo}/review", data={"csrf_token": token}
        ).status_code
        == 302
    )
    assert (
        editor.post(
            f"/en/organizations/{bravo}/delete", data={"csrf_token": token}
        ).status_code
        == 302
    )
    public = app.test_client()
    assert public.get(f"/en/organizations/{bravo}").status_code == 404
    assert public.get(f"/api/v1/organizations/{bravo}").status_code == 404
    admin = logged_in(app, "admin@example.org", "admin")
    deleted = admin.get("/en/admin/deleted").get_data(as_text=True)
    assert "Centro Legal del Valle" in deleted
    admin_token = re.search(r'name="csrf_token" value="([^"]+)"', deleted)[1]
    response = admin.post(
        f"/en/admin/deleted/{bravo}/restore", data={"csrf_token": admin_token}
    )
    assert response.status_code == 302
    assert public.get(f"/en/organizations/{bravo}").status_code == 200
    with app.app_context():
        actions = [
            e.action
            for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.at))
        ]
    assert actions == ["review", "delete", "restore"]


def test_a_proposal_waits_for_an_admin_then_its_proposer_edits_it(app, directory):
    visitor = app.test_client()
    proposal = {
        "name": "Colectivo Nuevo de Oaxaca",
        "type": "community_group",
        "region": "MX-OAX",
        "description": "Acompañamos a familias migrantes.",
        "your_name": "Rosa",
        "your_email": "rosa@example.org",
        "password": PASSWORD,
    }
    page = visitor.get("/es/organizations/new")
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers
    assert visitor.post("/es/organizations/new", data=proposal).status_code == 400
    response = visitor.post("/es/organizations/new", data=proposal, headers=SAME_SITE)
    assert response.status_code == 201
    with app.app_context():
        organization = db.session.scalar(
            db.select(Organization).filter_by(name="Colectivo Nuevo de Oaxaca")
        )
        assert organization.verification_status == "pending"
        new_id = organization.id
    assert app.test_client().get(f"/es/organizations/{new_id}").status_code == 404
    admin = logged_in(app, "admin@example.org", "admin")
    queue = admin.get("/en/admin/queue").get_data(as_text=True)
    assert "Colectivo Nuevo de Oaxaca" in queue
    token = re.search(r'name="csrf_token" value="([^"]+)"', queue)[1]
    decided = admin.post(f"/en/admin/queue/{new_id}/verify", data={"csrf_token": token})
    assert decided.status_code == 302
    assert app.test_client().get(f"/es/organizations/{new_id}").status_code == 200
    assert visitor.get(f"/en/organizations/{new_id}/edit").status_code == 200


def test_a_similar_name_in_the_same_state_is_flagged_before_saving(app, directory):
    proposer = logged_in(app, "p@example.org")
    proposal = {"name": "Centro Legal del Vale", "type": "ngo", "region": "US-CA"}
    warned = proposer.post("/en/organizations/new", data=proposal, headers=SAME_SITE)
    assert warned.status_code == 409
    assert "Centro Legal del Valle" in warned.get_data(as_text=True)
    confirmed = proposer.post(
        "/en/organizations/new",
        data={**proposal, "different": "y"},
        headers=SAME_SITE,
    )
    assert confirmed.status_code == 201


def test_an_admin_changes_roles_and_that_ends_the_accounts_sessions(app, directory):
    editor = logged_in(app, "e@example.org")
    admin = logged_in(app, "admin@example.org", "admin")
    users = admin.get("/en/admin/users").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', users)[1]
    with app.app_context():
        from cso_map.services.editing.accounts import find_user

        editor_id = find_user("e@example.org").id
    response = admin.post(
        f"/en/admin/users/{editor_id}", data={"csrf_token": token, "role": "authority"}
    )
    assert response.status_code == 302
    assert editor.get("/en/account").status_code == 302  # logged out
    with app.app_context():
        from cso_map.services.editing.accounts import find_user

        assert find_user("e@example.org").role == "authority"


def test_authorities_see_stale_listings_and_unmet_demand(app, directory):
    authority = logged_in(app, "gov@example.org", "authority")
    app.test_client().get("/es/find?need=housing&place=Fresno&distance=10")
    demand = authority.get("/es/admin/unmet-demand").get_data(as_text=True)
    assert "Vivienda" in demand
    assert "California" in demand
    stale = authority.get("/es/admin/stale")
    assert stale.status_code == 200


def service_url(directory, service_id=None):
    base = f"/en/organizations/{directory['bravo']}/services"
    return f"{base}/{service_id}/edit" if service_id else f"{base}/new"


def test_an_editor_adds_a_service_that_the_finder_and_gaps_then_show(
    app, editor, directory
):
    values = form_values(editor, service_url(directory))
    values.update(
        name="Clases de inglés gratis",
        category="language_classes",
        status="active",
        languages=["spa", "eng"],
        free_of_charge="y",
        capacity_per_month="120",
        areas=["US-CA"],
        opens_0="18:00",
        closes_0="20:00",
        application_process="Nada: solo venga.",
    )
    response = editor.post(service_url(directory), data=values)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    public = app.test_client()
    found = public.get("/en/find?need=language_classes&place=Fresno")
    text = found.get_data(as_text=True)
    assert "Clases de inglés gratis" in text
    assert "Nada: solo venga." in text
    coverage = public.get("/api/v1/coverage?service=language_classes").get_json()
    california = next(r for r in coverage["regions"] if r["region"] == "US-CA")
    assert california["providers"] >= 1
    with app.app_context():
        event = db.session.scalar(
            db.select(AuditEvent).filter_by(entity="service", action="create")
        )
        assert json.loads(event.after)["hours"] == {"0": "18:00-20:00"}


def test_service_hours_and_ages_are_checked(editor, directory):
    values = form_values(editor, service_url(directory))
    values.update(
        name="x",
        category="health",
        status="active",
        opens_1="14:00",
        closes_1="09:00",  # the next day: no error
        opens_2="10:00",
        minimum_age="30",
        maximum_age="18",
    )
    response = editor.post(service_url(directory), data=values)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Give both the opening and the closing time." in html
    assert "The upper age is below the lower one." in html


def test_editing_a_service_keeps_its_values_and_guards_the_version(
    app, editor, directory
):
    service_id = BRAVO_SERVICE
    url = service_url(directory, service_id)
    values = form_values(editor, url)
    assert values["name"] == "Free immigration clinic"
    assert values["opens_0"] == "09:00"
    stale = dict(values, version=str(int(values["version"]) - 1))
    assert editor.post(url, data=stale).status_code == 409
    values["name"] = "Asesoría migratoria"
    assert editor.post(url, data=values).status_code == 302
    with app.app_context():
        from cso_map.models import Service

        assert db.session.get(Service, uuid.UUID(service_id)).name == (
            "Asesoría migratoria"
        )


def test_a_new_place_gets_its_state_from_its_point(app, editor, directory):
    url = f"/en/organizations/{directory['bravo']}/locations/new"
    values = form_values(editor, url)
    values.update(
        name="Oficina de Tijuana",
        location_type="physical",
        address_1="Av. Revolución 1",
        city="Tijuana",
        country="MX",
        latitude="32.53",
        longitude="-117.04",
    )
    assert editor.post(url, data=values).status_code == 302
    with app.app_context():
        from cso_map.models import Location

        location = db.session.scalar(
            db.select(Location).filter_by(name="Oficina de Tijuana")
        )
        assert location.region.code == "MX-BCN"
    half = dict(values, latitude="10", longitude="")
    assert editor.post(url, data=half).status_code == 400


def test_an_admin_merges_a_duplicate_proposal_into_the_listed_one(app, directory):
    proposer = logged_in(app, "p@example.org")
    proposal = {
        "name": "Centro Legal del Vale",
        "type": "ngo",
        "region": "US-CA",
        "different": "y",
    }
    proposer.post("/en/organizations/new", data=proposal, headers=SAME_SITE)
    admin = logged_in(app, "admin@example.org", "admin")
    queue = admin.get("/en/admin/queue").get_data(as_text=True)
    assert "Looks like “Centro Legal del Valle”" in queue
    form = re.search(r'<form class="merge".*?</form>', queue, re.S)[0]
    fields = dict(re.findall(r'name="(\w+)" value="([^"]+)"', form))
    response = admin.post("/en/admin/merge", data=fields)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(str(directory["bravo"]))
    with app.app_context():
        duplicate = db.session.get(Organization, uuid.UUID(fields["duplicate"]))
        assert duplicate.deleted_at is not None
        kept = db.session.get(Organization, directory["bravo"])
        assert len(kept.locations) == 1  # the proposal's bare state stayed behind
        actions = {
            (e.action, e.entity_id)
            for e in db.session.scalars(db.select(AuditEvent).filter_by(action="merge"))
        }
        assert actions == {("merge", duplicate.id), ("merge", kept.id)}
    again = admin.post("/en/admin/merge", data=fields)
    assert again.status_code == 409


def test_authorities_download_bulk_exports(app, directory):
    authority = logged_in(app, "gov@example.org", "authority")
    for kind, start in (("csv", "\ufeffid,name"), ("3w", "\ufefforganization_id")):
        response = authority.get(f"/en/admin/exports/{kind}")
        assert response.status_code == 200
        assert response.get_data(as_text=True).startswith(start)
        assert "attachment" in response.headers["Content-Disposition"]
    with authority.get("/en/admin/exports/hsds") as package:
        assert package.mimetype == "application/zip"
        assert "cso-map-hsds.zip" in package.headers["Content-Disposition"]
        with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
            assert "organizations.csv" in archive.namelist()
    editor = logged_in(app, "e@example.org")
    assert editor.get("/en/admin/exports/csv").status_code == 403
