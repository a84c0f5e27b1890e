"""Gunicorn settings for `make run` and production: no access log, ever.

People looking for help may be undocumented, so the server records neither the
addresses they ask for nor their IPs (../shared/docs/security.md).
"""

accesslog = None
disable_redirect_access_to_syslog = True
errorlog = "-"
loglevel = "info"
