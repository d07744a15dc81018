"""The download redirect's cost: a fixed number of queries, no session for anonymous visitors,
and no request to the object store (a signed URL is made locally)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.files import objectstore
from resource_hub.files.models import ResourceDocument
from resource_hub.files.services import document_create
from resource_hub.stats.models import Metric, UsageEvent
from tests.stats.conftest import BROWSER


@pytest.fixture(autouse=True)
def a_browser(client):
    """Downloads come from browsers (an empty user agent is a machine's: not counted)."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER


@pytest.fixture
def released(released_with_file):
    return released_with_file()


@pytest.fixture
def store_calls():
    """The operations the site's own S3 client sends while the test runs (botocore's events)."""
    client = objectstore.bucket().client
    calls = []

    def seen(model, **_kwargs):
        calls.append(model.name)

    client.meta.events.register("before-call.s3", seen)
    yield calls
    client.meta.events.unregister("before-call.s3", seen)


def url(document, record=None):
    path = reverse("files:download", args=[document.pk])
    return f"{path}?record={record.pk}" if record else path


def requests_of(document, record=None) -> int:
    """The COUNTER requests recorded for the file (from `record`, or from any record)."""
    events = UsageEvent.objects.filter(metric=Metric.REQUEST, document_id=document.pk)
    return (events.filter(record_id=record.pk) if record else events).count()


def sql_of(context) -> str:
    return "\n".join(query["sql"] for query in context.captured_queries)


def test_an_anonymous_download_takes_four_queries_and_no_session(
    client, released, django_assert_num_queries, store_calls
):
    record, document = released
    client.get("/")  # whatever the home page does, the download starts from a clean client
    client.cookies.clear()

    # The document with whether the record holds it; the records holding it and their
    # restrictions (the policy's two); the usage event's insert.
    with django_assert_num_queries(4) as context:
        response = client.get(url(document, record))

    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]
    assert "django_session" not in sql_of(context)
    assert '"auth_user"' not in sql_of(context)  # nobody is signed in: no user is read
    # Nor the file's collection and uploader, which only a signed-in manager check reads.
    assert '"wagtailcore_collection"' not in sql_of(context)
    assert store_calls == []  # signing is local: no HEAD, no GET
    assert requests_of(document, record) == 1


def test_an_anonymous_thumbnail_reads_neither_collection_nor_uploader(
    client, released, django_assert_num_queries
):
    """Every results page asks for a thumbnail a record: the cheapest path there is."""
    _record, document = released
    ResourceDocument.objects.filter(pk=document.pk).update(thumbnail="thumbnails/notes.webp")
    path = reverse("files:thumbnail", args=[document.pk])

    # The document; the records holding it and their restrictions.
    with django_assert_num_queries(3) as context:
        response = client.get(path)

    assert response.status_code == 302
    assert response["Cache-Control"] == "public, max-age=3600"
    assert '"auth_user"' not in sql_of(context)
    assert '"wagtailcore_collection"' not in sql_of(context)


def test_a_signed_in_download_takes_a_fixed_number_of_queries(
    client, world, released, django_assert_num_queries, store_calls
):
    record, document = released
    client.force_login(world.teacher_b)  # another institution's teacher: not a manager

    def download():
        response = client.get(url(document, record))
        assert response.status_code == 302

    download()  # the first request of a thread may warm caches; the count is of the next
    # Session, user; the document; the manager check (its collection permissions, which
    # read the user's groups); the records holding it and their restrictions; the usage
    # event's insert. The record is public, so the viewer's own groups are not read.
    with django_assert_num_queries(7):
        download()
    with django_assert_num_queries(6):
        client.get(url(document))  # without a record: nothing is counted
    assert store_calls == []
    assert requests_of(document, record) == requests_of(document) == 2


def test_the_uploader_downloads_an_unreleased_file_in_three_queries(
    client, world, make_record, s3_storage, django_assert_num_queries
):
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(b"draft notes\n", name="draft.txt"),
    )
    client.force_login(world.teacher_a)
    client.get(url(document))

    # Session, user; the document. Its uploader manages it, which the policy knows from
    # the user alone: no group is read. No record, so no usage event: nothing is written.
    with django_assert_num_queries(3) as context:
        response = client.get(url(document))

    assert response.status_code == 302
    assert "auth_group" not in sql_of(context)
    assert requests_of(document) == 0


def test_a_signed_in_thumbnail_asks_the_policy_once(
    client, world, released, django_assert_num_queries
):
    """Whether the viewer may see it and whether it may be cached come from one read."""
    record, document = released
    ResourceDocument.objects.filter(pk=document.pk).update(thumbnail="thumbnails/notes.webp")
    client.force_login(world.teacher_b)  # not a manager; the record is public
    path = reverse("files:thumbnail", args=[document.pk])
    client.get(path)

    # Session, user; the document (with its collection and uploader, which the manager
    # check reads); the collection permissions; the records holding it and their
    # restrictions. Nothing is counted for a thumbnail.
    with django_assert_num_queries(6) as context:
        response = client.get(path)

    assert response.status_code == 302
    assert response["Cache-Control"] == "public, max-age=3600"
    restrictions = 'FROM "wagtailcore_pageviewrestriction"'
    assert [restrictions in query["sql"] for query in context.captured_queries].count(True) == 1
