"""Template globals: the current language, links to the other language, labels."""

from __future__ import annotations

from flask import Flask, current_app, request, url_for
from flask_babel import gettext as _

from cso_map.formatting import (
    country_name,
    day_name,
    delivery,
    eligibility,
    km_text,
    opening_hours,
    remote_channels,
    service_status,
    tel_href,
)
from cso_map.i18n import LANGUAGES, current_language
from cso_map.services.directory.regions import get_region
from cso_map.services.directory.statistics import has_demo_data
from cso_map.taxonomy import VOCABULARIES
from cso_map.urls import safe_url
from cso_map.web.policy import counting_all


def url_in_language(lang: str) -> str:
    """Return the current page's address in `lang`, keeping its query string."""
    endpoint = request.endpoint
    if not endpoint or not current_app.url_map.is_endpoint_expecting(
        endpoint, "lang_code"
    ):
        return url_for("directory.home", lang_code=lang)
    values = dict(request.view_args or {})
    values.update(request.args.to_dict(flat=False))
    values["lang_code"] = lang
    return url_for(endpoint, **values)


def label(vocabulary: str, code: str | None) -> str:
    """Return the label of `code` in `vocabulary`, in the current language."""
    if code is None:
        return ""
    terms = VOCABULARIES[vocabulary]
    return terms[code].label(current_language()) if code in terms else code


def label_list(vocabulary: str, codes: list[str]) -> str:
    """Return the labels of `codes` in `vocabulary`, joined by commas."""
    return ", ".join(label(vocabulary, code) for code in codes)


def region_name(code: str | None) -> str:
    """Return the name of region `code` in the current language (else the code)."""
    region = get_region(code) if code else None
    return region.name(current_language()) if region else (code or "")


def role_label(role: str) -> str:
    """Return the name of an account role."""
    return {
        "admin": _("Administrator"),
        "authority": _("Authority"),
        "editor": _("Editor of organizations"),
    }.get(role, role)


def action_label(action: str) -> str:
    """Return the name of a recorded change."""
    return {
        "create": _("Created"),
        "update": _("Edited"),
        "delete": _("Deleted"),
        "restore": _("Restored"),
        "verify": _("Verified"),
        "reject": _("Rejected"),
        "review": _("Checked: nothing changed"),
        "merge": _("Merged"),
        "import": _("Imported"),
    }.get(action, action)


def counting_switch_url() -> str:
    """Return the current page's address counting the other way: every listing,
    or only verified and current ones (the `include_stale` argument flipped)."""
    args = request.args.to_dict(flat=False)
    args.pop("include_stale", None)
    if not counting_all():
        args["include_stale"] = ["1"]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def template_globals() -> dict:
    """Return the names every template can use."""
    lang = current_language()
    return {
        "lang": lang,
        "other_languages": [other for other in LANGUAGES if other != lang],
        "url_in_language": url_in_language,
        "counting_switch_url": counting_switch_url,
        "counting_all": counting_all,
        "label": label,
        "vocabularies": VOCABULARIES,
        "exit_url": current_app.config["EXIT_URL"],
        "safe_url": safe_url,
        "country_name": country_name,
        "opening_hours": opening_hours,
        "service_status": service_status,
        "eligibility": eligibility,
        "delivery": delivery,
        "remote_channels": remote_channels,
        "km_text": km_text,
        "tel_href": tel_href,
        "day_name": day_name,
        "has_demo_data": has_demo_data,
        "region_name": region_name,
        "role_label": role_label,
        "action_label": action_label,
    }


def register_template_helpers(app: Flask) -> None:
    """Attach the template globals to `app`."""
    app.context_processor(template_globals)
