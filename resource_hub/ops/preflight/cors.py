"""Browsers on the site's pages may send upload parts straight to the bucket (CORS).

Asked as the browser asks: a preflight (OPTIONS) from the site's origin, then
the PUT itself to a signed URL, whose answer must allow the origin and expose
`ETag`. Reading the bucket's CORS configuration would not do: S3Proxy and
MinIO keep CORS outside the bucket, and only the answer shows what applies.
"""

import contextlib
import uuid

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resource_hub.files.objectstore import Bucket

from .http import request
from .result import Result, describe, fail, ok, warn

CORS_LABEL = gettext_lazy("Browser uploads (CORS)")
CORS_DOC = "deploy/s3/cors.json"
#: Where the object store's checks write their probe objects (removed at the end).
PROBE_PREFIX = "preflight"
PROBE_BYTES = b"resource-hub preflight probe\n"


def check_cors(target: Bucket, origin: str, *, timeout: float) -> Result:
    """A page of the site may PUT a part to a signed URL, and read its ETag.

    As the browser does: a preflight (OPTIONS) from the site's origin, then the
    PUT itself, whose answer must allow the origin and expose `ETag`.
    """
    remedy = _(
        "Allow the site's origin %(origin)s to PUT (and GET, HEAD) on the bucket, exposing "
        "the ETag header: %(doc)s, applied with `aws s3api put-bucket-cors` or your store's "
        "own setting (deploy/README.md)."
    ) % {"origin": origin, "doc": CORS_DOC}
    key = target.key(f"{PROBE_PREFIX}/{uuid.uuid4().hex}-cors.txt")
    url = target.client.generate_presigned_url(
        "put_object", Params={"Bucket": target.name, "Key": key}, ExpiresIn=300
    )
    try:
        preflight = request(
            url,
            method="OPTIONS",
            headers={"Origin": origin, "Access-Control-Request-Method": "PUT"},
            timeout=timeout,
        )
        if not _allows(preflight, origin, "PUT"):
            return fail(
                "storage.cors",
                CORS_LABEL,
                _("the store refuses uploads from %(origin)s (preflight: HTTP %(status)s)")
                % {"origin": origin, "status": preflight.status},
                remedy,
            )
        put = request(
            url,
            method="PUT",
            data=PROBE_BYTES,
            headers={"Origin": origin, "Content-Type": "application/octet-stream"},
            timeout=timeout,
        )
    except OSError as error:
        return fail(
            "storage.cors",
            CORS_LABEL,
            _("could not ask the store: %(error)s") % {"error": describe(error)},
            _("Check that this machine reaches S3_ENDPOINT_URL."),
        )
    finally:
        _delete_quietly(target, key)
    if not (200 <= put.status < 300) or not _origin_allowed(put, origin):
        return fail(
            "storage.cors",
            CORS_LABEL,
            _("a browser's signed PUT from %(origin)s is refused (HTTP %(status)s)")
            % {"origin": origin, "status": put.status},
            remedy,
        )
    exposed = {
        h.strip().lower() for h in put.headers.get("access-control-expose-headers", "").split(",")
    }
    if not exposed & {"etag", "*"}:
        return warn(
            "storage.cors",
            CORS_LABEL,
            _("uploads from %(origin)s are allowed, but the ETag header is not exposed")
            % {"origin": origin},
            _(
                "Add ETag to the CORS rule's exposed headers (%(doc)s). The site's uploader "
                "asks the server for the parts it holds, but other S3 clients in a browser "
                "need it."
            )
            % {"doc": CORS_DOC},
        )
    return ok(
        "storage.cors",
        CORS_LABEL,
        _("a browser on %(origin)s may PUT upload parts, and reads their ETag")
        % {"origin": origin},
    )


def _origin_allowed(answer, origin: str) -> bool:
    return answer.headers.get("access-control-allow-origin", "") in {origin, "*"}


def _allows(answer, origin: str, method: str) -> bool:
    if not (200 <= answer.status < 300) or not _origin_allowed(answer, origin):
        return False
    methods = answer.headers.get("access-control-allow-methods")
    if methods is None:
        return True
    return method in {m.strip().upper() for m in methods.split(",")}


def _delete_quietly(target: Bucket, key: str) -> None:
    # A probe left behind is harmless (under preflight/); the result is what matters.
    with contextlib.suppress(Exception):
        target.client.delete_object(Bucket=target.name, Key=key)
