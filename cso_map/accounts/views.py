"""Account views: log in, log out (POST), the account page, password reset."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from cso_map.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    LoginForm,
    LogoutForm,
    ResetPasswordForm,
)
from cso_map.extensions import csrf, limiter
from cso_map.i18n import LANG_PREFIX, register_language_prefix
from cso_map.security import same_origin_only
from cso_map.services.editing.accounts import (
    AccountError,
    authenticate,
    change_password,
    end_sessions,
    find_user,
    reset_token,
    set_password,
    user_for_reset,
)
from cso_map.services.editing.mail import send_mail
from cso_map.web.limits import AUTH_LIMITS

bp = Blueprint("accounts", __name__, url_prefix=LANG_PREFIX)
register_language_prefix(bp)


def safe_next(target: str | None) -> str:
    """Return `target` if it is a path on this site, else the account page."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("accounts.account")


@bp.route("/login", methods=["GET", "POST"])
@csrf.exempt
@same_origin_only
@limiter.limit(AUTH_LIMITS, methods=["POST"])
def login():
    """Log in with e-mail and password; go on to `next` if it is on this site.

    `done` says what just happened (a logout, a password reset): a message in
    the address rather than in a cookie, since this page is anonymous.
    """
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(_("The e-mail or the password is not right."))
        return render_template("accounts/login.html", form=form, done=None), 401
    status = 400 if request.method == "POST" else 200
    done = request.args.get("done") if request.method == "GET" else None
    return render_template("accounts/login.html", form=form, done=done), status


@bp.post("/logout")
@login_required
def logout():
    """End every session of this account, here and on other devices."""
    form = LogoutForm()
    if not form.validate():
        return redirect(url_for("accounts.account"))
    end_sessions(current_user)
    logout_user()
    return redirect(url_for("accounts.login", done="logout"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Show the account and its organizations; change the password."""
    form = ChangePasswordForm()
    status = 200
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current.data, form.password.data)
        except AccountError:
            form.current.errors.append(_("This is not your current password."))
            status = 400
        else:
            login_user(current_user)  # a new session version, for this session
            flash(_("Your password has changed. Other sessions have ended."))
            return redirect(url_for("accounts.account"))
    elif request.method == "POST":
        status = 400
    return render_template(
        "accounts/account.html", form=form, logout=LogoutForm()
    ), status


@bp.route("/password/forgot", methods=["GET", "POST"])
@csrf.exempt
@same_origin_only
@limiter.limit(AUTH_LIMITS, methods=["POST"])
def forgot_password():
    """Send a reset link if the address has an account; say the same either way."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if user is not None and user.active:
            token = reset_token(user, current_app.config["SECRET_KEY"])
            link = url_for("accounts.reset_password", token=token, _external=True)
            send_mail(
                current_app.config,
                user.email,
                _("Choose a new password for CSO Map"),
                _(
                    "Someone asked to change the password of this account. If it "
                    "was you, open this link within an hour:\n\n%(link)s\n\nIf it "
                    "was not you, do nothing: your password stays the same.",
                    link=link,
                ),
            )
        return render_template("accounts/forgot.html", form=form, sent=True)
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/forgot.html", form=form, sent=False), status


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@csrf.exempt
@same_origin_only
@limiter.limit(AUTH_LIMITS, methods=["POST"])
def reset_password(token: str):
    """Set a new password with a link from the e-mail (once, within an hour)."""
    user = user_for_reset(token, current_app.config["SECRET_KEY"])
    form = ResetPasswordForm()
    if user is None:
        return render_template("accounts/reset.html", form=None), 400
    if form.validate_on_submit():
        set_password(user, form.password.data)
        return redirect(url_for("accounts.login", done="reset"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/reset.html", form=form), status
