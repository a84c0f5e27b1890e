"""Hours that close after midnight are saved from the form and shown as such;
a place's time zone comes from its point and no output reveals a hidden one."""

import json

from sqlalchemy import select

from cso_map.extensions import db
from cso_map.models import Location, Service
from tests.web.test_editing import editor, form_values, service_url  # noqa: F401


def test_an_editor_saves_overnight_and_24_hour_days(app, editor, directory):  # noqa: F811
    values = form_values(editor, service_url(directory))
    values.update(
        name="Albergue de noche",
        category="housing",
        status="active",
        areas=["US-CA"],
        opens_0="22:00",
        closes_0="06:00",
        opens_1="00:00",
        closes_1="00:00",
    )
    response = editor.post(service_url(directory), data=values)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        service = db.session.scalar(select(Service).filter_by(name="Albergue de noche"))
        hours = [
            (h.weekday, f"{h.opens_at:%H:%M}", f"{h.closes_at:%H:%M}")
            for h in service.schedules
        ]
        assert hours == [(0, "22:00", "06:00"), (1, "00:00", "00:00")]
        edit = service_url(directory, service.id)
    again = form_values(editor, edit)
    assert (again["opens_0"], again["closes_0"]) == ("22:00", "06:00")
    page = f"/es/organizations/{directory['bravo']}"
    spanish = editor.get(page).get_data(as_text=True)
    assert "lunes: 22:00–6:00 (del día siguiente)" in spanish
    assert "martes: abierto las 24 horas" in spanish
    english = editor.get(page.replace("/es/", "/en/")).get_data(as_text=True)
    assert "(next day)" in english
    assert "Tuesday: open 24 hours" in english


def test_a_new_place_gets_the_time_zone_of_its_point(app, editor, directory):  # noqa: F811
    url = f"/en/organizations/{directory['bravo']}/locations/new"
    values = form_values(editor, url)
    values.update(
        name="Oficina de Juárez",
        location_type="physical",
        city="Ciudad Juárez",
        country="MX",
        latitude="31.72",
        longitude="-106.44",
    )
    assert editor.post(url, data=values).status_code == 302
    with app.app_context():
        place = db.session.scalar(select(Location).filter_by(name="Oficina de Juárez"))
        assert place.time_zone == "America/Ciudad_Juarez"


def test_no_output_gives_a_hidden_addresss_time_zone(app, client, directory):
    with app.app_context():
        hidden = db.session.scalar(
            select(Location).filter_by(organization_id=directory["delta"])
        )
        assert hidden.time_zone == "America/Ciudad_Juarez"  # stored, never shown
    delta = directory["delta"]
    outputs = [
        client.get(f"/api/v1/organizations/{delta}").get_data(as_text=True),
        client.get(f"/hsds/organizations/{delta}").get_data(as_text=True),
        json.dumps(client.get("/hsds/services?per_page=100&full=true").get_json()),
        client.get(f"/es/organizations/{delta}").get_data(as_text=True),
    ]
    for text in outputs:
        assert "Ciudad_Juarez" not in text
        assert "time_zone" not in text
