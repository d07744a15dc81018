"""The most used records: ranked by downloads over the last 12 months, through the access policy."""

from datetime import date

from django.contrib.auth.models import AnonymousUser

from resource_hub.records.models import AccessLevel
from resource_hub.stats.models import CounterMetric, DailyUsage
from resource_hub.stats.selectors import top_records

from .test_selectors import released

ANONYMOUS = AnonymousUser()
TODAY = date(2026, 11, 20)
VIEWS, DOWNLOADS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS, CounterMetric.UNIQUE_ITEM_REQUESTS


def used(record, metric, count, day=date(2026, 10, 1)):
    DailyUsage.objects.create(record_id=record.pk, day=day, metric=metric, count=count)


def test_top_records_ranked_by_downloads_within_the_year_and_what_the_viewer_may_see(
    postgres_db, world, make_record, django_assert_num_queries
):
    first = released(world, make_record, title="Most downloaded")
    second = released(world, make_record, title="Second")
    viewed_only = released(world, make_record, title="Viewed only")
    old = released(world, make_record, title="Downloaded long ago")
    members = released(world, make_record, title="Members", access_level=AccessLevel.INSTITUTION)
    used(first, DOWNLOADS, 30)
    used(first, VIEWS, 10)
    used(second, DOWNLOADS, 12)
    used(second, VIEWS, 80)
    used(viewed_only, VIEWS, 500)
    used(old, DOWNLOADS, 900, day=date(2025, 11, 20))  # the day before the last 12 months
    used(members, DOWNLOADS, 100)

    with django_assert_num_queries(3):  # the view restrictions, the figures, the records
        top = top_records(who=ANONYMOUS, institution=world.inst_a, today=TODAY)
    assert [(item.record.pk, item.views, item.downloads) for item in top] == [
        (first.pk, 10, 30),
        (second.pk, 80, 12),
    ]
    inside = top_records(who=world.member_a, institution=world.inst_a, today=TODAY, limit=1)
    assert [item.record.pk for item in inside] == [members.pk]
    by_views = top_records(who=ANONYMOUS, by=VIEWS, today=TODAY)
    assert [item.record.pk for item in by_views] == [viewed_only.pk, second.pk, first.pk]
    assert top_records(who=ANONYMOUS, institution=world.inst_b, today=TODAY) == []
