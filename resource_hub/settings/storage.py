"""Where file bytes live: an S3-compatible bucket when S3_BUCKET is set, else MEDIA_ROOT.

The bucket is private. django-storages signs every URL it hands out
(`querystring_auth`), and the signature expires after S3_SIGNED_URL_EXPIRY
seconds; never turn signing off on a private bucket.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import BASE_DIR, env_choice, env_int, env_str

S3_BUCKET = env_str("S3_BUCKET")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")
S3_SIGNED_URL_EXPIRY = env_int("S3_SIGNED_URL_EXPIRY", 300)
# The largest file accepted, in bytes (default 5 GB).
FILES_MAX_UPLOAD_SIZE = env_int("FILES_MAX_UPLOAD_SIZE", 5 * 1000**3)
# The most text kept from one document for search (characters); the rest is cut off.
FILES_TEXT_MAX_CHARS = env_int("FILES_TEXT_MAX_CHARS", 1_000_000)

MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = "/media/"

_STATICFILES = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def _s3_options() -> dict:
    access_key = env_str("S3_ACCESS_KEY_ID")
    secret_key = env_str("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither "
            "(to use the instance's own credentials)."
        )
    options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": S3_ENDPOINT_URL,
        "region_name": env_str("S3_REGION", "us-east-1"),
        "addressing_style": env_choice("S3_ADDRESSING_STYLE", ("path", "virtual", "auto"), "auto"),
        "signature_version": "s3v4",
        "location": env_str("S3_LOCATION", ""),
        "default_acl": None,  # objects inherit the bucket's private policy
        "querystring_auth": True,
        "querystring_expire": S3_SIGNED_URL_EXPIRY,
        "file_overwrite": False,
    }
    if access_key:
        options["access_key"] = access_key
        options["secret_key"] = secret_key
    return options


if S3_BUCKET:
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options()},
        "staticfiles": _STATICFILES,
    }
elif S3_ENDPOINT_URL:
    raise ImproperlyConfigured("S3_ENDPOINT_URL is set but S3_BUCKET is not: name the bucket.")
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": _STATICFILES,
    }
