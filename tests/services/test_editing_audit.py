"""The audit log: values written as JSON text, and the fields an event changed."""

import datetime as dt
import json
import uuid

from cso_map.extensions import db
from cso_map.models import AuditEvent
from cso_map.services.editing.audit import (
    changed_fields,
    organization_history,
    record_change,
)

ORGANIZATION = uuid.UUID("00000000-0000-4000-8000-000000000001")


def test_dates_times_and_ids_are_written_as_text(app_context):
    parent = uuid.UUID("00000000-0000-4000-8000-0000000000aa")
    event = record_change(
        "update",
        "organization",
        ORGANIZATION,
        ORGANIZATION,
        None,
        {"reviewed": dt.date(2026, 1, 31), "parent": None},
        {
            "reviewed": dt.date(2026, 2, 1),
            "at": dt.datetime(2026, 2, 1, 12, 30, tzinfo=dt.UTC),
            "parent": parent,
            "count": 3,
        },
    )
    assert json.loads(event.before) == {"reviewed": "2026-01-31", "parent": None}
    assert json.loads(event.after) == {
        "reviewed": "2026-02-01",
        "at": "2026-02-01 12:30:00+00:00",
        "parent": str(parent),
        "count": 3,
    }
    assert event.user_id is None
    db.session.commit()  # it was only added to the session
    assert organization_history(ORGANIZATION) == [event]


def test_no_values_are_empty_objects(app_context):
    event = record_change("delete", "organization", ORGANIZATION, None, None)
    assert (event.before, event.after) == ("{}", "{}")
    assert changed_fields(event) == []


def test_changed_fields_are_sorted_and_leave_out_equal_values():
    event = AuditEvent(
        before=json.dumps({"name": "A", "phone": "1", "tags": ["x"], "gone": 1}),
        after=json.dumps({"name": "B", "phone": "1", "tags": ["x", "y"], "new": 0}),
    )
    assert changed_fields(event) == [
        ("gone", 1, None),
        ("name", "A", "B"),
        ("new", None, 0),
        ("tags", ["x"], ["x", "y"]),
    ]
