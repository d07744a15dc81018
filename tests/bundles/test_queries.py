"""A bundle costs the same few queries whether it holds 1 file or 12, 1 record or 4."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resource_hub.records.models import CuratedCollectionItem, CuratedCollectionPage
from tests.stats.conftest import BROWSER

from .conftest import add_file, read_zip, release, text_file

MAX_QUERIES = 20  # session, user and groups, the record(s) and their relations


def record_with_files(world, make_record, count: int):
    record = make_record(title=f"Record with {count} files")
    for n in range(count):
        add_file(world, record, f"part {n}.txt", text_file(f"part {n} of {count}", 2000))
    return release(world, record)


def queries(client, url) -> tuple[int, list[str]]:
    """Queries to answer the request, and the SQL run while the archive streams."""
    client.head(url)  # warm the process-wide caches (content types, site root paths)
    with CaptureQueriesContext(connection) as answering:
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as streaming:
        read_zip(response)
    return len(answering), [query["sql"] for query in streaming.captured_queries]


def test_queries_do_not_grow_with_the_number_of_files(
    client, world, make_record, s3_storage, django_assert_max_num_queries
):
    small = record_with_files(world, make_record, 1)
    big = record_with_files(world, make_record, 12)
    client.force_login(world.member_a)
    client.defaults["HTTP_USER_AGENT"] = BROWSER  # a browser's download is recorded

    small_count, _sql = queries(client, reverse("bundles:record_files", args=[small.pk]))
    big_count, streamed = queries(client, reverse("bundles:record_files", args=[big.pk]))
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(reverse("bundles:record_files", args=[big.pk]))

    assert big_count == small_count
    # While the bytes flow the database is asked one thing: to record the usage (one
    # INSERT for every record in the bundle, once the first bytes are ready).
    assert len(streamed) == 1 and streamed[0].startswith('INSERT INTO "stats_usageevent"'), streamed


def test_collection_queries_do_not_grow_with_records_or_files(
    client, world, make_record, s3_storage, django_assert_max_num_queries
):
    counts = []
    for size in (1, 4):
        collection = world.inst_a.add_child(instance=CuratedCollectionPage(title=f"Picks {size}"))
        for position in range(size):
            record = record_with_files(world, make_record, position + 1)
            CuratedCollectionItem.objects.create(
                collection=collection, record=record, sort_order=position
            )
        collection.save_revision(user=world.editor_a).publish()
        url = reverse("bundles:collection_files", args=[collection.pk])
        counts.append(queries(client, url)[0])
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)

    assert counts[0] == counts[1]
