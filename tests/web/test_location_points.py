"""Editing a place: a point in no known state is refused with a clear message in
the reader's language, and nothing is stored."""

import pytest
from sqlalchemy import func, select

from cso_map.extensions import db
from cso_map.models import Location
from tests.web.test_editing import form_values, logged_in


@pytest.fixture
def client(app, directory):
    return logged_in(app, "points@example.org", organizations=[directory["bravo"]])


def places(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Location))


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "This point lies in no state we know"),
        ("es", "Este punto no está en ningún estado que conozcamos"),
    ],
)
def test_a_place_far_from_every_state_is_refused(app, client, directory, lang, message):
    url = f"/{lang}/organizations/{directory['bravo']}/locations/new"
    values = form_values(client, url)
    values.update(
        name="Oficina lejana",
        location_type="physical",
        country="MX",
        latitude="25",
        longitude="101",
    )
    before = places(app)
    response = client.post(url, data=values)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert places(app) == before
