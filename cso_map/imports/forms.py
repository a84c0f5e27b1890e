"""The upload form of the admin import page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

KINDS = [
    SelectChoice(
        "organizations", _l("Organizations: our CSV template or GeoJSON points")
    ),
    SelectChoice("hsds", _l("Open Referral HSDS 3.0: a zip of CSV tables or JSON")),
    SelectChoice(
        "regions", _l("State boundaries: GeoJSON, GeoPackage or a zipped shapefile")
    ),
    SelectChoice("indicators", _l("State indicators: CSV")),
]


class ImportForm(FlaskForm):
    """Choose what the file holds, and the file."""

    kind = SelectField(_l("What the file holds"), choices=KINDS)
    upload = FileField(_l("File"), validators=[FileRequired(_l("Choose a file."))])
