"""Accounts: argon2id, login and logout, sessions that really end, password reset."""

import email
import email.policy
import re

import pytest

from cso_map.models import User
from cso_map.services.editing.accounts import create_user, find_user

PASSWORD = "correct horse battery staple"
SAME_SITE = {"Origin": "http://localhost"}


@pytest.fixture
def account(app, client):
    with app.app_context():
        create_user("Editor@Example.org", PASSWORD, "editor", "Ana")
    return "editor@example.org"


def log_in(client, email, password=PASSWORD, next_url=None):
    url = "/en/login" + (f"?next={next_url}" if next_url else "")
    return client.post(
        url, data={"email": email, "password": password}, headers=SAME_SITE
    )


def csrf_token(client, url="/en/account"):
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)[1]


def test_passwords_are_hashed_with_argon2id(app, account):
    with app.app_context():
        user = find_user(account)
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_the_login_page_sets_no_cookie_and_logging_in_does(client, account):
    page = client.get("/es/login")
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers
    response = log_in(client, account)
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/account"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert client.get("/en/account").status_code == 200


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, account):
    wrong = log_in(client, account, "wrong password, long enough")
    unknown = log_in(client, "nobody@example.org", "wrong password, long enough")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_data(as_text=True).replace(account, "X") == unknown.get_data(
        as_text=True
    ).replace("nobody@example.org", "X")
    assert "Set-Cookie" not in wrong.headers


@pytest.mark.parametrize(
    ("target", "lands"),
    [
        ("/es/regions", "/es/regions"),
        ("//evil.example/x", "/en/account"),
        ("https://evil.example/", "/en/account"),
        ("/\\evil.example", "/en/account"),
    ],
)
def test_next_only_leads_inside_the_site(client, account, target, lands):
    assert log_in(client, account, next_url=target).headers["Location"] == lands


def test_a_form_posted_from_another_site_is_refused(client, account):
    response = client.post(
        "/en/login",
        data={"email": account, "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 400
    assert client.post("/en/login", data={"email": account}).status_code == 400


def test_a_cookie_captured_before_logout_no_longer_works(app, client, account):
    log_in(client, account)
    captured = client.get_cookie("session").value
    response = client.post("/en/logout", data={"csrf_token": csrf_token(client)})
    assert response.headers["Location"] == "/en/login?done=logout"
    replay = app.test_client()
    replay.set_cookie("session", captured)
    assert replay.get("/en/account").status_code == 302


def test_logout_needs_a_post_with_its_token(client, account):
    log_in(client, account)
    assert client.get("/en/logout").status_code == 405
    assert client.post("/en/logout").status_code == 400  # no CSRF token
    assert client.get("/en/account").status_code == 200  # still logged in


def test_a_password_change_ends_other_sessions_but_not_this_one(app, client, account):
    log_in(client, account)
    other = app.test_client()
    log_in(other, account)
    new = "another long password here"
    response = client.post(
        "/en/account",
        data={
            "csrf_token": csrf_token(client),
            "current": PASSWORD,
            "password": new,
            "confirm": new,
        },
    )
    assert response.status_code == 302
    assert client.get("/en/account").status_code == 200
    assert other.get("/en/account").status_code == 302


def test_a_weak_or_wrong_password_change_is_refused_with_reasons(client, account):
    log_in(client, account)
    token = csrf_token(client)
    short = client.post(
        "/es/account",
        data={
            "csrf_token": token,
            "current": PASSWORD,
            "password": "x",
            "confirm": "x",
        },
    )
    assert short.status_code == 400
    assert "Use entre 12 y 128 caracteres" in short.get_data(as_text=True)
    wrong = client.post(
        "/en/account",
        data={
            "csrf_token": token,
            "current": "not my password at all",
            "password": "a new password that is long",
            "confirm": "a new password that is long",
        },
    )
    assert wrong.status_code == 400


def test_a_deactivated_account_cannot_log_in_or_keep_its_session(app, client, account):
    from cso_map.extensions import db
    from cso_map.services.editing.accounts import set_active

    log_in(client, account)
    with app.app_context():
        set_active(db.session.scalar(db.select(User)), False)
    assert client.get("/en/account").status_code == 302
    assert log_in(client, account).status_code == 401


def reset_link(outbox) -> str:
    raw = next(outbox.glob("*.eml")).read_bytes()
    body = email.message_from_bytes(raw, policy=email.policy.default).get_content()
    return re.search(r"http://localhost(/en/password/reset/\S+)", body)[1]


def test_a_reset_link_works_once_and_the_answer_hides_who_has_an_account(
    app, client, account, tmp_path
):
    app.config["MAIL_OUTBOX"] = str(tmp_path)
    unknown = client.post(
        "/en/password/forgot", data={"email": "nobody@example.org"}, headers=SAME_SITE
    )
    known = client.post(
        "/en/password/forgot", data={"email": account}, headers=SAME_SITE
    )
    assert unknown.get_data() == known.get_data()
    assert len(list(tmp_path.glob("*.eml"))) == 1
    link = reset_link(tmp_path)
    new = "a brand new long password"
    data = {"password": new, "confirm": new}
    assert client.post(link, data=data, headers=SAME_SITE).status_code == 302
    assert client.post(link, data=data, headers=SAME_SITE).status_code == 400
    assert client.get(link).status_code == 400
    assert log_in(client, account, new).status_code == 302
    assert client.get("/en/password/reset/forged.token").status_code == 400


def test_logins_are_rate_limited(client, account):
    statuses = [
        log_in(client, account, "wrong password, long enough").status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10] == 429


def test_create_user_reads_the_password_from_standard_input(app, runner):
    result = runner.invoke(
        args=["create-user", "--email", "Boss@Example.org", "--role", "admin"],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert find_user("boss@example.org").role == "admin"
    again = runner.invoke(
        args=["create-user", "--email", "boss@example.org", "--role", "admin"],
        input=PASSWORD + "\n",
    )
    assert again.exit_code == 2
    assert "exists" in again.output
    short = runner.invoke(
        args=["create-user", "--email", "b@example.org", "--role", "admin"],
        input="short\n",
    )
    assert short.exit_code == 2
    assert "12 to 128" in short.output
