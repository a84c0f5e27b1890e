"""CSO Map: a directory and map of civil-society organizations working with migrants."""

from __future__ import annotations

import logging
import os

# GDAL must never open VRT files (they make it read local files and call URLs):
# switch the drivers off before anything loads GDAL (services/exchange/uploads.py).
os.environ.setdefault("GDAL_SKIP", "VRT OGR_VRT")
from collections.abc import Mapping

from flask import Flask

from cso_map.config import PROJECT_ROOT, config_from_env, validate_config


class CSOMapFlask(Flask):
    """Flask, except that unexpected errors are logged once, by `errors`, with an id."""

    def log_exception(self, exc_info) -> None:
        """Leave logging to the 500 handler, which adds an incident id."""


def create_app(config: Mapping | None = None) -> Flask:
    """Build the application: configuration first, then each part in turn."""
    app = CSOMapFlask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    load_configuration(app, config)
    configure_json(app)
    configure_logging(app)
    register_extensions(app)
    register_templating(app)
    register_blueprints(app)
    register_error_handling(app)
    register_commands(app)
    return app


def load_configuration(app: Flask, overrides: Mapping | None) -> None:
    """Read settings from the environment, then apply `overrides` (tests)."""
    app.config.from_mapping(config_from_env(os.environ, app.instance_path))
    if overrides:
        app.config.from_mapping(overrides)
    validate_config(app.config)
    os.makedirs(app.instance_path, exist_ok=True)


def configure_json(app: Flask) -> None:
    """Write JSON as UTF-8 text in the order fields are built."""
    app.json.ensure_ascii = False
    app.json.sort_keys = False


def configure_logging(app: Flask) -> None:
    """Log at the configured level; requests themselves are never logged."""
    app.logger.setLevel(app.config["LOG_LEVEL"])
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def register_extensions(app: Flask) -> None:
    """Bind the database, migrations, CSRF, translations, logins and rate limits."""
    from cso_map.accounts.session import register_login
    from cso_map.database import configure_engine
    from cso_map.extensions import babel, csrf, db, limiter, migrate
    from cso_map.i18n import current_locale
    from cso_map.services.snapshot.data_version import track_data_version

    db.init_app(app)
    track_data_version()
    with app.app_context():
        configure_engine(db.engine)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=current_locale)
    register_login(app)
    limiter.init_app(app)


def register_templating(app: Flask) -> None:
    """Make language helpers and labels available to every template."""
    from cso_map.templating import register_template_helpers

    register_template_helpers(app)


def register_blueprints(app: Flask) -> None:
    """Mount one blueprint per feature, and the language redirect at /."""
    from cso_map.accounts import bp as accounts_bp
    from cso_map.admin import bp as admin_bp
    from cso_map.api import bp as api_bp
    from cso_map.api.openapi import register_api_docs
    from cso_map.directory import bp as directory_bp
    from cso_map.editing import bp as editing_bp
    from cso_map.finder import bp as finder_bp
    from cso_map.gaps import bp as gaps_bp
    from cso_map.hsds import bp as hsds_bp
    from cso_map.i18n import register_root_redirect
    from cso_map.imports import bp as imports_bp
    from cso_map.links import bp as links_bp
    from cso_map.mentoring import bp as mentoring_bp
    from cso_map.partners import bp as partners_bp
    from cso_map.regions import bp as regions_bp
    from cso_map.vendor import register_vendor_assets
    from cso_map.web.favicon import register_favicon

    app.register_blueprint(directory_bp)
    app.register_blueprint(finder_bp)
    app.register_blueprint(partners_bp)
    app.register_blueprint(mentoring_bp)
    app.register_blueprint(links_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(editing_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(hsds_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(gaps_bp)
    app.register_blueprint(regions_bp)
    app.register_blueprint(api_bp)
    register_root_redirect(app)
    register_api_docs(app)
    register_vendor_assets(app)
    register_favicon(app)


def register_error_handling(app: Flask) -> None:
    """Attach error pages, the NUL check, the security headers and compression."""
    from cso_map.errors import register_error_handlers
    from cso_map.security import register_request_security
    from cso_map.web.compression import register_compression

    register_error_handlers(app)
    register_compression(app)  # runs after the headers hook (Flask reverses order)
    register_request_security(app)


def register_commands(app: Flask) -> None:
    """Add the `flask` CLI commands."""
    from cso_map.cli import register_cli

    register_cli(app)
