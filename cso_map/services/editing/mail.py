"""Outgoing e-mail: to files in an outbox (development, tests) or over SMTP."""

from __future__ import annotations

import smtplib
import uuid
from collections.abc import Mapping
from email.message import EmailMessage
from pathlib import Path


def send_mail(config: Mapping, to: str, subject: str, body: str) -> None:
    """Send a plain-text message with the configured backend."""
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if config["MAIL_BACKEND"] == "smtp":
        with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=20) as smtp:
            if config["SMTP_STARTTLS"]:
                smtp.starttls()
            if config["SMTP_USER"]:
                smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
            smtp.send_message(message)
        return
    outbox = Path(config["MAIL_OUTBOX"])
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / f"{uuid.uuid4()}.eml").write_bytes(bytes(message))
