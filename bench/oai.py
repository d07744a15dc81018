"""OAI-PMH: a real harvester (oaipmh-scythe) harvests 10,000 released records from the
site under gunicorn, beside the bare keyset query of the same pages. Figures, not a test.

Run with `make bench` (which starts the services), or directly once
`make services` has run:

    .venv/bin/python bench/oai.py [--records 10000] [--database rh_bench_oai]

The records live in a database of their own (`--database`, created when
missing; its records are reused by later runs). They are made in bulk, in SQL,
as copies of one record made with the record services (pages, record rows, a
creator each, their OAI items with datestamps a second apart): the record
services take about a tenth of a second a record, this a few seconds for all.

1. The full harvest: `ListRecords` in oai_dc, in lom, and `ListIdentifiers`,
   each followed page by page through resumption tokens by oaipmh-scythe over
   HTTP against gunicorn (production settings, one worker, four threads), in
   records/s. Baseline: the bare keyset query of every page on the same
   database (`SELECT ... FROM interop_oaiitem WHERE (datestamp, record_id) > ...
   ORDER BY ... LIMIT 101`), i.e. what paging alone costs.
2. The SQL queries one page of `ListRecords` takes (100 records), counted in this
   process through Django's test client, on the first page and a later one.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.dev")
PAGE = 100
SECOND = timedelta(seconds=1)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="released records to harvest")
    parser.add_argument("--database", default="rh_bench_oai", help="PostgreSQL database to use")
    return parser.parse_args()


from _database import own_database

ARGS = parse_args()
os.environ["DATABASE_URL"] = own_database(ARGS.database)
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = f"bench-{uuid.uuid4().hex[:8]}"  # nothing indexed
os.environ["TASKS_BACKEND"] = "database"  # index tasks queued, never run: OAI reads the DB

import django
from _gunicorn_site import free_port, start_server

django.setup()

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oaipmh_scythe import Scythe
from oaipmh_scythe.config import HTTPConfig
from wagtail.models import Page

from resource_hub.core.vocabularies import Country, Language, Licence, ResourceType, SubjectField
from resource_hub.institutions.models import InstitutionPage
from resource_hub.institutions.services import institution_create
from resource_hub.interop.models import OaiItem
from resource_hub.portal.services import site_bootstrap
from resource_hub.records.models import RecordCreator, RecordPage, TeachingResourcePage
from resource_hub.records.services import record_create_draft, record_release

BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base36(number: int, width: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = BASE36[digit] + digits
    return digits.rjust(width, "0")


def template_record():
    """An institution and one record released through the services: what the copies copy."""
    admin = get_user_model().objects.filter(username="bench-oai-admin").first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("bench-oai-admin", "a@example.org", "x")
    site_bootstrap()
    place = InstitutionPage.objects.filter(title="OAI Benchmark College").first()
    if place is None:
        place = institution_create(
            user=admin,
            name_en="OAI Benchmark College",
            name_local="OAI 基准学院",
            country=Country.objects.get(code="CN"),
            institution_type="vocational_college",
        )
    record = RecordPage.objects.child_of(place).order_by("path").first()
    if record is None:
        record = record_create_draft(
            user=admin,
            institution=place,
            record_class=TeachingResourcePage,
            title="水稻栽培 Rice cultivation 0",
            abstract="A lesson plan for second-year students of crop production.",
            keywords=["水稻", "rice"],
            language=Language.objects.get(code="zh"),
            resource_type=ResourceType.objects.filter(applies_to="material").first(),
            licence=Licence.objects.get(code="CC-BY-4.0"),
            subject=SubjectField.objects.get(code="0811"),
            year=2025,
            creators=[{"name": "Li Wei", "orcid": "0000-0002-1825-0097"}],
        )
        record_release(user=admin, record=record)
    return place, record


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.local_concrete_fields]


def copies(place, record, count: int) -> None:
    """`count - 1` copies of `record` under `place`, in SQL, with their items (reused)."""
    have = RecordPage.objects.child_of(place).count()
    if have >= count:
        return
    started = time.perf_counter()
    numbers = range(have + 1, count + 1)  # the template is child 1
    paths = [place.path + base36(n, Page.steplen) for n in numbers]
    slugs = [f"bench-oai-{n}" for n in numbers]
    titles = [f"水稻栽培 Rice cultivation {n}" for n in numbers]
    urls = [f"{place.url_path}{slug}/" for slug in slugs]
    page_cols = [c for c in _columns(Page) if c != "id"]
    own = {"path": "p.path", "slug": "p.slug", "title": "p.title", "draft_title": "p.title",
           "url_path": "p.url", "translation_key": "gen_random_uuid()",
           "latest_revision_id": "NULL", "live_revision_id": "NULL", "numchild": "0"}  # fmt: skip
    select = ", ".join(own.get(c, f"t.{c}") for c in page_cols)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO wagtailcore_page ({', '.join(page_cols)}) "  # noqa: S608 - our columns
            f"SELECT {select} FROM wagtailcore_page t, "
            "unnest(%s::text[], %s::text[], %s::text[], %s::text[]) AS p(path, slug, title, url) "
            "WHERE t.id = %s ORDER BY p.path RETURNING id",
            [paths, slugs, titles, urls, record.pk],
        )
        ids = [row[0] for row in cursor.fetchall()]
        record_cols = [c for c in _columns(RecordPage) if c != "page_ptr_id"]
        cursor.execute(
            f"INSERT INTO records_recordpage (page_ptr_id, {', '.join(record_cols)}) "  # noqa: S608
            f"SELECT p.id, {', '.join('t.' + c for c in record_cols)} "
            "FROM records_recordpage t, unnest(%s::int[]) AS p(id) WHERE t.page_ptr_id = %s",
            [ids, record.pk],
        )
        cursor.execute(
            "INSERT INTO records_teachingresourcepage (recordpage_ptr_id) SELECT unnest(%s::int[])",
            [ids],
        )
        RecordCreator.objects.bulk_create(
            [RecordCreator(record_id=pk, name=f"Author {n}", sort_order=0)
             for pk, n in zip(ids, numbers, strict=True)], batch_size=2000,
        )  # fmt: skip
        stamp = OaiItem.objects.get(record_id=record.pk).datestamp
        OaiItem.objects.bulk_create(
            [OaiItem(record_id=pk, datestamp=stamp.replace(microsecond=0) + n * SECOND)
             for pk, n in zip(ids, numbers, strict=True)], batch_size=2000,
        )  # fmt: skip
        Page.objects.filter(pk=place.pk).update(numchild=count)
    print(f"made {len(ids)} released records in SQL in {time.perf_counter() - started:.1f} s")


def harvest(url: str, verb: str, prefix: str) -> tuple[int, float]:
    started = time.perf_counter()
    with Scythe(url, http_config=HTTPConfig(timeout=600)) as scythe:
        if verb == "ListRecords":
            count = sum(1 for _record in scythe.list_records(metadata_prefix=prefix))
        else:
            count = sum(1 for _header in scythe.list_identifiers(metadata_prefix=prefix))
    return count, time.perf_counter() - started


def keyset_pages() -> tuple[int, float, list[float]]:
    """Every page of the bare keyset query, as the provider pages: the baseline."""
    started, times, count, after = time.perf_counter(), [], 0, None
    with connection.cursor() as cursor:
        while True:
            began = time.perf_counter()
            if after is None:
                cursor.execute(
                    "SELECT record_id, datestamp FROM interop_oaiitem "
                    "ORDER BY datestamp, record_id LIMIT %s", [PAGE + 1],
                )  # fmt: skip
            else:
                cursor.execute(
                    "SELECT record_id, datestamp FROM interop_oaiitem "
                    "WHERE (datestamp, record_id) > (%s, %s) "
                    "ORDER BY datestamp, record_id LIMIT %s", [after[1], after[0], PAGE + 1],
                )  # fmt: skip
            rows = cursor.fetchall()[:PAGE]
            times.append(time.perf_counter() - began)
            count += len(rows)
            if len(rows) < PAGE:
                return count, time.perf_counter() - started, times
            after = rows[-1]


def queries_per_page() -> tuple[int, int]:
    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as first:
        response = client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    token = response.content.decode().split("<resumptionToken", 1)[1].split(">", 1)[1]
    token = token.split("<", 1)[0]
    with CaptureQueriesContext(connection) as later:
        client.get("/oai", {"verb": "ListRecords", "resumptionToken": token})
    return len(first), len(later)


def main():
    logging.disable(logging.INFO)
    call_command("migrate", verbosity=0)
    place, record = template_record()
    copies(place, record, ARGS.records)
    total = OaiItem.objects.count()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings.SITE_BASE_URL = base
    server = start_server(
        port, probe="/oai?verb=Identify",
        env={"SITE_BASE_URL": base, "SECURE_SSL_REDIRECT": "0"},
    )  # fmt: skip
    try:
        rows = []
        for verb, prefix in (("ListRecords", "oai_dc"), ("ListRecords", "lom"),
                             ("ListIdentifiers", "oai_dc")):  # fmt: skip
            count, seconds = harvest(f"{base}/oai", verb, prefix)
            rows.append((f"{verb} {prefix}", count, seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    count, seconds, times = keyset_pages()
    first, later = queries_per_page()
    print(f"\n{total} items, pages of {PAGE}, gunicorn (1 worker, 4 threads)\n")
    print("| harvest (oaipmh-scythe over HTTP) | records | seconds | records/s | ms/page |")
    print("|---|---|---|---|---|")
    for name, n, secs in rows:
        print(f"| {name} | {n} | {secs:.1f} | {n / secs:.0f} | {1000 * secs / (n / PAGE):.0f} |")
    print(f"| baseline: bare keyset query, every page | {count} | {seconds:.2f} | "
          f"{count / seconds:.0f} | {1000 * statistics.median(times):.2f} (median) |")  # fmt: skip
    print(f"\nSQL queries per ListRecords page: first {first} (it counts the list), later {later}")


if __name__ == "__main__":
    main()
