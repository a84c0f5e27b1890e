"""Language: from the URL prefix (/es/, /en/) or Accept-Language, never a cookie."""

from flask import current_app, g, has_request_context, redirect, request, url_for

LANGUAGES = ("es", "en")
# The conventions of each language's readers: Mexican Spanish writes "1,075" and
# "0.3" (Spain's "1.075" and "0,3" read wrong in Mexico), English as in the US.
LOCALES = {"es": "es_MX", "en": "en_US"}
LANG_PREFIX = "/<any(es, en):lang_code>"


def best_language() -> str:
    """Return the visitor's language from Accept-Language, or the configured default."""
    default = current_app.config["DEFAULT_LANGUAGE"]
    if not has_request_context():
        return default
    return request.accept_languages.best_match(LANGUAGES, default=default)


def current_language() -> str:
    """Return the language of this request: the URL prefix wins over Accept-Language."""
    if has_request_context() and "lang_code" in g:
        return g.lang_code
    return best_language()


def current_locale() -> str:
    """Return the Babel locale of this request's language ("es_MX", "en_US")."""
    language = current_language()
    return LOCALES.get(language, language)


def pull_lang_code(endpoint: str | None, values: dict | None) -> None:
    """Move the `lang_code` URL value into `g`, so views do not take it."""
    if values and "lang_code" in values:
        g.lang_code = values.pop("lang_code")


def add_lang_code(endpoint: str, values: dict) -> None:
    """Fill `lang_code` in `url_for` calls from the current request's language."""
    if "lang_code" not in values and current_app.url_map.is_endpoint_expecting(
        endpoint, "lang_code"
    ):
        values["lang_code"] = current_language()


def register_language_prefix(blueprint) -> None:
    """Make every route of `blueprint` live under /es/ and /en/."""
    blueprint.url_value_preprocessor(pull_lang_code)
    blueprint.url_defaults(add_lang_code)


def redirect_to_language():
    """Send a visitor at / to the home page in their language."""
    response = redirect(url_for("directory.home", lang_code=best_language()))
    response.vary.add("Accept-Language")
    return response


def register_root_redirect(app) -> None:
    """Serve the language redirect at /."""
    app.add_url_rule("/", "root", redirect_to_language)
