"""Template globals: the current language, links to the other language, labels,
and the one number formatter (also behind `|numberformat` and `ngettext`'s count)."""

from __future__ import annotations

from babel.lists import format_list
from flask import Flask, current_app, request, url_for
from flask_babel import gettext as _
from jinja2 import pass_context

from cso_map.formatting import (
    country_name,
    day_name,
    delivery,
    eligibility,
    format_number,
    format_score,
    km_text,
    opening_hours,
    plural_count,
    remote_channels,
    service_status,
    tel_href,
)
from cso_map.i18n import LANGUAGES, current_language, current_locale
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


# Names of languages are capitalized in English only; other terms are common nouns.
PROPER_IN_ENGLISH = {"language"}


def label_in_sentence(vocabulary: str, code: str | None) -> str:
    """Return the label of `code` as written inside a sentence: "trabajan en
    español", "works with families" (acronyms such as "LGBTIQ+" keep their case)."""
    text = label(vocabulary, code)
    if current_language() == "en" and vocabulary in PROPER_IN_ENGLISH:
        return text
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def label_list(vocabulary: str, codes: list[str]) -> str:
    """Return the labels of `codes` inside a sentence: "español, inglés y mixteco"."""
    labels = [label_in_sentence(vocabulary, code) for code in codes]
    return format_list(labels, locale=current_locale()) if labels else ""


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


def counted_ngettext(plain):
    """Wrap the template `ngettext`: `%(num)s` is a formatted number, and a number
    with decimals (a threshold of 1.5) picks the plural."""

    @pass_context
    def ngettext(context, singular: str, plural: str, num, **variables):
        variables.setdefault("num", format_number(num))
        return plain(context, singular, plural, plural_count(num), **variables)

    return ngettext


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
        "label_in_sentence": label_in_sentence,
        "number": format_number,
        "score": format_score,
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
    app.jinja_env.filters["numberformat"] = format_number
    app.jinja_env.globals["ngettext"] = counted_ngettext(
        app.jinja_env.globals["ngettext"]
    )
