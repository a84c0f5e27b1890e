"""Error pages and JSON errors in the visitor's language; a 500 shows an incident id."""

from __future__ import annotations

import secrets

from flask import current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    InternalServerError,
    SecurityError,
)

MESSAGES = {
    400: (
        _l("We could not understand this request"),
        _l("Please check what you typed and try again."),
    ),
    404: (
        _l("Page not found"),
        _l("This page does not exist or is no longer available."),
    ),
    405: (
        _l("Action not allowed"),
        _l("This address does not accept this kind of request."),
    ),
    413: (_l("File too large"), _l("The file you sent is larger than we accept.")),
    429: (_l("Too many requests"), _l("Please wait a moment and try again.")),
    500: (
        _l("Something went wrong on our side"),
        _l("The error has been recorded. Please try again later."),
    ),
}
GENERIC = (_l("Something went wrong"), _l("Please try again later."))


class InvalidParameters(BadRequest):
    """Request parameters failed validation: messages keyed by parameter name."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(description="; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


def wants_json() -> bool:
    """Return whether the client should get JSON rather than an HTML page."""
    if request.path.startswith(("/api/", "/hsds/")):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _describe(error: HTTPException) -> tuple[str, str]:
    title, message = MESSAGES.get(error.code or 500, GENERIC)
    if error.description and error.description != type(error).description:
        message = error.description
    return str(title), str(message)


def error_response(error: HTTPException, incident: str | None = None):
    """Return the HTML or JSON response for `error`."""
    code = error.code or 500
    title, message = _describe(error)
    if isinstance(
        error, SecurityError
    ):  # untrusted Host: no URLs can be built, so no page
        response = current_app.response_class(
            f"{code} {title}\n", mimetype="text/plain"
        )
    elif wants_json():
        body = {"status": code, "title": title, "message": message}
        if isinstance(error, InvalidParameters):
            body["errors"] = error.errors
        if incident:
            body["incident"] = incident
        response = jsonify(error=body)
    else:
        page = render_template(
            "errors/error.html",
            code=code,
            title=title,
            message=message,
            incident=incident,
        )
        response = current_app.make_response(page)
    response.status_code = code
    allowed = getattr(error, "valid_methods", None)
    if allowed:
        response.headers["Allow"] = ", ".join(allowed)
    return response


def handle_http_exception(error: HTTPException):
    """Render an expected HTTP error (400, 404, 405, 413, ...)."""
    return error_response(error)


def handle_internal_error(error: InternalServerError):
    """Log an unexpected failure under an incident id and show a generic page."""
    incident = secrets.token_hex(6)
    current_app.logger.error(
        "incident %s", incident, exc_info=error.original_exception or error
    )
    return error_response(InternalServerError(), incident=incident)


def register_error_handlers(app) -> None:
    """Attach the error handlers to `app`."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_internal_error)
