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

# `make test` runs the suite on pytest-xdist workers (gw0, gw1, ...). Each has its
# own test database, whose ids start at 1 like the other's, but all share one
# Elasticsearch and one bucket: what a test does not put under a prefix of its own
# (tests/conftest.py's es_client and s3_storage) goes under its worker's, so the
# workers never meet there. A process a test starts with these settings (the drills'
# gunicorn) inherits PYTEST_XDIST_WORKER and with it the same names.
XDIST_WORKER = env_str("PYTEST_XDIST_WORKER")  # noqa: F405
if XDIST_WORKER:
    ELASTICSEARCH_INDEX_PREFIX = f"{ELASTICSEARCH_INDEX_PREFIX}-{XDIST_WORKER}"  # noqa: F405
    if S3_BUCKET:  # noqa: F405
        _options = STORAGES["default"]["OPTIONS"]  # noqa: F405
        _options["location"] = "/".join(filter(None, [_options["location"], XDIST_WORKER]))
