"""Outgoing mail: one .eml file per message in the outbox, or SMTP as configured."""

import email
import email.policy
import typing

import pytest

from cso_map.services.editing import mail
from cso_map.services.editing.mail import send_mail


def outbox_config(folder):
    return {
        "MAIL_FROM": "CSO Map <no-reply@example.org>",
        "MAIL_BACKEND": "file",
        "MAIL_OUTBOX": str(folder),
    }


def read_messages(folder):
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


def test_a_message_is_written_to_the_outbox_it_creates(tmp_path):
    outbox = tmp_path / "mail" / "outbox"
    send_mail(outbox_config(outbox), "ana@example.org", "Restablecer", "Hola, Ñandú\n")
    (message,) = read_messages(outbox)
    assert message["From"] == "CSO Map <no-reply@example.org>"
    assert message["To"] == "ana@example.org"
    assert message["Subject"] == "Restablecer"
    assert message.get_content() == "Hola, Ñandú\n"
    assert message.get_content_type() == "text/plain"


def test_each_message_has_its_own_file(tmp_path):
    for n in range(3):
        send_mail(outbox_config(tmp_path), f"u{n}@example.org", "s", "b")
    assert sorted(m["To"] for m in read_messages(tmp_path)) == [
        "u0@example.org",
        "u1@example.org",
        "u2@example.org",
    ]


class FakeSMTP:
    """Records what the mail code asks of an SMTP connection."""

    calls: typing.ClassVar[list] = []

    def __init__(self, host, port, timeout):
        self.calls.append(("connect", host, port, timeout))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.calls.append(("quit",))

    def starttls(self):
        self.calls.append(("starttls",))

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def send_message(self, message):
        self.calls.append(("send", message["To"], message["Subject"]))


@pytest.fixture
def fake_smtp(monkeypatch):
    FakeSMTP.calls = []
    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    return FakeSMTP.calls


def smtp_config(tmp_path, **overrides):
    return {
        "MAIL_FROM": "no-reply@example.org",
        "MAIL_BACKEND": "smtp",
        "MAIL_OUTBOX": str(tmp_path / "unused"),
        "SMTP_HOST": "mail.example.org",
        "SMTP_PORT": 587,
        "SMTP_STARTTLS": True,
        "SMTP_USER": "cso",
        "SMTP_PASSWORD": "secret",
        **overrides,
    }


def test_smtp_starts_tls_logs_in_and_sends(tmp_path, fake_smtp):
    send_mail(smtp_config(tmp_path), "ana@example.org", "Hola", "b")
    assert fake_smtp == [
        ("connect", "mail.example.org", 587, 20),
        ("starttls",),
        ("login", "cso", "secret"),
        ("send", "ana@example.org", "Hola"),
        ("quit",),
    ]
    assert not (tmp_path / "unused").exists()


def test_smtp_without_tls_or_user_only_sends(tmp_path, fake_smtp):
    config = smtp_config(tmp_path, SMTP_STARTTLS=False, SMTP_USER="", SMTP_PORT=25)
    send_mail(config, "b@example.org", "s", "b")
    assert fake_smtp == [
        ("connect", "mail.example.org", 25, 20),
        ("send", "b@example.org", "s"),
        ("quit",),
    ]
