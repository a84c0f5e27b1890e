"""Organization field values by kind: read from a cell, given as plain values.

The same reading serves our table and HSDS, so a value refused in one format is
refused in the other with the same reason.
"""

from __future__ import annotations

import functools

from flask_babel import lazy_gettext as _l
from sqlalchemy import Table

from cso_map.models import Organization, Service
from cso_map.services.records import cells as cell
from cso_map.services.records.fields import Field, Kind

MISSING = {"name": _l("a name is needed")}
# A value read from one cell, by kind: text, a number, a flag, codes, or None.
CellValue = str | int | float | bool | list[str] | None


@functools.cache
def max_length(field: Field) -> int | None:
    """Return the longest text the model's column takes for `field` (None: any):
    the organization's column, or else the service's."""
    columns = Organization.__table__.c
    column = (
        columns[field.name]
        if field.name in columns
        else Service.__table__.c[field.name]
    )
    return getattr(column.type, "length", None)


def link_table(field: Field) -> Table:
    """Return the association table that holds an organization's terms of `field`."""
    return Organization.__mapper__.relationships[field.name].secondary


def empty_value(field: Field) -> CellValue:
    """Return what a record holds for `field` when a file gives it nothing."""
    if field.kind is Kind.FLAG:
        return False
    if field.kind is Kind.LONG_TEXT:
        return ""
    if field.kind is Kind.TERMS:
        return []
    return None


def read_value(
    field: Field, value: object, where: cell.Where, column: str | None = None
) -> CellValue:
    """Return a cell's value for `field`, checked; refusals name `column`."""
    column = column or field.name
    kind = field.kind
    if kind is Kind.TEXT and field.choices:
        found = cell.one_of(value, field.choices, where, column)
    elif kind is Kind.TEXT:
        found = cell.clipped(value, where, column, max_length(field))
    elif kind is Kind.LONG_TEXT:
        found = cell.text(value) or ""
    elif kind is Kind.EMAIL:
        found = cell.email(value, where, column)
    elif kind is Kind.URL:
        found = cell.web_address(value, where, column)
    elif kind in (Kind.COUNT, Kind.YEAR):
        found = cell.whole(value, where, column, field.low or 0, field.high)
    elif kind is Kind.DECIMAL:
        found = cell.decimal(value, where, column, field.low, field.high)
    elif kind is Kind.FLAG:
        found = cell.flag(value, where, column)
    elif kind is Kind.TERM:
        found = cell.code(value, field.vocabulary, where, column) or field.default
    elif kind is Kind.TERMS:
        found = cell.codes(value, field.vocabulary, where, column)
    elif kind is Kind.PARENT:
        found = cell.identifier(value, where, column)
    else:
        raise ValueError(f"{field.name} is not read from one cell")
    if field.required and not found:
        raise cell.CellError(
            where, column, MISSING.get(field.name, _l("a value is needed"))
        )
    return found


def plain_value(organization: Organization, field: Field) -> object:
    """Return an organization's value of `field`, terms as their codes."""
    value = getattr(organization, field.name)
    if field.kind is Kind.TERM:
        return None if value is None else value.code
    if field.kind is Kind.TERMS:
        return [term.code for term in value]
    return value


def plain_values(organization: Organization, fields: tuple[Field, ...]) -> dict:
    """Return the values of `fields` by name, terms as their codes."""
    return {field.name: plain_value(organization, field) for field in fields}


def submitted(field: Field, value: object) -> object:
    """Return a form's value for `field` as stored: "" is no term (nor choice),
    text is trimmed."""
    if field.kind is Kind.TERM or field.choices:
        return value or None
    if field.kind is Kind.LONG_TEXT:
        return (value or "").strip()
    if field.kind is Kind.TERMS:
        return list(value or [])
    return value
