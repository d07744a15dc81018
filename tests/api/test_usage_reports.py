"""GET /api/v1/reports/ir and /reports/pr: COUNTER JSON for those the policy lets read it."""

from datetime import date

import jsonschema
import pytest
from wagtail.models import APIToken

from resource_hub.stats.models import CounterMetric, DailyUsage
from tests.records.record_page_helpers import full_record
from tests.stats import counter_schema

IR = "/api/v1/reports/ir"
PR = "/api/v1/reports/pr"
PERIOD = {"begin_date": "2026-01", "end_date": "2026-06"}


@pytest.fixture
def call(client, world):
    users = {
        "teacher": world.teacher_a,
        "editor": world.editor_a,
        "editor_b": world.editor_b,
        "admin": world.admin,
    }
    tokens = {}

    def get(role, url, data):
        headers = {}
        if role != "anonymous":
            if role not in tokens:
                tokens[role] = APIToken.create_token(user=users[role], name="reports")[1]
            headers["HTTP_AUTHORIZATION"] = f"Bearer {tokens[role]}"
        return client.get(url, data, **headers)

    return get


@pytest.fixture
def used(world):
    record = full_record(world, title="Rice lesson")
    DailyUsage.objects.create(
        record_id=record.pk,
        day=date(2026, 2, 3),
        metric=CounterMetric.UNIQUE_ITEM_INVESTIGATIONS,
        count=4,
    )
    return record


@pytest.mark.parametrize(
    ("role", "institution", "status"),
    [
        ("anonymous", "a", 401),
        ("teacher", "a", 403),
        ("editor_b", "a", 403),
        ("editor", None, 403),  # the whole platform: administrators only
        ("editor", "a", 200),
        ("admin", "a", 200),
        ("admin", None, 200),
    ],
)
def test_who_may_read_a_report(postgres_db, world, used, call, role, institution, status):
    data = dict(PERIOD)
    if institution:
        data["institution"] = world.inst_a.pk
    for url in (IR, PR):
        response = call(role, url, data)
        assert response.status_code == status, (url, response.content)
        if status != 200:
            assert set(response.json()["error"]) >= {"code", "message"}


def test_the_reports_are_counter_json(postgres_db, world, used, call):
    data = {**PERIOD, "institution": world.inst_a.pk}
    ir = call("editor", IR, data).json()
    pr = call("editor", PR, data).json()

    jsonschema.validate(ir, counter_schema.IR)
    jsonschema.validate(pr, counter_schema.PR)
    (item,) = ir["Report_Items"][0]["Items"]
    assert item["Item"] == "Rice lesson"
    assert item["Attribute_Performance"][0]["Performance"] == {
        "Unique_Item_Investigations": {"2026-02": 4}
    }
    assert pr["Report_Items"][0]["Attribute_Performance"][0]["Data_Type"] == "Other"


def test_no_usage_is_an_empty_report_with_exception_3030(postgres_db, world, call):
    body = call("admin", IR, {"begin_date": "2021-01", "end_date": "2021-03"}).json()

    jsonschema.validate(body, counter_schema.IR)
    assert body["Report_Items"] == []
    assert body["Report_Header"]["Exceptions"][0]["Code"] == 3030


@pytest.mark.parametrize(
    ("data", "parameter"),
    [
        ({"begin_date": "2026-1", "end_date": "2026-06"}, "begin_date"),
        ({"begin_date": "2026-01", "end_date": "June"}, "end_date"),
        ({"begin_date": "2026-06", "end_date": "2026-01"}, "end_date"),
        ({"begin_date": "2026-01", "end_date": "2026-06", "institution": "x"}, "institution"),
        (
            {"begin_date": "2026-01", "end_date": "2026-06", "institution": "99999999999"},
            "institution",
        ),
        ({"begin_date": "' OR 1=1 --", "end_date": "2026-06"}, "begin_date"),
        ({"begin_date": "2026-01" * 500, "end_date": "2026-06"}, "begin_date"),
        ({"end_date": "2026-06"}, "begin_date"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(postgres_db, world, call, data, parameter):
    for url in (IR, PR):
        response = call("admin", url, data)
        assert response.status_code == 400, response.content
        assert response.json()["error"]["parameter"] == parameter


def test_an_unknown_institution_is_a_404(postgres_db, world, call):
    response = call("admin", IR, {**PERIOD, "institution": 2_000_000_000})
    assert response.status_code == 404
