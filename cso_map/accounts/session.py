"""Flask-Login wiring: sessions name an account and its session version."""

from __future__ import annotations

from flask import Flask, redirect, request, url_for
from werkzeug.exceptions import Unauthorized

from cso_map.errors import wants_json
from cso_map.extensions import login_manager
from cso_map.services.editing.accounts import load_session_user


def send_to_login():
    """Send a visitor who must log in to the login page (401 for the API)."""
    if wants_json():
        raise Unauthorized()
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def register_login(app: Flask) -> None:
    """Bind Flask-Login: load accounts from sessions; no "remember me" cookie."""
    login_manager.init_app(app)
    login_manager.user_loader(load_session_user)
    login_manager.unauthorized_handler(send_to_login)
    login_manager.session_protection = "basic"
