"""The OpenAPI 3 document of /api/v1 and /hsds, generated from the routes and the
forms that read their query strings (not copied by hand), and a page showing it."""

from __future__ import annotations

import re

from flask import current_app, render_template
from wtforms import (
    BooleanField,
    FloatField,
    IntegerField,
    SelectField,
    SelectMultipleField,
)
from wtforms.validators import UUID, AnyOf, InputRequired, Length

from cso_map.api.blueprint import bp

PREFIXES = ("/api/v1", "/hsds")
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "title": {"type": "string"},
                "message": {"type": "string"},
                "errors": {"type": "object"},
            },
        }
    },
}


def field_schema(field) -> dict:
    """Return the JSON schema of one query parameter."""
    if isinstance(field, SelectMultipleField):
        items = {"type": "string"}
        if field.choices:
            items["enum"] = [value for value, _label in field.choices]
        return {"type": "array", "items": items}
    schema: dict = {"type": "string"}
    if isinstance(field, IntegerField):
        schema = {"type": "integer"}
    elif isinstance(field, FloatField):
        schema = {"type": "number"}
    elif isinstance(field, BooleanField):
        schema = {"type": "string", "enum": ["1", "0", "true", "false"]}
    elif isinstance(field, SelectField) and field.choices:
        required = any(isinstance(v, InputRequired) for v in field.validators)
        schema["enum"] = [
            value for value, _label in field.choices if value or not required
        ]
    for check in field.validators:
        if hasattr(check, "range"):
            schema["minimum"], schema["maximum"] = check.range
        elif isinstance(check, UUID):
            schema["format"] = "uuid"
        elif isinstance(check, AnyOf):
            schema["enum"] = list(check.values)
        elif isinstance(check, Length) and check.max and check.max > 0:
            schema["maxLength"] = check.max
    return schema


def query_parameters(form_class) -> list[dict]:
    """Return the query parameters a form reads."""
    form = form_class(formdata=None)
    parameters = []
    for field in form:
        if field.name == "csrf_token":
            continue
        required = any(isinstance(v, InputRequired) for v in field.validators)
        parameters.append(
            {
                "name": field.name,
                "in": "query",
                "required": required,
                "description": str(field.label.text),
                "schema": field_schema(field),
                **({"explode": True} if isinstance(field, SelectMultipleField) else {}),
            }
        )
    return parameters


def openapi_document() -> dict:
    """Return the OpenAPI 3.0 document of every /api/v1 and /hsds route."""
    paths: dict[str, dict] = {}
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.rule.startswith(PREFIXES) or "GET" not in rule.methods:
            continue
        view = current_app.view_functions[rule.endpoint]
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        parameters = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": {"type": "string", "format": "uuid"}
                if "uuid:" + name in rule.rule
                else {"type": "string"},
            }
            for name in sorted(rule.arguments)
        ]
        if hasattr(view, "query_form"):
            parameters += query_parameters(view.query_form)
        summary = (view.__doc__ or "").strip().splitlines()[0]
        responses = {
            "200": {
                "description": summary,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "400": {
                "description": "A parameter is not valid; `errors` names each one.",
                "content": {"application/json": {"schema": ERROR}},
            },
        }
        if rule.arguments or getattr(view, "not_found", False):
            responses["404"] = {
                "description": "Nothing has this id.",
                "content": {"application/json": {"schema": ERROR}},
            }
        paths[path] = {
            "get": {
                "operationId": rule.endpoint.replace(".", "_"),
                "summary": summary,
                "tags": [rule.endpoint.split(".")[0]],
                "parameters": parameters,
                "responses": responses,
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "CSO Map API",
            "version": "1.0",
            "description": "The directory of civil-society organizations that work "
            "with migrants: our JSON API (/api/v1) and the Open Referral HSDS 3.0 "
            "read API (/hsds). Read-only, public, no credentials.",
        },
        "paths": paths,
    }


@bp.get("/openapi.json")
def openapi():
    """Return the OpenAPI 3 document of this API."""
    return openapi_document()


def register_api_docs(app) -> None:
    """Serve /api/docs: the OpenAPI document as a readable page."""

    def api_docs():
        return render_template("api/docs.html", document=openapi_document())

    app.add_url_rule("/api/docs", "api_docs", api_docs)
