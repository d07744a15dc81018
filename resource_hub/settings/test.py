"""The test suite: the services come from the environment (`make test` starts them)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Thousands of requests come from one test address: the API's rate limits are
# off here, and tests/api/test_throttling.py turns them on to prove them.
API_THROTTLE_ANONYMOUS = ""
API_THROTTLE_USER = ""
