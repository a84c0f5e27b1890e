"""check-deploy refuses unsafe production settings and accepts safe ones."""

from cso_map.services.ops.deploy_check import deployment_problems

SAFE = {
    "ENVIRONMENT": "production",
    "DEBUG": False,
    "SECRET_KEY": "x" * 48,
    "SESSION_COOKIE_SECURE": True,
    "TRUSTED_HOSTS": ["csomap.example.org"],
    "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379",
    "MAIL_BACKEND": "smtp",
    "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://cso@db/cso",
}


def test_a_safe_configuration_passes():
    assert deployment_problems(SAFE, workers=4) == []


def test_each_unsafe_setting_is_named():
    unsafe = {
        **SAFE,
        "DEBUG": True,
        "SECRET_KEY": "short",
        "SESSION_COOKIE_SECURE": False,
        "TRUSTED_HOSTS": None,
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    problems = " | ".join(deployment_problems(unsafe, workers=4))
    for words in ("debug", "SECRET_KEY", "SESSION_COOKIE_SECURE", "TRUSTED_HOSTS"):
        assert words in problems
    assert "4 workers" in problems
    assert deployment_problems({**SAFE, "RATELIMIT_STORAGE_URI": "memory://"}, 1) == []


def test_the_command_exits_non_zero_when_unsafe(app, runner):
    result = runner.invoke(args=["check-deploy", "--workers", "2"])
    assert result.exit_code == 1
    assert "unsafe: CSO_MAP_ENV is not production" in result.output
