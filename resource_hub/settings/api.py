"""The REST API (resource_hub/api): rate limits and where they are counted."""

from .environment import env_str

# "<count>/<s|m|h|d>" (ninja's rate format); empty turns a limit off.
API_THROTTLE_ANONYMOUS = env_str("API_THROTTLE_ANONYMOUS", "120/m")
API_THROTTLE_USER = env_str("API_THROTTLE_USER", "600/m")
# The counts must be shared by every web process: a database table by default
# (`manage.py createcachetable` makes it; `make run` and the test database do).
API_THROTTLE_CACHE = "throttle"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "resource_hub_throttle",
    },
}
