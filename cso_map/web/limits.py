"""Rate limits that several blueprints apply."""

# Anonymous posts that log in, reset a password or open an account (with a proposal).
AUTH_LIMITS = "10 per minute;50 per hour"
