"""Round-trip cost of our storage and search layers against the raw clients.

Figures, not a test. Run with `make bench` (which starts the services), or
directly once `make services` has run:

    .venv/bin/python bench/services.py [--objects 200] [--size 65536] [--queries 200]

Side by side, in the same run and against the same servers:
- storage: save + open/read + delete through Django's default storage
  (django-storages) vs the same calls with a plain boto3 client;
- search: a match query through our cached client (search.client) vs a bare
  HTTP POST to _search with urllib3.
"""

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")

import django

django.setup()

import boto3
import urllib3
from botocore.config import Config
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from search.client import get_client, index_name, server_version


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms"


def row(label: str, ours: list[float], base: list[float]) -> None:
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"{label:<26} ours: {summary(ours)}")
    print(f"{'':<26} base: {summary(base)}   ours/base {ratio:5.2f}x")


def bench_storage(objects: int, size: int) -> None:
    if not settings.S3_BUCKET:
        print("storage: S3 not configured (run `make services`); skipped")
        return
    opts = settings.STORAGES["default"]["OPTIONS"]
    s3 = boto3.client(
        "s3",
        endpoint_url=opts["endpoint_url"],
        aws_access_key_id=opts.get("access_key"),
        aws_secret_access_key=opts.get("secret_key"),
        region_name=opts["region_name"],
        config=Config(signature_version="s3v4", s3={"addressing_style": opts["addressing_style"]}),
    )
    bucket, prefix = settings.S3_BUCKET, f"bench-{uuid.uuid4().hex[:8]}"
    payload = os.urandom(size)

    def ours(i):
        name = default_storage.save(f"{prefix}/ours/{i}.bin", ContentFile(payload))
        with default_storage.open(name) as handle:
            assert handle.read() == payload
        default_storage.delete(name)

    def base(i):
        key = f"{prefix}/base/{i}.bin"
        s3.put_object(Bucket=bucket, Key=key, Body=payload)
        assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == payload
        s3.delete_object(Bucket=bucket, Key=key)

    ours(-1), base(-1)  # warm connections
    print(f"storage: {objects} x save/read/delete of {size} bytes on {opts['endpoint_url']}")
    row("  storage round trip", timed(ours, objects), timed(base, objects))


def bench_search(queries: int) -> None:
    client = get_client()
    if client is None:
        print("search: Elasticsearch not configured (run `make services`); skipped")
        return
    name = index_name(f"bench-{uuid.uuid4().hex[:8]}")
    client.indices.create(index=name, mappings={"properties": {"title": {"type": "text"}}})
    try:
        operations = []
        for n in range(500):
            operations += [{"index": {"_id": str(n)}}, {"title": f"Lesson {n} on marine training"}]
        client.bulk(index=name, operations=operations, refresh=True)
        body = {"query": {"match": {"title": "marine training"}}, "size": 10}
        http = urllib3.PoolManager()
        url = f"{settings.ELASTICSEARCH_URL.rstrip('/')}/{name}/_search"

        def ours(_):
            assert client.search(index=name, **body)["hits"]["hits"]

        def base(_):
            response = http.request(
                "POST", url, body=json.dumps(body), headers={"Content-Type": "application/json"}
            )
            assert json.loads(response.data)["hits"]["hits"]

        ours(0), base(0)
        version = server_version()
        print(f"search: {queries} match queries on a 500-document index, Elasticsearch {version}")
        row("  search query", timed(ours, queries), timed(base, queries))
    finally:
        client.indices.delete(index=name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=200)
    parser.add_argument("--size", type=int, default=64 * 1024)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    bench_storage(args.objects, args.size)
    bench_search(args.queries)


if __name__ == "__main__":
    main()
