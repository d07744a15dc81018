"""The object store: the bucket answers, signed links work, files are private, and
browsers on the site's pages may send upload parts straight to it (CORS).

Privacy and CORS are checked by behaviour, as a stranger and a browser would
meet them, not by reading the bucket's policy: stores differ in what they
let one read (S3Proxy implements neither bucket policies nor the CORS API,
AWS hides a policy's effect behind Block Public Access), but an unsigned GET
refused and a preflight allowed mean the same everywhere.
"""

import uuid
from collections.abc import Iterator

import botocore.exceptions
from botocore.config import Config
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.files.objectstore import Bucket, bucket, default_storage, is_s3

from .cors import PROBE_BYTES, PROBE_PREFIX, check_cors
from .http import request, without_query
from .result import Result, describe, fail, ok, warn

LABEL = gettext_lazy("Object store")
READ_LABEL = gettext_lazy("Signed file links")
PRIVATE_LABEL = gettext_lazy("Bucket is private")


POLICY_DOC = "deploy/s3/bucket-policy.json"


def probe_storage(*, timeout: float):
    """The configured default storage, with a client that gives up after `timeout` seconds."""
    configured = settings.STORAGES["default"]
    options = dict(configured.get("OPTIONS", {}))
    quick = Config(connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 1})
    base = options.get("client_config")
    options["client_config"] = base.merge(quick) if base else quick
    return import_string(configured["BACKEND"])(**options)


def check_storage(*, timeout: float, origin: str, **options) -> Iterator[Result]:
    if not is_s3(default_storage()):
        yield warn(
            "storage.bucket",
            LABEL,
            _("files are kept in a folder on this machine (%(root)s)")
            % {"root": settings.MEDIA_ROOT},
            _(
                "Production needs an S3-compatible bucket that every web process and worker "
                "shares: set S3_BUCKET, S3_ENDPOINT_URL and the keys (deploy/README.md)."
            ),
        )
        return
    storage = probe_storage(timeout=timeout)
    target = bucket(storage)
    found = check_bucket(target)
    yield found
    if found.status != "ok":
        return
    name = f"{PROBE_PREFIX}/{uuid.uuid4().hex}.txt"
    try:
        name = storage.save(name, ContentFile(PROBE_BYTES))
    except Exception as error:
        yield fail(
            "storage.write",
            LABEL,
            _("cannot write to bucket %(bucket)s: %(error)s")
            % {"bucket": target.name, "error": describe(error)},
            _(
                "The site's keys need s3:PutObject, GetObject, DeleteObject, ListBucket and "
                "the multipart actions on this bucket (%(doc)s shows them)."
            )
            % {"doc": POLICY_DOC},
        )
        return
    try:
        yield check_signed_read(storage, name, timeout=timeout)
        yield check_private(storage, target, name, timeout=timeout)
        yield check_cors(target, origin, timeout=timeout)
    finally:
        storage.delete(name)


def check_bucket(target: Bucket) -> Result:
    try:
        target.client.head_bucket(Bucket=target.name)
    except botocore.exceptions.ClientError as error:
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status == 404:
            return fail(
                "storage.bucket",
                LABEL,
                _("bucket %(bucket)s does not exist") % {"bucket": target.name},
                _("Create it, private (no public access), or correct S3_BUCKET."),
            )
        if status in (401, 403):
            return fail(
                "storage.bucket",
                LABEL,
                _("the store refused the site's keys for bucket %(bucket)s (HTTP %(status)s)")
                % {"bucket": target.name, "status": status},
                _(
                    "Check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and S3_REGION, and that the "
                    "keys may use this bucket (%(doc)s)."
                )
                % {"doc": POLICY_DOC},
            )
        return fail(
            "storage.bucket",
            LABEL,
            _("bucket %(bucket)s: %(error)s") % {"bucket": target.name, "error": describe(error)},
            _("Check S3_ENDPOINT_URL, S3_REGION and S3_ADDRESSING_STYLE."),
        )
    except Exception as error:  # refused, timed out, TLS, DNS: nothing answered
        return fail(
            "storage.bucket",
            LABEL,
            _("cannot reach the store at %(endpoint)s: %(error)s")
            % {"endpoint": target.client.meta.endpoint_url, "error": describe(error)},
            _(
                "Check S3_ENDPOINT_URL (empty for AWS), that the store is running, and that "
                "this machine may reach it (firewall, DNS, certificate)."
            ),
        )
    return ok(
        "storage.bucket",
        LABEL,
        _("bucket %(bucket)s at %(endpoint)s answers")
        % {"bucket": target.name, "endpoint": target.client.meta.endpoint_url},
    )


def check_signed_read(storage, name: str, *, timeout: float) -> Result:
    """A download link as the site hands it out (signed, expiring) gives the bytes back."""
    try:
        answer = request(storage.url(name), timeout=timeout)
    except OSError as error:
        answer, problem = None, describe(error)
    else:
        problem = (
            "" if answer.status == 200 and answer.body == PROBE_BYTES else f"HTTP {answer.status}"
        )
    if problem:
        return fail(
            "storage.signed_read",
            READ_LABEL,
            _("a signed download link did not give the file back: %(problem)s")
            % {"problem": problem},
            _(
                "Check S3_REGION and S3_ADDRESSING_STYLE (path for most self-hosted stores), "
                "and that S3_ENDPOINT_URL is the address browsers reach too."
            ),
        )
    return ok("storage.signed_read", READ_LABEL, _("a signed download link works"))


def check_private(storage, target: Bucket, name: str, *, timeout: float) -> Result:
    """A file written as the site writes it is refused without a signature, and so is a listing."""
    remedy = _(
        "Make the bucket private: remove every bucket policy statement and ACL that grants "
        'anyone ("Principal": "*", AllUsers) read or list access, and turn on Block Public '
        "Access where the store has it. %(doc)s is a policy that lets only the site's user "
        "in. Every link the site hands out is signed, so nothing needs public access."
    ) % {"doc": POLICY_DOC}
    file_url = without_query(storage.url(name))
    listing_url = without_query(
        target.client.generate_presigned_url("list_objects", Params={"Bucket": target.name})
    )
    try:
        read = request(file_url, timeout=timeout)
        listed = request(listing_url, timeout=timeout)
    except OSError as error:
        return fail(
            "storage.private",
            PRIVATE_LABEL,
            _("could not ask the store without a signature: %(error)s")
            % {"error": describe(error)},
            _("Check that this machine reaches S3_ENDPOINT_URL."),
        )
    if 200 <= read.status < 300:
        return fail(
            "storage.private",
            PRIVATE_LABEL,
            _("anyone can read a file without a signed link (HTTP %(status)s for %(url)s)")
            % {"status": read.status, "url": file_url},
            remedy,
        )
    if 200 <= listed.status < 300:
        return fail(
            "storage.private",
            PRIVATE_LABEL,
            _("anyone can list the bucket's files (HTTP %(status)s for %(url)s)")
            % {"status": listed.status, "url": listing_url},
            remedy,
        )
    return ok(
        "storage.private",
        PRIVATE_LABEL,
        _("an unsigned read was refused (HTTP %(read)s), and so was a listing (HTTP %(list)s)")
        % {"read": read.status, "list": listed.status},
    )
