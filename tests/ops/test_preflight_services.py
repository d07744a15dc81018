"""The database, e-mail, worker and site-address checks: OK where the setup is right,
and each misconfiguration a FAIL (or WARN) that names its remedy."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from resource_hub.core.tasks import publish_scheduled_enqueue_once
from resource_hub.ops.preflight import FAIL, OK, WARN
from resource_hub.ops.preflight.database import check_database
from resource_hub.ops.preflight.mail import check_email
from resource_hub.ops.preflight.site import _static_files, check_site
from resource_hub.ops.preflight.worker import check_worker

SMTP = "django.core.mail.backends.smtp.EmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def statuses(results):
    return {result.name: result.status for result in results}


# -- database ----------------------------------------------------------------------------


def test_the_test_database_is_ok(postgres_db):
    results = list(check_database())

    assert statuses(results) == {"database.connect": OK, "database.migrations": OK}
    assert results[0].message.startswith("PostgreSQL ")


def test_an_unapplied_migration_fails_and_names_it(postgres_db):
    latest = MigrationRecorder.Migration.objects.filter(app="stats").latest("id")
    latest.delete()

    result = list(check_database())[-1]

    assert (result.name, result.status) == ("database.migrations", FAIL)
    assert f"stats.{latest.name}" in result.message
    assert "manage.py migrate" in result.remedy


# -- e-mail ------------------------------------------------------------------------------


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.DEFAULT_FROM_EMAIL = "Resource Hub <noreply@hub.example.org>"
    return settings


def test_an_smtp_server_that_answers_is_ok(smtp_settings, smtp_server):
    smtp_settings.EMAIL_PORT = smtp_server

    [result] = check_email(timeout=5)

    assert (result.name, result.status) == ("email.smtp", OK)
    assert f"127.0.0.1:{smtp_server}" in result.message


def test_an_smtp_server_that_does_not_answer_fails(smtp_settings, closed_port):
    smtp_settings.EMAIL_PORT = closed_port

    [result] = check_email(timeout=5)

    assert (result.name, result.status) == ("email.smtp", FAIL)
    assert "EMAIL_HOST" in result.remedy


def test_a_backend_that_sends_nothing_is_a_warning(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    [result] = check_email(timeout=5)

    assert (result.name, result.status) == ("email.backend", WARN)


# -- worker ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_running_worker_is_seen_by_its_heartbeat(settings):
    settings.TASKS = DATABASE_TASKS
    assert statuses(check_worker())["worker.heartbeat"] == FAIL  # no worker yet

    call_command("worker", "--batch", verbosity=0)  # its clock queues, it runs

    assert statuses(check_worker()) == {"worker.heartbeat": OK, "worker.queue": OK}


@pytest.mark.django_db
def test_a_stopped_worker_fails_and_its_queue_waits(settings):
    settings.TASKS = DATABASE_TASKS
    publish_scheduled_enqueue_once()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    DBTaskResult.objects.update(enqueued_at=an_hour_ago)
    DBTaskResult.objects.create(
        **{
            **DBTaskResult.objects.values().first(),
            "id": None,
            "status": "SUCCESSFUL",
            "finished_at": an_hour_ago,
        }
    )

    found = {result.name: result for result in check_worker()}

    assert found["worker.heartbeat"].status == FAIL
    assert "ago" in found["worker.heartbeat"].message
    assert "resource-hub-worker@1" in found["worker.heartbeat"].remedy
    assert found["worker.queue"].status == WARN
    assert "1 task has waited" in found["worker.queue"].message


@pytest.mark.django_db
def test_tasks_run_inline_is_a_warning():
    [result] = check_worker()  # the test settings run tasks inline

    assert (result.name, result.status) == ("worker.backend", WARN)
    assert "TASKS_BACKEND=database" in result.remedy


# -- the site's addresses -----------------------------------------------------------------


@pytest.fixture
def hub(settings, db):
    """A site at https://hub.example.org behind a TLS proxy, as production runs it."""
    settings.SITE_BASE_URL = "https://hub.example.org"
    settings.ALLOWED_HOSTS = ["hub.example.org"]
    settings.CSRF_TRUSTED_ORIGINS = ["https://hub.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SESSION_COOKIE_SECURE = True
    Site.objects.filter(is_default_site=True).update(hostname="hub.example.org", port=443)
    return settings


def test_consistent_addresses_are_ok(hub):
    assert statuses(check_site()) == {
        "site.hosts": OK,
        "site.csrf": OK,
        "site.wagtail": OK,
        "site.static": OK,
    }


def test_a_base_url_the_allowed_hosts_refuse_fails(hub):
    hub.ALLOWED_HOSTS = ["www.hub.example.org"]

    result = next(check_site())

    assert (result.name, result.status) == ("site.hosts", FAIL)
    assert "Add hub.example.org to ALLOWED_HOSTS" in result.remedy


def test_plain_http_with_secure_cookies_fails(hub):
    hub.SITE_BASE_URL = "http://hub.example.org"
    hub.CSRF_TRUSTED_ORIGINS = []

    result = next(check_site())

    assert (result.name, result.status) == ("site.hosts", FAIL)
    assert "https only" in result.message


def test_https_unknown_behind_a_proxy_is_a_warning(hub):
    del hub.SECURE_PROXY_SSL_HEADER
    hub.CSRF_TRUSTED_ORIGINS = []

    found = {result.name: result for result in check_site()}

    assert found["site.csrf"].status == WARN
    assert "SECURE_PROXY_SSL_HEADER_ENABLED=true" in found["site.csrf"].remedy


def test_a_wagtail_site_elsewhere_is_a_warning(hub):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)

    found = {result.name: result for result in check_site()}

    assert found["site.wagtail"].status == WARN
    assert "bootstrap_site" in found["site.wagtail"].remedy


@pytest.fixture
def manifest_storage(hub, tmp_path):
    """Production's static files storage, collected into an empty folder."""
    hub.STATIC_ROOT = str(tmp_path)
    hub.STORAGES = {
        **hub.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    return tmp_path


def write_manifest(folder, names):
    # As collectstatic writes it (Django's ManifestFilesMixin, version 1.1).
    paths = {name: name for name in names}
    (folder / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))


def test_static_files_not_collected_fail(manifest_storage):
    found = {result.name: result for result in check_site()}

    assert found["site.static"].status == FAIL
    assert "no manifest" in found["site.static"].message
    assert "collectstatic" in found["site.static"].remedy


def test_static_files_of_an_older_version_fail(manifest_storage):
    files = sorted(_static_files())
    write_manifest(manifest_storage, [name for name in files if name != "desk/desk.css"])

    found = {result.name: result for result in check_site()}

    assert found["site.static"].status == FAIL
    assert "1 static file is not collected (desk/desk.css)" in found["site.static"].message


def test_static_files_all_collected_are_ok(manifest_storage):
    write_manifest(manifest_storage, _static_files())

    found = {result.name: result for result in check_site()}

    assert found["site.static"].status == OK
