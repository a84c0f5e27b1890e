"""Configuration from the environment: safe defaults, refusals, one boolean parser."""

import pytest

from cso_map import create_app
from cso_map.config import ConfigError, config_from_env, parse_bool, validate_config


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", True),
        ("true", True),
        (" Yes ", True),
        ("on", True),
        ("0", False),
        ("off", False),
        ("no", False),
        ("FALSE", False),
    ],
)
def test_parse_bool_reads_the_usual_spellings(text, expected):
    assert parse_bool(text) is expected


def test_parse_bool_uses_the_default_when_unset_and_refuses_nonsense():
    assert parse_bool(None, default=True) is True
    assert parse_bool("", default=False) is False
    with pytest.raises(ConfigError):
        parse_bool("maybe")


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    config = config_from_env({"CSO_MAP_ENV": "production"}, str(tmp_path))
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        validate_config(config)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": None})


def test_development_has_defaults_for_everything(tmp_path):
    config = config_from_env({"CSO_MAP_ENV": "development"}, str(tmp_path))
    validate_config(config)
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/cso_map.sqlite3"
    assert config["TRUSTED_HOSTS"] == ["127.0.0.1", "localhost"]
    assert config["SESSION_COOKIE_SECURE"] is False
    assert config["DEFAULT_LANGUAGE"] == "es"


def test_settings_come_from_the_environment(tmp_path):
    config = config_from_env(
        {
            "SECRET_KEY": "x" * 40,
            "DATABASE_URL": "postgresql+psycopg://db/cso",
            "DEFAULT_LANGUAGE": "en",
            "TRUSTED_HOSTS": "csomap.example.org, www.csomap.example.org",
            "MAX_UPLOAD_MB": "3",
        },
        str(tmp_path),
    )
    validate_config(config)
    assert config["ENVIRONMENT"] == "production"
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://db/cso"
    assert config["TRUSTED_HOSTS"] == ["csomap.example.org", "www.csomap.example.org"]
    assert config["MAX_CONTENT_LENGTH"] == 3 * 1024 * 1024
    assert config["SESSION_COOKIE_SECURE"] is True


@pytest.mark.parametrize(
    "environ", [{"CSO_MAP_ENV": "staging"}, {"DEFAULT_LANGUAGE": "fr"}]
)
def test_unknown_values_are_refused(tmp_path, environ):
    with pytest.raises(ConfigError):
        validate_config(
            config_from_env({"SECRET_KEY": "x" * 40, **environ}, str(tmp_path))
        )
