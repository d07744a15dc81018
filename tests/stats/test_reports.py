"""COUNTER R5.1 Item and Platform Reports: what they count, for whom, and their shapes."""

from datetime import UTC, date, datetime

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resource_hub.access.usage import (
    can_read_usage_reports,
    usage_report_institutions,
)
from resource_hub.core.params import InvalidParameter
from resource_hub.core.vocabularies import ResourceType
from resource_hub.records.models import AccessLevel, AchievementPage
from resource_hub.records.services import record_release
from resource_hub.stats.counter_formats import as_json, as_tsv
from resource_hub.stats.models import CounterMetric, DailyUsage
from resource_hub.stats.reports import (
    Period,
    ReportRefused,
    item_report,
    period_of,
    platform_report,
)
from tests.records.record_page_helpers import full_record

from . import counter_schema

NOW = datetime(2026, 7, 3, 8, 30, tzinfo=UTC)
FIRST_HALF = period_of("2026-01", "2026-06")
TII = CounterMetric.TOTAL_ITEM_INVESTIGATIONS
UII = CounterMetric.UNIQUE_ITEM_INVESTIGATIONS
TIR = CounterMetric.TOTAL_ITEM_REQUESTS
UIR = CounterMetric.UNIQUE_ITEM_REQUESTS


def usage(record, day: date, **counts):
    for metric, count in counts.items():
        DailyUsage.objects.create(
            record_id=record.pk, day=day, metric=CounterMetric[metric.upper()], count=count
        )


@pytest.fixture
def reported(world):
    """A's public lesson plan, A's members-only paper with a DOI, a draft, and B's video."""
    lesson = full_record(world, title="Rice lesson")
    paper = full_record(
        world,
        record_class=AchievementPage,
        kind="achievement",
        title="Paddy yields",
        doi="10.1000/xyz123",
        access_level=AccessLevel.INSTITUTION,
        year=2024,
    )
    draft = full_record(world, title="Unreleased", release=False)
    usage(lesson, date(2026, 1, 5), total_item_investigations=3, unique_item_investigations=2)
    usage(lesson, date(2026, 1, 20), total_item_investigations=1, unique_item_investigations=1)
    usage(
        lesson,
        date(2026, 3, 2),
        total_item_investigations=2,
        unique_item_investigations=1,
        total_item_requests=2,
        unique_item_requests=1,
    )
    usage(paper, date(2026, 2, 1), total_item_investigations=5, unique_item_investigations=4)
    usage(paper, date(2025, 12, 31), total_item_investigations=9)  # before the period
    usage(paper, date(2026, 7, 1), total_item_investigations=9)  # after it
    usage(draft, date(2026, 2, 1), total_item_investigations=7)
    return {"lesson": lesson, "paper": paper, "draft": draft}


def test_the_item_report_counts_each_released_record_by_month(postgres_db, world, reported):
    report = item_report(who=world.editor_a, period=FIRST_HALF, institution=world.inst_a, now=NOW)

    by_title = {item.title: item for item in report.items}
    assert sorted(by_title) == ["Paddy yields", "Rice lesson"]  # no draft
    lesson, paper = by_title["Rice lesson"], by_title["Paddy yields"]
    assert lesson.performance == {
        TII: {date(2026, 1, 1): 4, date(2026, 3, 1): 2},
        UII: {date(2026, 1, 1): 3, date(2026, 3, 1): 1},
        TIR: {date(2026, 3, 1): 2},
        UIR: {date(2026, 3, 1): 1},
    }
    assert paper.performance == {TII: {date(2026, 2, 1): 5}, UII: {date(2026, 2, 1): 4}}
    assert (lesson.data_type, lesson.access_type, lesson.yop, lesson.doi) == (
        "Other",
        "Open",
        2025,
        "",
    )
    assert (paper.data_type, paper.access_type, paper.yop, paper.doi) == (
        "Article",
        "Controlled",
        2024,
        "10.1000/xyz123",
    )
    assert paper.publisher == world.inst_a.title
    assert paper.uri.endswith(f"/r/{paper.record_id}")
    assert report.exceptions == []


