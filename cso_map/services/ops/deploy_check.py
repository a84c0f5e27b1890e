"""Refuse an unsafe production configuration before the app serves anyone."""

from __future__ import annotations

from collections.abc import Mapping

MIN_SECRET_LENGTH = 32


def deployment_problems(config: Mapping, workers: int) -> list[str]:
    """Return what is unsafe in `config` for production with `workers` processes."""
    problems = []
    if config.get("ENVIRONMENT") != "production":
        problems.append("CSO_MAP_ENV is not production")
    if config.get("DEBUG"):
        problems.append("debug mode is on")
    if len(config.get("SECRET_KEY") or "") < MIN_SECRET_LENGTH:
        problems.append(f"SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters")
    if not config.get("SESSION_COOKIE_SECURE"):
        problems.append("SESSION_COOKIE_SECURE is off: session cookies travel in clear")
    if not config.get("TRUSTED_HOSTS"):
        problems.append("TRUSTED_HOSTS is not set")
    storage = str(config.get("RATELIMIT_STORAGE_URI", "memory://"))
    if workers > 1 and storage.startswith("memory"):
        problems.append(
            f"rate limits are kept in memory but {workers} workers run: "
            "set RATELIMIT_STORAGE_URI to a shared store such as Redis"
        )
    if config.get("MAIL_BACKEND") != "smtp":
        problems.append("MAIL_BACKEND is not smtp: password resets would not be sent")
    return problems
