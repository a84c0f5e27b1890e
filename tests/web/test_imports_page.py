"""The admin upload page: a dry run shows what would change, a confirmation writes
it, refusals are explained in the admin's language, and too-large files get 413."""

import io
import re

import pytest
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import AuditEvent, Organization
from cso_map.services.exchange.table import NAMES
from tests.web.helpers import visible_text
from tests.web.test_editing import logged_in

GOOD = (
    "name,type,state,latitude,longitude,services,languages\n"
    "Club Subido,hometown_club,US-CA,36.7,-119.8,legal_advice,spa\n"
)


@pytest.fixture
def admin(app, empty_directory):
    return logged_in(app, "admin@example.org", role="admin")


def token_of(client):
    html = client.get("/es/admin/imports").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)[1]


def upload(client, text, kind="organizations", name="orgs.csv", token=None):
    data = {
        "kind": kind,
        "upload": (io.BytesIO(text.encode()), name),
        "csrf_token": token or token_of(client),
    }
    return client.post(
        "/es/admin/imports", data=data, content_type="multipart/form-data"
    )


def organizations(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Organization))


def test_a_dry_run_previews_then_the_confirmation_imports(app, admin):
    response = upload(admin, GOOD)
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "Comprobar antes de importar" in text
    assert "Club Subido" in text
    assert "Nueva" in text
    assert organizations(app) == 0
    action = re.search(
        r'action="(/es/admin/imports/[^"]+)"', response.get_data(as_text=True)
    )[1]
    confirmed = admin.post(action, data={"csrf_token": token_of(admin)})
    assert confirmed.status_code == 303
    assert organizations(app) == 1
    with app.app_context():
        assert db.session.scalar(select(AuditEvent).filter_by(action="import"))
    # The stored file is gone: the same confirmation cannot run twice.
    again = admin.post(action, data={"csrf_token": token_of(admin)})
    assert again.status_code == 404


def test_a_bad_file_is_refused_in_the_admins_language_and_loses_nothing(app, admin):
    response = upload(admin, GOOD + "Otro,ngo,US-CA,95,-119,health,\n")
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "fila 3, campo latitude" in text
    assert "El archivo no se importó" in text
    assert organizations(app) == 0
    latin = upload(admin, "x").status_code  # wrong columns
    assert latin == 422
    wrong_kind = upload(admin, GOOD, name="orgs.xlsx")
    assert wrong_kind.status_code == 422
    assert ".csv" in wrong_kind.get_data(as_text=True)


def test_a_file_over_the_limit_gets_413_before_any_parsing(app, admin):
    limit = app.config["MAX_CONTENT_LENGTH"]
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = upload(admin, GOOD + "x" * 4096, token="unused")
    finally:
        app.config["MAX_CONTENT_LENGTH"] = limit
    assert response.status_code == 413
    assert organizations(app) == 0


def test_posts_without_the_token_are_refused(admin):
    response = admin.post(
        "/es/admin/imports",
        data={"kind": "organizations", "upload": (io.BytesIO(b"x"), "a.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert admin.post("/es/admin/imports/abc").status_code == 400


def test_the_template_and_its_dictionary_are_public_in_both_languages(client):
    page = visible_text(client.get("/es/data/organizations-template").get_data(True))
    assert "Nombre de la organización." in page
    english = visible_text(client.get("/en/data/organizations-template").get_data(True))
    assert "Name of the organization." in english
    download = client.get("/en/data/organizations-template.csv")
    header = download.get_data(as_text=True).lstrip("\ufeff").splitlines()[0]
    assert header.split(",") == list(NAMES)
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers.get("Set-Cookie") is None
