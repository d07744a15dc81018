"""Each file's downloads: counted daily by the COUNTER rules, read through the policy, shown on
the record page next to the file's Download button."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from resource_hub.records.models import AccessLevel
from resource_hub.stats.aggregation import stats_aggregate_day
from resource_hub.stats.models import (
    CounterMetric,
    DailyFileUsage,
    DailyUsage,
    ItemKind,
    Metric,
    UsageEvent,
)
from resource_hub.stats.selectors import FileDownloads, file_downloads
from tests.records.record_page_helpers import full_record

from .conftest import BROWSER, visit

TIR = CounterMetric.TOTAL_ITEM_REQUESTS
UIR = CounterMetric.UNIQUE_ITEM_REQUESTS
ANONYMOUS = AnonymousUser()


def download(*, at, record_id=7, document_id=70, **who):
    return visit(at=at, record_id=record_id, metric=Metric.REQUEST, document_id=document_id, **who)


def file_rows(day):
    return sorted(
        DailyFileUsage.objects.filter(day=day).values_list(
            "record_id", "document_id", "metric", "count"
        )
    )


def test_a_double_click_on_a_file_counts_once_a_later_download_again(postgres_db, day, clock):
    download(at=clock(10, 1, 0))
    download(at=clock(10, 1, 20))  # a double click: one download
    download(at=clock(10, 2, 20))  # a minute later: another, in the same session

    stats_aggregate_day(day=day)

    assert file_rows(day) == [(7, 70, TIR, 2), (7, 70, UIR, 1)]


def test_two_files_of_one_record_are_counted_apart(postgres_db, day, clock):
    download(at=clock(9), document_id=70)
    download(at=clock(9, 0, 5), document_id=71)
    download(at=clock(9, 5), document_id=71, ip="198.51.100.23")
    visit(at=clock(9, 10), record_id=7, metric=Metric.REQUEST, kind=ItemKind.BUNDLE)
    visit(at=clock(9, 20), record_id=7)  # a page view: no file

    result = stats_aggregate_day(day=day)

    assert file_rows(day) == [
        (7, 70, TIR, 1),
        (7, 70, UIR, 1),
        (7, 71, TIR, 2),
        (7, 71, UIR, 2),
    ]
    assert result.file_rows == 4
    # The record's own figures are as before: its files and the bundle, one item.
    record = dict(DailyUsage.objects.filter(day=day).values_list("metric", "count"))
    assert (record[TIR], record[UIR]) == (4, 2)


def test_aggregating_a_day_again_gives_the_same_file_rows(postgres_db, day, clock):
    download(at=clock(10))
    download(at=clock(11), document_id=71, ip="198.51.100.23")
    stats_aggregate_day(day=day)
    first = file_rows(day)

    stats_aggregate_day(day=day)

    assert file_rows(day) == first
    assert len(first) == 4


def test_re_running_a_day_replaces_its_file_rows(postgres_db, day, clock):
    download(at=clock(10))
    stats_aggregate_day(day=day)
    download(at=clock(12), document_id=71)
    download(at=clock(10) + timedelta(days=1), document_id=72)  # another day: untouched
    stats_aggregate_day(day=day + timedelta(days=1))
    UsageEvent.objects.filter(document_id=70).delete()

    stats_aggregate_day(day=day)

    assert file_rows(day) == [(7, 71, TIR, 1), (7, 71, UIR, 1)]
    assert file_rows(day + timedelta(days=1)) == [(7, 72, TIR, 1), (7, 72, UIR, 1)]


def used(record, document_id, count, days_ago=3):
    DailyFileUsage.objects.create(
        record_id=record.pk,
        document_id=document_id,
        day=timezone.localdate() - timedelta(days=days_ago),
        metric=UIR,
        count=count,
    )


def test_file_downloads_are_all_time_and_last_12_months_unique_requests(world, postgres_db):
    record = full_record(world)
    used(record, 70, 5)
    used(record, 70, 100, days_ago=400)  # before the last 12 months
    used(record, 71, 2)
    DailyFileUsage.objects.create(  # totals are not what is shown
        record_id=record.pk, document_id=71, day=timezone.localdate(), metric=TIR, count=99
    )
    other = full_record(world, title="Another record")
    used(other, 70, 1000)  # the same file downloaded from another record

    assert file_downloads(who=ANONYMOUS, record_id=record.pk) == {
        70: FileDownloads(all_time=105, last_12_months=5),
        71: FileDownloads(all_time=2, last_12_months=2),
    }
    assert file_downloads(who=ANONYMOUS, record_id=record.pk + 1000) == {}


def test_a_restricted_records_file_figures_are_hidden_from_an_outsider(world, postgres_db):
    record = full_record(world, access_level=AccessLevel.INSTITUTION)
    used(record, 70, 12)

    assert file_downloads(who=ANONYMOUS, record_id=record.pk) == {}
    assert file_downloads(who=world.teacher_b, record_id=record.pk) == {}
    assert file_downloads(who=world.member_a, record_id=record.pk) == {70: FileDownloads(12, 12)}


def files_section(html):
    return html.split('id="files-heading"')[1].split("</section>")[0]


def test_the_record_page_shows_each_files_downloads_next_to_its_button(
    client, world, postgres_db, s3_storage
):
    record = full_record(
        world, files=[("notes.txt", b"Lesson notes\n"), ("slides.txt", b"Slides\n")]
    )
    notes, slides = [item.document for item in record.files.order_by("sort_order")]
    used(record, notes.pk, 1234)
    used(record, slides.pk, 1)

    files = files_section(client.get(record.url, HTTP_USER_AGENT=BROWSER).content.decode())

    notes_item, slides_item = files.split('<li class="file">')[1:]
    assert '<small class="file-downloads">Downloaded 1,234 times</small>' in notes_item
    assert '<small class="file-downloads">Downloaded 1 time</small>' in slides_item
    assert notes_item.index(reverse("files:download", args=[notes.pk])) < notes_item.index(
        "Downloaded 1,234 times"
    )


def test_a_file_never_downloaded_says_nothing(client, world, postgres_db, s3_storage):
    record = full_record(world, files=[("notes.txt", b"Lesson notes\n")])

    files = files_section(client.get(record.url, HTTP_USER_AGENT=BROWSER).content.decode())

    assert "file-downloads" not in files and "Downloaded" not in files


def test_an_outsider_sees_no_file_figures_of_a_members_only_record(
    client, world, postgres_db, s3_storage
):
    record = full_record(
        world, files=[("notes.txt", b"Lesson notes\n")], access_level=AccessLevel.INSTITUTION
    )
    used(record, record.files.get().document_id, 42)
    client.force_login(world.member_a)
    assert "Downloaded 42 times" in client.get(record.url).content.decode()

    client.force_login(world.teacher_b)
    response = client.get(record.url)

    assert response.status_code == 403
    assert "Downloaded 42 times" not in response.content.decode()


def test_a_real_download_reaches_the_record_page_once_counted(
    client, world, postgres_db, s3_storage
):
    record = full_record(world, files=[("notes.txt", b"Lesson notes\n")])
    document = record.files.get().document
    url = f"{reverse('files:download', args=[document.pk])}?record={record.pk}"
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 302
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 302  # a double click

    stats_aggregate_day(day=timezone.localdate())

    assert file_downloads(who=ANONYMOUS, record_id=record.pk) == {document.pk: (1, 1)}
    html = client.get(record.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "Downloaded 1 time" in files_section(html)
