"""Configuration read from the environment, with safe defaults for development."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from cso_map.maps.tiles import tiles_from_setting

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "development-only-key-never-use-in-production"
ENVIRONMENTS = ("development", "production", "testing")


class ConfigError(RuntimeError):
    """The environment describes a configuration the app refuses to start with."""


def parse_bool(value: str | None, default: bool = False) -> bool:
    """Return True for 1/true/yes/on, False for 0/false/no/off, `default` when unset."""
    if value is None or value.strip() == "":
        return default
    text = value.strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"not a boolean: {value!r}")


def parse_list(value: str | None) -> list[str] | None:
    """Return the comma-separated items of `value`, or None when unset."""
    if not value:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def config_from_env(environ: Mapping[str, str], instance_path: str) -> dict:
    """Return Flask settings for the environment variables in `environ`."""
    env = environ.get("CSO_MAP_ENV", "production")
    if env not in ENVIRONMENTS:
        raise ConfigError(f"CSO_MAP_ENV must be one of {', '.join(ENVIRONMENTS)}")
    development = env == "development"
    secret_key = environ.get("SECRET_KEY") or (DEV_SECRET_KEY if development else None)
    database_url = environ.get("DATABASE_URL") or (
        "sqlite:///" + os.path.join(instance_path, "cso_map.sqlite3")
    )
    trusted_hosts = parse_list(environ.get("TRUSTED_HOSTS"))
    if trusted_hosts is None and development:
        trusted_hosts = ["127.0.0.1", "localhost"]
    return {
        "ENVIRONMENT": env,
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "DEFAULT_LANGUAGE": environ.get("DEFAULT_LANGUAGE", "es"),
        "TRUSTED_HOSTS": trusted_hosts,
        "MAX_CONTENT_LENGTH": int(environ.get("MAX_UPLOAD_MB", "10")) * 1024 * 1024,
        "EXIT_URL": environ.get("EXIT_URL", "https://www.wikipedia.org/"),
        "LOG_LEVEL": environ.get("LOG_LEVEL", "INFO").upper(),
        "UNDERSERVED_BELOW": float(environ.get("UNDERSERVED_BELOW", "1.0")),
        "TILES": environ.get("TILES", "osm"),
        "TILES_ATTRIBUTION": environ.get("TILES_ATTRIBUTION", ""),
        "SESSION_COOKIE_SECURE": parse_bool(
            environ.get("SESSION_COOKIE_SECURE"), default=not development
        ),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "RATELIMIT_STORAGE_URI": environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "MAIL_BACKEND": environ.get("MAIL_BACKEND", "outbox"),
        "MAIL_OUTBOX": environ.get("MAIL_OUTBOX")
        or os.path.join(instance_path, "outbox"),
        "MAIL_FROM": environ.get("MAIL_FROM", "CSO Map <no-reply@localhost>"),
        "SMTP_HOST": environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(environ.get("SMTP_PORT", "587")),
        "SMTP_USER": environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": environ.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": parse_bool(environ.get("SMTP_STARTTLS"), default=True),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
    }


def validate_config(config: Mapping) -> None:
    """Refuse to start with a missing secret key or an unknown default language."""
    if not config.get("SECRET_KEY"):
        raise ConfigError("SECRET_KEY must be set outside development")
    if config.get("DEFAULT_LANGUAGE") not in ("es", "en"):
        raise ConfigError("DEFAULT_LANGUAGE must be es or en")
    if config.get("MAIL_BACKEND", "outbox") not in ("outbox", "smtp"):
        raise ConfigError("MAIL_BACKEND must be outbox or smtp")
    if config.get("MAIL_BACKEND") == "smtp" and not config.get("SMTP_HOST"):
        raise ConfigError("SMTP_HOST must be set when MAIL_BACKEND is smtp")
    try:
        tiles_from_setting(config.get("TILES", "osm"))
    except ValueError as error:
        raise ConfigError(str(error)) from error


def settings_for_tests(database_url: str) -> dict:
    """Return the overrides the test suite applies on top of the environment."""
    return {
        "ENVIRONMENT": "testing",
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-of-sufficient-length-0123456789",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "TRUSTED_HOSTS": ["localhost", "127.0.0.1"],
        "SESSION_COOKIE_SECURE": False,
        "RATELIMIT_STORAGE_URI": "memory://",
    }
