"""Sign-in throttling (django-axes, issue 11): both sign-in pages, the site's and the admin's.

A user name that fails SIGNIN_FAILURE_LIMIT times, or an address from which
that many sign-ins fail (whatever the user names), is refused for
SIGNIN_COOLOFF_MINUTES. Administrators unlock under Settings → Sign-in
lockouts, or with `manage.py axes_reset_username NAME`.
"""

from datetime import timedelta

from .environment import env_int, env_str

# AxesStandaloneBackend only refuses a locked-out person; ModelBackend signs people in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Per user name and per address, each counted on its own: guessing one
# person's password from many addresses, and trying many user names from one
# address, are both stopped. (A school behind one shared address shares its
# count too; raise the limit there rather than dropping "ip_address".)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 5)
# 0 locks until an administrator unlocks.
_COOLOFF_MINUTES = env_int("SIGNIN_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=_COOLOFF_MINUTES) if _COOLOFF_MINUTES > 0 else None
# A failed attempt during a lockout starts the wait again, which is what lets
# the message say exactly when to retry ("in 15 minutes").
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# Signing in clears that person's own failures from that address (not the
# whole address's: see SigninAttemptsHandler for why).
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "resource_hub.desk.throttling.SigninAttemptsHandler"
# The page a locked-out person gets: the sign-in page they used, with the reason (HTTP 429).
AXES_LOCKOUT_CALLABLE = "resource_hub.desk.throttling.lockout_response"
# Failures are kept until they expire or are unlocked; successful sign-ins are
# not recorded (nobody reads that log, and it would grow for ever).
AXES_DISABLE_ACCESS_LOG = True

# The client's address. Directly on the internet (the default) it is the
# connection's own; behind TRUSTED_PROXY_COUNT reverse proxies that each append
# to CLIENT_IP_HEADER, it is the entry the outermost trusted proxy wrote, so a
# client cannot choose its address by sending the header itself.
# (Our own reader, as django-ipware is not installed.)
AXES_CLIENT_IP_CALLABLE = "resource_hub.core.client_address.client_ip_address"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# As sent on the wire, e.g. X-Forwarded-For or X-Real-IP; kept as Django's META key.
CLIENT_IP_HEADER = "HTTP_" + env_str("CLIENT_IP_HEADER", "X-Forwarded-For").upper().replace(
    "-", "_"
)
