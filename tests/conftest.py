"""Fixtures for the real services that `make test` starts.

A test that needs a service asks for its fixture. Without the service the
test is skipped on a developer's machine, but in CI (CI=true) the run fails:
CI must prove the feature against the real thing.
"""

import os
import uuid

import boto3
import pytest
from botocore.config import Config
from django.conf import settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

IN_CI = os.environ.get("CI", "").lower() == "true"

pytest_plugins = ["tests.world", "tests.fuzz.counts"]

#: Tests that commit without serialized_rollback, found on a pytest-xdist worker.
WRONG_TRANSACTIONS = pytest.StashKey[tuple[set[str], str]]()


def require(service: str, configured: bool, hint: str) -> None:
    if configured:
        return
    message = f"{service} is not configured ({hint}); run the suite with `make test`"
    if IN_CI:
        pytest.fail(f"CI needs the real {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in the site's default language.

    A request in another language leaves it active in the thread (Django's
    LocaleMiddleware does not reset it), which would leak into later tests.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_search_labels():
    """Search keeps facet labels per process (search/labels.py); a test's rolled-back
    changes to a vocabulary or an institution must not show in the next test."""
    yield
    from search.labels import forget_labels  # after Django is set up

    forget_labels()


@pytest.fixture
def postgres_db(db):
    """The test database, which must be PostgreSQL."""
    from django.db import connection

    require("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL=postgres://...")
    return connection


@pytest.fixture(scope="session")
def s3_client():
    """A plain boto3 client for the bucket the site uses, to check what really landed there."""
    require("S3 server", bool(settings.S3_BUCKET), "S3_BUCKET and S3_ENDPOINT_URL")
    options = settings.STORAGES["default"]["OPTIONS"]
    return boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        aws_access_key_id=options.get("access_key"),
        aws_secret_access_key=options.get("secret_key"),
        region_name=options["region_name"],
        config=Config(
            signature_version="s3v4", s3={"addressing_style": options["addressing_style"]}
        ),
    )


@pytest.fixture
def s3_storage(s3_client, settings):
    """Django's default storage on the real bucket, under a key prefix of its own.

    The prefix is emptied afterwards.
    """
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    storages = {**settings.STORAGES}
    storages["default"] = {
        **storages["default"],
        "OPTIONS": {**storages["default"]["OPTIONS"], "location": prefix},
    }
    settings.STORAGES = storages
    yield prefix
    bucket = settings.S3_BUCKET
    listed = s3_client.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/")
    for item in listed.get("Contents", []):
        s3_client.delete_object(Bucket=bucket, Key=item["Key"])


@pytest.fixture
def es_client(settings):
    """The real Elasticsearch client, with an index prefix unique to this test.

    The test's indices are deleted afterwards.
    """
    require("Elasticsearch", bool(settings.ELASTICSEARCH_URL), "ELASTICSEARCH_URL")
    from search.client import get_client

    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    client = get_client()
    yield client
    client.indices.delete(index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", ignore_unavailable=True)


def pytest_sessionstart(session):
    """In CI a missing service stops the run before any test, with the reason."""
    if not IN_CI:
        return
    missing = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        missing.append("PostgreSQL (DATABASE_URL)")
    if not settings.S3_BUCKET:
        missing.append("the S3 server (S3_BUCKET, S3_ENDPOINT_URL)")
    if not settings.ELASTICSEARCH_URL:
        missing.append("Elasticsearch (ELASTICSEARCH_URL)")
    if missing:
        pytest.exit(
            f"CI=true but these services are not configured: {', '.join(missing)}", returncode=3
        )


def pytest_collection_modifyitems(config, items):
    """A test that commits (transaction=True) must also restore what it flushed.

    Django empties every table after such a test. Without serialized_rollback the tests
    after it find no root page, and the next test that restores its rows collides with the
    content types Django re-creates; one missing flag breaks tests in other files.
    """
    wrong = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if not marker.kwargs.get("serialized_rollback"):
            wrong.append(item.nodeid)
    if wrong:
        message = (
            "These tests use django_db(transaction=True) without serialized_rollback=True, "
            "which empties the database for the tests after them:\n  " + "\n  ".join(wrong)
        )
        if hasattr(config, "workerinput"):
            # On a pytest-xdist worker a UsageError stops the run with an INTERNALERROR
            # that shows no message: each of these tests fails with it instead.
            config.stash[WRONG_TRANSACTIONS] = (set(wrong), message)
            return
        raise pytest.UsageError(message)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    wrong, message = item.config.stash.get(WRONG_TRANSACTIONS, (set(), ""))
    if item.nodeid in wrong:
        pytest.fail(message, pytrace=False)


def _flushes(item) -> bool:
    """Whether pytest-django runs the test as a TransactionTestCase, which empties the tables."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that commits, put back what its flush took if the next test will not.

    Each such test restores the snapshot (serialized_rollback) when it starts, and
    pytest-django runs them after all the others, so serially a flush is only ever
    followed by another restore. pytest-xdist (`make test`, --dist loadfile) keeps a
    file's tests together wherever the file lands: the next file's plain tests can
    follow a flush, and would find no root page and no vocabularies.
    """
    result = yield
    if nextitem is not None and _flushes(item) and not _flushes(nextitem):
        from django.db import connections

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result
