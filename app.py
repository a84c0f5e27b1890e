"""WSGI entry point and `flask` CLI target: `app = create_app()`."""

from cso_map import create_app
from cso_map.extensions import db
from cso_map.models import Location, Organization, Region, Service

app = create_app()


@app.shell_context_processor
def shell_context() -> dict:
    """Give `flask shell` the database and the main models."""
    return {
        "db": db,
        "Organization": Organization,
        "Service": Service,
        "Location": Location,
        "Region": Region,
    }
