"""Response headers every page gets; requests with NUL characters refused; the
same-origin check of anonymous forms; the rate limiter's key, which never keeps a
client's address."""

import hashlib
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request
from flask_babel import gettext as _

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def set_security_headers(response):
    """Add the security headers to `response` unless a view set its own."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault(
        "Permissions-Policy", "camera=(), microphone=(), interest-cohort=()"
    )
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def refuse_nul_characters() -> None:
    """Refuse (400) a path, parameter or form field holding a NUL character: no
    text of ours has one, and PostgreSQL can neither store nor compare it."""
    values = [request.path]
    for fields in (request.args, request.form):  # uploaded files are not text
        values += [value for _name, value in fields.items(multi=True)]
    if any("\x00" in value for value in values):
        abort(400, description=_("The request holds a NUL character."))


def register_request_security(app: Flask) -> None:
    """Attach the NUL check and the header hook to `app`."""
    app.before_request(refuse_nul_characters)
    app.after_request(set_security_headers)


def client_key() -> str:
    """Return a keyed hash of the client's address, for rate limits only."""
    secret = current_app.config["SECRET_KEY"].encode()
    address = (request.remote_addr or "").encode()
    return hashlib.sha256(secret + b"|" + address).hexdigest()[:24]


def is_same_origin() -> bool:
    """Return whether a POST says it comes from one of this site's own pages.

    Browsers send `Origin` with every POST (and `Referer`, which our
    Referrer-Policy keeps for same-origin requests): a form posted from another
    site carries that site's origin.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return (parts.scheme, parts.netloc) == (request.scheme, request.host)


def same_origin_only(view):
    """Answer 400 to a POST that does not come from this site's own pages.

    Anonymous forms (login, password reset) use this instead of a CSRF token,
    because a token needs a session cookie and anonymous pages set none.
    """

    @wraps(view)
    def checked(*args, **kwargs):
        if request.method == "POST" and not is_same_origin():
            abort(400, description=_("This form must be sent from this site's pages."))
        return view(*args, **kwargs)

    return checked