def test_the_platform_report_sums_by_data_type(postgres_db, world, reported):
    report = platform_report(who=world.admin, period=FIRST_HALF, now=NOW)

    rows = {row.data_type: row.performance for row in report.rows}
    assert rows["Article"][TII] == {date(2026, 2, 1): 5}
    assert rows["Other"][TII] == {date(2026, 1, 1): 4, date(2026, 3, 1): 2}
    assert report.institution_name == "The World"


def test_who_may_read_which_report_is_the_policys(postgres_db, world):
    assert can_read_usage_reports(world.admin)
    assert can_read_usage_reports(world.admin, world.inst_b)
    assert can_read_usage_reports(world.editor_a, world.inst_a)
    assert not can_read_usage_reports(world.editor_a, world.inst_b)
    assert not can_read_usage_reports(world.editor_a)  # the whole platform
    assert not can_read_usage_reports(world.teacher_a, world.inst_a)
    assert not can_read_usage_reports(None, world.inst_a)
    assert list(usage_report_institutions(world.editor_a)) == [world.inst_a]
    assert set(usage_report_institutions(world.admin)) >= {world.inst_a, world.inst_b}
    assert not usage_report_institutions(world.teacher_a).exists()

    for who, institution in [
        (world.teacher_a, world.inst_a),
        (world.editor_b, world.inst_a),
        (world.editor_a, None),
    ]:
        with pytest.raises(ReportRefused):
            item_report(who=who, period=FIRST_HALF, institution=institution)
        with pytest.raises(ReportRefused):
            platform_report(who=who, period=FIRST_HALF, institution=institution)


def test_an_institutions_report_is_its_own_records_only(postgres_db, world, reported, make_record):
    video = make_record(
        author=world.teacher_b,
        institution=world.inst_b,
        title="Video",
        resource_type=ResourceType.objects.get(code="material-video"),
    )
    record_release(user=world.editor_b, record=video)
    usage(video, date(2026, 4, 1), total_item_investigations=1)

    a = item_report(who=world.admin, period=FIRST_HALF, institution=world.inst_a, now=NOW)
    b = item_report(who=world.editor_b, period=FIRST_HALF, institution=world.inst_b, now=NOW)
    empty = item_report(who=world.admin, period=period_of("2020-01", "2020-06"), now=NOW)

    assert "Video" not in {item.title for item in a.items}
    assert [(item.title, item.data_type, item.publisher) for item in b.items] == [
        ("Video", "Audiovisual", world.inst_b.title)
    ]
    assert empty.items == []
    assert empty.exceptions == [
        (
            3030,
            "No Usage Available for Requested Dates",
            "Begin_Date=2020-01-01; End_Date=2020-06-30",
        )
    ]


def test_the_json_follows_the_counter_api_schema(postgres_db, world, reported):
    ir = as_json(item_report(who=world.admin, period=FIRST_HALF, institution=world.inst_a, now=NOW))
    pr = as_json(platform_report(who=world.admin, period=FIRST_HALF, now=NOW))
    empty = as_json(item_report(who=world.admin, period=period_of("2020-01", "2020-02"), now=NOW))

    jsonschema.validate(ir, counter_schema.IR)
    jsonschema.validate(pr, counter_schema.PR)
    jsonschema.validate(empty, counter_schema.IR)
    header = ir["Report_Header"]
    assert header["Created"] == "2026-07-03T08:30:00Z"
    assert header["Report_Filters"] == {"Begin_Date": "2026-01-01", "End_Date": "2026-06-30"}
    assert header["Institution_ID"] == {
        "Proprietary": [f"resourcehub:institution-{world.inst_a.pk}"]
    }
    paper = next(item for item in ir["Report_Items"][0]["Items"] if item["Item"] == "Paddy yields")
    assert paper["Item_ID"]["DOI"] == "10.1000/xyz123"
    assert paper["Attribute_Performance"][0]["Performance"] == {
        "Total_Item_Investigations": {"2026-02": 5},
        "Unique_Item_Investigations": {"2026-02": 4},
    }
    assert empty["Report_Items"] == []
    assert empty["Report_Header"]["Exceptions"][0]["Code"] == 3030


