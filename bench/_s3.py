"""The bucket as the site sees it, through boto3 directly: the benchmarks' baseline client."""

import boto3
from botocore.config import Config
from django.conf import settings


def s3_client():
    options = settings.STORAGES["default"]["OPTIONS"]
    return boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        aws_access_key_id=options.get("access_key"),
        aws_secret_access_key=options.get("secret_key"),
        region_name=options["region_name"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
