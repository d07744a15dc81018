"""Where file bytes live: an S3-compatible bucket when S3_BUCKET is set, else MEDIA_ROOT.

The bucket is private. django-storages signs every URL it hands out
(`querystring_auth`), and the signature expires after S3_SIGNED_URL_EXPIRY
seconds; never turn signing off on a private bucket.
"""

from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured

from .environment import BASE_DIR, env_choice, env_int, env_str

S3_BUCKET = env_str("S3_BUCKET")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")
S3_SIGNED_URL_EXPIRY = env_int("S3_SIGNED_URL_EXPIRY", 300)
# The largest file accepted, in bytes (default 5 GB).
FILES_MAX_UPLOAD_SIZE = env_int("FILES_MAX_UPLOAD_SIZE", 5 * 1000**3)
# Direct uploads (files/uploads.py): the size of each part a browser sends
# (S3 needs at least 5 MiB but for the last), how long a signed part URL
# stays valid, and how long an unfinished upload can be resumed before the
# sweep (`manage.py files_sweep`) removes it.
FILES_UPLOAD_PART_SIZE = env_int("FILES_UPLOAD_PART_SIZE", 8 * 1024 * 1024)
FILES_UPLOAD_PART_URL_EXPIRY = env_int("FILES_UPLOAD_PART_URL_EXPIRY", 15 * 60)
FILES_UPLOAD_RESUME_HOURS = env_int("FILES_UPLOAD_RESUME_HOURS", 24)
# Uploads through Django (the Wagtail admin's forms) go to a temporary file
# above this size, never wholly into memory; django-storages then streams
# that file to the bucket in multipart chunks.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The most text kept from one document for search (characters); the rest is cut off.
FILES_TEXT_MAX_CHARS = env_int("FILES_TEXT_MAX_CHARS", 1_000_000)

MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = "/media/"

_STATICFILES = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def _transfer_config() -> TransferConfig:
    config = TransferConfig(
        multipart_threshold=8 * 1024 * 1024,
        multipart_chunksize=8 * 1024 * 1024,
        max_concurrency=4,
    )
    config.max_in_memory_upload_chunks = 4  # not a keyword of boto3's TransferConfig
    return config


def _s3_options() -> dict:
    access_key = env_str("S3_ACCESS_KEY_ID")
    secret_key = env_str("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither "
            "(to use the instance's own credentials)."
        )
    addressing_style = env_choice("S3_ADDRESSING_STYLE", ("path", "virtual", "auto"), "auto")
    options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": S3_ENDPOINT_URL,
        "region_name": env_str("S3_REGION", "us-east-1"),
        "addressing_style": addressing_style,
        "signature_version": "s3v4",
        # Fail in seconds, not minutes, when the store is unreachable: the
        # person uploading gets a clear error instead of a hanging page.
        "client_config": Config(
            s3={"addressing_style": addressing_style},
            signature_version="s3v4",
            connect_timeout=env_int("S3_CONNECT_TIMEOUT", 5),
            read_timeout=env_int("S3_READ_TIMEOUT", 60),
            retries={"max_attempts": env_int("S3_MAX_ATTEMPTS", 3), "mode": "standard"},
        ),
        "location": env_str("S3_LOCATION", ""),
        "default_acl": None,  # objects inherit the bucket's private policy
        # Saves through Django (admin forms) are sent in 8 MiB parts, four at
        # a time, with at most four parts read into memory (s3transfer's
        # default is ten): memory stays near 32 MiB whatever the file's size.
        "transfer_config": _transfer_config(),
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
        "default": {"BACKEND": "resource_hub.files.storage.S3Storage", "OPTIONS": _s3_options()},
        "staticfiles": _STATICFILES,
    }
elif S3_ENDPOINT_URL:
    raise ImproperlyConfigured("S3_ENDPOINT_URL is set but S3_BUCKET is not: name the bucket.")
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": _STATICFILES,
    }
