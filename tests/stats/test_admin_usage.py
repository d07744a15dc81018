"""The admin's "Usage" screen: the dashboard's charts and the COUNTER reports as TSV."""

import pytest
from django.utils import timezone

from resource_hub.core.vocabularies import Language, ResourceType, SubjectField
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.services import record_release
from resource_hub.stats.dashboard import dashboard_breakdown, dashboard_months
from resource_hub.stats.models import CounterMetric, DailyUsage
from resource_hub.stats.reports import ReportRefused
from tests.records.record_page_helpers import full_record

URL = "/admin/usage/"
VIEWS = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS
DOWNLOADS = CounterMetric.UNIQUE_ITEM_REQUESTS


def add(record, metric, count, day=None):
    DailyUsage.objects.create(
        record_id=record.pk, day=day or timezone.localdate(), metric=metric, count=count
    )


@pytest.fixture
def usage(world, make_record):
    lesson = full_record(world, title="Rice lesson", subject=SubjectField.objects.get(code="0811"))
    members = full_record(
        world,
        record_class=AchievementPage,
        kind="achievement",
        title="Members paper",
        access_level=AccessLevel.INSTITUTION,
        language=Language.objects.get(code="th"),
    )
    other = make_record(
        author=world.teacher_b,
        institution=world.inst_b,
        title="Other video",
        resource_type=ResourceType.objects.get(code="material-video"),
    )
    record_release(user=world.editor_b, record=other)
    add(lesson, VIEWS, 7)
    add(lesson, DOWNLOADS, 2)
    add(members, VIEWS, 3)
    add(other, VIEWS, 11)
    return {"lesson": lesson, "members": members, "other": other}


def test_the_dashboard_counts_the_institutions_released_records(postgres_db, world, usage):
    breakdown = dashboard_breakdown(who=world.editor_a, institution=world.inst_a)
    months = dashboard_months(who=world.editor_a, institution=world.inst_a)

    assert [(s.label, s.views, s.downloads) for s in breakdown.top_records] == [
        ("Rice lesson", 7, 2),
        ("Members paper", 3, 0),  # members-only: the institution's own view counts it
    ]
    assert {s.label: s.views for s in breakdown.by_record_type} == {
        "Teaching resource": 7,
        "Achievement": 3,
    }
    subjects = {s.label: s.views for s in breakdown.by_subject}
    assert subjects["Agriculture, forestry, fisheries and veterinary"] == 7
    assert {s.label: s.views for s in breakdown.by_language} == {"Chinese": 7, "Thai": 3}
    assert len(months) == 12 and months[-1].totals.views == 10
    everything = dashboard_breakdown(who=world.admin)
    assert everything.top_records[0].label == "Other video"
    with pytest.raises(ReportRefused):
        dashboard_breakdown(who=world.editor_a, institution=world.inst_b)
    with pytest.raises(ReportRefused):
        dashboard_months(who=world.teacher_a, institution=world.inst_a)


def test_editors_see_their_institutions_dashboard(client, postgres_db, world, usage):
    client.force_login(world.editor_a)

    home = client.get("/admin/").content.decode()
    page = client.get(URL)

    assert URL in home  # the sidebar's menu item
    assert page.status_code == 200
    html = page.content.decode()
    assert world.inst_a.title in html and world.inst_b.title not in html
    assert html.count('<svg class="chart') >= 2 or html.count("<svg") >= 2
    assert "Rice lesson" in html and "Other video" not in html
    assert "Show the figures as a table" in html


@pytest.mark.parametrize("who", ["teacher_a", "member_a"])
def test_teachers_have_no_usage_screen(client, postgres_db, world, usage, who):
    client.force_login(getattr(world, who))

    assert URL not in client.get("/admin/").content.decode()
    response = client.get(URL)
    assert response.status_code in (302, 403)


def test_an_editor_cannot_choose_another_institution(client, postgres_db, world, usage):
    client.force_login(world.editor_a)

    response = client.get(
        URL,
        {
            "institution": world.inst_b.pk,
            "begin_date": "2026-01",
            "end_date": "2026-06",
            "report": "IR",
        },
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Other video" not in response.content.decode()


def test_administrators_choose_all_or_one(client, postgres_db, world, usage):
    client.force_login(world.admin)

    everything = client.get(URL).content.decode()
    only_b = client.get(
        URL, {"institution": world.inst_b.pk, "begin_date": "2026-01", "end_date": "2026-06"}
    ).content.decode()

    assert "All institutions" in everything and "Other video" in everything
    assert "Other video" in only_b and "Rice lesson" not in only_b


def test_the_item_report_downloads_as_counter_tsv(client, postgres_db, world, usage):
    client.force_login(world.editor_a)
    today = timezone.localdate()
    month = f"{today:%Y-%m}"

    response = client.get(
        URL,
        {"institution": world.inst_a.pk, "begin_date": month, "end_date": month, "report": "IR"},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="IR_institution-')
    lines = response.content.decode().split("\n")
    assert lines[0].startswith("Report_Name\tItem Report")
    assert lines[14].startswith("Item\tPublisher")
    items = {line.split("\t")[0] for line in lines[15:] if line}
    assert items == {"Rice lesson", "Members paper"}


def test_the_platform_report_downloads_as_counter_tsv(client, postgres_db, world, usage):
    client.force_login(world.admin)
    month = f"{timezone.localdate():%Y-%m}"

    response = client.get(
        URL, {"institution": "", "begin_date": month, "end_date": month, "report": "PR"}
    )

    lines = response.content.decode().split("\n")
    assert lines[1].startswith("Report_ID\tPR") and lines[3].startswith(
        "Institution_Name\tThe World"
    )
    body = [line.split("\t") for line in lines[15:] if line]
    assert {(row[1], row[2]) for row in body} >= {
        ("Audiovisual", "Unique_Item_Investigations"),
        ("Other", "Unique_Item_Requests"),
    }


def test_bad_months_are_shown_on_the_form(client, postgres_db, world, usage):
    client.force_login(world.editor_a)

    response = client.get(URL, {"begin_date": "2026-13", "end_date": "x", "report": "IR"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "must be a month" in html