def test_the_tsv_is_counters_tabular_layout(postgres_db, world, reported):
    text = as_tsv(
        item_report(who=world.admin, period=FIRST_HALF, institution=world.inst_a, now=NOW)
    )

    lines = text.split("\n")
    rows = [line.split("\t") for line in lines if line]
    labels = [row[0] for row in rows[:13]]
    assert labels == [
        "Report_Name",
        "Report_ID",
        "Release",
        "Institution_Name",
        "Institution_ID",
        "Metric_Types",
        "Report_Filters",
        "Report_Attributes",
        "Exceptions",
        "Reporting_Period",
        "Created",
        "Created_By",
        "Registry_Record",
    ]
    assert rows[1][1] == "IR" and rows[2][1] == "5.1"
    assert rows[9][1] == "Begin_Date=2026-01-01; End_Date=2026-06-30"
    # Tabular identifiers are {namespace}:{value}, the same for institution and publisher.
    assert rows[4][1] == f"resourcehub:institution-{world.inst_a.pk}"
    assert lines[13].strip("\t") == ""  # the blank row
    headings = rows[14]
    assert headings[:2] == ["Item", "Publisher"]
    assert headings[-7:] == [
        "Reporting_Period_Total",
        "Jan-2026",
        "Feb-2026",
        "Mar-2026",
        "Apr-2026",
        "May-2026",
        "Jun-2026",
    ]
    body = [dict(zip(headings, row, strict=True)) for row in rows[15:]]
    lesson = [row for row in body if row["Item"] == "Rice lesson"]
    assert [row["Metric_Type"] for row in lesson] == [TII, TIR, UII, UIR]
    assert lesson[0]["Reporting_Period_Total"] == "6"
    assert lesson[0]["Publisher_ID"] == rows[4][1]
    assert lesson[0]["Proprietary_ID"] == f"resourcehub:{lesson[0]['URI'].rsplit('/', 1)[1]}"
    assert [lesson[0][m] for m in ("Jan-2026", "Feb-2026", "Mar-2026")] == ["4", "0", "2"]
    assert all(len(row) == len(headings) for row in rows)


def test_a_title_cannot_break_the_tsv_or_run_as_a_formula(postgres_db, world):
    record = full_record(world, title='=HYPERLINK("x")\tsplit\nline')
    usage(record, date(2026, 2, 1), total_item_investigations=1)

    text = as_tsv(item_report(who=world.admin, period=FIRST_HALF, now=NOW))

    row = next(line for line in text.split("\n") if "HYPERLINK" in line)
    assert row.split("\t")[0] == '\'=HYPERLINK("x") split line'


def test_the_report_costs_a_constant_number_of_queries(postgres_db, world, reported):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            item_report(who=world.editor_a, period=FIRST_HALF, institution=world.inst_a)
        return len(captured)

    before = queries()
    for n in range(3):
        record = full_record(world, title=f"More {n}", access_level=AccessLevel.REGISTERED)
        usage(record, date(2026, 5, 1), total_item_investigations=1)
    assert queries() == before


@pytest.mark.parametrize(
    ("begin", "end", "parameter"),
    [
        ("2026-13", "2026-12", "begin_date"),
        ("26-01", "2026-12", "begin_date"),
        ("", "2026-12", "begin_date"),
        ("2026-01", "soon", "end_date"),
        ("2026-06", "2026-01", "end_date"),
        ("2000-01", "2099-12", "end_date"),
        ("２０２６-01", "2026-02", "begin_date"),
        ("2026-01\x00", "2026-02", "begin_date"),
        ("9999-01", "9999-02", "begin_date"),
    ],
)
def test_bad_months_name_their_parameter(begin, end, parameter):
    with pytest.raises(InvalidParameter) as raised:
        period_of(begin, end)
    assert raised.value.parameter == parameter


def test_a_period_is_whole_months():
    period = period_of("2024-02-15", "2024-02")
    assert period == Period(begin=date(2024, 2, 1), end=date(2024, 2, 29))
    assert period.months == [date(2024, 2, 1)]
    assert len(period_of("2025-11", "2026-02").months) == 4
