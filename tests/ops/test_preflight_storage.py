"""The object store's checks against the real S3 server (S3Proxy): all OK on the test
setup, and a public bucket, public objects, a missing bucket, an unreachable store and
a foreign origin each FAIL with a remedy.

S3Proxy implements neither bucket policies nor the CORS API (PutBucketPolicy,
GetBucketCors answer NotImplemented; its CORS is one server-wide setting), but
it does honour canned ACLs: a public-read bucket lists to anyone, a
public-read object reads to anyone. That is how these tests make a bucket
public, and why the check asks by behaviour.
"""

import pytest

from resource_hub.ops.preflight import FAIL, OK, WARN
from resource_hub.ops.preflight.objectstore import PROBE_PREFIX, check_storage

from .conftest import with_storage_options

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # an origin the test S3 server's CORS allows


def results(origin=SITE):
    return {result.name: result for result in check_storage(timeout=5, origin=origin)}


def test_every_storage_check_is_ok_on_the_test_setup(own_bucket, s3_client):
    found = results()

    assert {name: r.status for name, r in found.items()} == {
        "storage.bucket": OK,
        "storage.signed_read": OK,
        "storage.private": OK,
        "storage.cors": OK,
    }
    assert "403" in found["storage.private"].message
    # The probes are removed.
    assert s3_client.list_objects_v2(Bucket=own_bucket).get("KeyCount", 0) == 0


def test_a_bucket_anyone_may_list_fails(own_bucket, s3_client):
    s3_client.put_bucket_acl(Bucket=own_bucket, ACL="public-read")

    result = results()["storage.private"]

    assert result.status == FAIL
    assert "anyone can list" in result.message
    assert "Principal" in result.remedy and "deploy/s3/bucket-policy.json" in result.remedy


def test_files_written_readable_by_anyone_fail(own_bucket, settings):
    # As a store whose policy, or the site's own object ACL, makes every new object public.
    with_storage_options(settings, default_acl="public-read")

    result = results()["storage.private"]

    assert result.status == FAIL
    assert "anyone can read a file without a signed link" in result.message


def test_a_missing_bucket_fails_and_says_which(own_bucket, settings):
    with_storage_options(settings, bucket_name="rh-deploy-no-such-bucket")

    [result] = check_storage(timeout=5, origin=SITE)

    assert (result.name, result.status) == ("storage.bucket", FAIL)
    assert "rh-deploy-no-such-bucket does not exist" in result.message
    assert "Create it, private" in result.remedy


def test_wrong_keys_fail(own_bucket, settings):
    with_storage_options(settings, secret_key="not-the-secret")

    [result] = check_storage(timeout=5, origin=SITE)

    assert (result.name, result.status) == ("storage.bucket", FAIL)
    assert "refused the site's keys" in result.message


def test_an_unreachable_store_fails(own_bucket, settings, closed_port):
    with_storage_options(settings, endpoint_url=f"http://127.0.0.1:{closed_port}")

    [result] = check_storage(timeout=2, origin=SITE)

    assert (result.name, result.status) == ("storage.bucket", FAIL)
    assert "cannot reach the store" in result.message
    assert "S3_ENDPOINT_URL" in result.remedy


def test_an_origin_the_store_does_not_allow_fails(own_bucket, s3_client):
    result = results(origin="https://hub.example.org")["storage.cors"]

    assert result.status == FAIL
    assert "https://hub.example.org" in result.message
    assert "deploy/s3/cors.json" in result.remedy
    assert not s3_client.list_objects_v2(Bucket=own_bucket, Prefix=f"site/{PROBE_PREFIX}").get(
        "Contents"
    )


def test_local_files_are_a_warning(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)

    [result] = check_storage(timeout=5, origin=SITE)

    assert (result.name, result.status) == ("storage.bucket", WARN)
    assert "S3_BUCKET" in result.remedy
