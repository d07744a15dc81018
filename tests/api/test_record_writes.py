"""Depositing and reviewing through the API: each action × role, judged by the database.

Scripts authenticate with a Wagtail API token (`Authorization: Bearer …`),
browsers with their session and the CSRF token. A refused request must
change nothing; a retried request with the same Idempotency-Key must not do
the work twice.
"""

import json
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, WorkflowState

from resource_hub.api.models import IdempotencyKey
from resource_hub.core.vocabularies import EducationLevel, ResourceType, SubjectField
from resource_hub.files.models import ResourceDocument
from resource_hub.records.models import RecordPage
from resource_hub.records.services import record_release, record_submit

ROLES = ("anonymous", "teacher_a", "member_a", "editor_a", "teacher_b", "admin")


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    settings.API_THROTTLE_ANONYMOUS = ""
    settings.API_THROTTLE_USER = ""


@pytest.fixture
def call(world):
    """call(role, method, url, body=None, **headers): the answer to a request made as `role`."""
    tokens = {}

    def make(role, method, url, body=None, **headers):
        if role != "anonymous":
            if role not in tokens:
                _row, tokens[role] = APIToken.create_token(user=getattr(world, role), name="t")
            headers["HTTP_AUTHORIZATION"] = f"Bearer {tokens[role]}"
        data = json.dumps(body) if body is not None else ""
        return getattr(Client(), method)(url, data, content_type="application/json", **headers)

    return make


def material_type() -> str:
    return ResourceType.objects.active().filter(applies_to="material").first().code


def new_record(**overrides) -> dict:
    return {
        "kind": "material",
        "title": "Kỹ thuật trồng lúa — Rice growing",
        "abstract": "Lesson plans for the first year of crop production.",
        "year": 2025,
        "language": "vi",
        "resource_type": material_type(),
        "licence": "CC-BY-4.0",
        "subject": SubjectField.objects.active().filter(level="detailed").first().code,
        "levels": [EducationLevel.objects.active().first().code],
        "keywords": ["lúa", " rice ", ""],
        "creators": [
            {"name": "Nguyễn Văn An", "orcid": "https://orcid.org/0000-0002-1825-0097"},
            {"name": "Li Wei", "affiliation": "Yunnan", "role": "co_author"},
        ],
        "translations": [{"language": "en", "title": "Rice growing", "abstract": "Lessons."}],
        "access_level": "registered",
        **overrides,
    }


def record_count() -> int:
    return RecordPage.objects.count()


def latest(record_id):
    return RecordPage.objects.get(pk=record_id).specific.get_latest_revision_as_object()


def url(name, *args):
    return reverse(f"api:{name}", args=args)


def document(world, user=None, institution=None) -> ResourceDocument:
    return ResourceDocument.objects.create(
        title="Slides",
        file=f"documents/{uuid.uuid4().hex}.pdf",
        collection=(institution or world.inst_a).collection,
        uploaded_by_user=user or world.teacher_a,
    )


@pytest.fixture
def released(world, make_record):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    return record


# --- POST /records -------------------------------------------------------------------


def test_a_teacher_creates_a_draft_in_their_only_institution(world, call):
    answer = call("teacher_a", "post", url("record-create"), new_record())

    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert answer["Location"] == url("record", body["id"])
    assert body["state"]["code"] == "draft"
    assert [c["name"] for c in body["creators"]] == ["Nguyễn Văn An", "Li Wei"]
    assert body["creators"][0]["orcid"] == "0000-0002-1825-0097"
    assert body["institution"]["id"] == world.inst_a.pk
    record = RecordPage.objects.get(pk=body["id"]).specific
    assert (record.live, record.owner, record.institution) == (False, world.teacher_a, world.inst_a)
    assert (record.language_id, record.access_level) == ("vi", "registered")
    assert sorted(record.keywords.names()) == ["lúa", "rice"]
    assert [t.language_id for t in record.translations.all()] == ["en"]
    assert record.education_levels.count() == 1


@pytest.mark.parametrize(
    ("role", "institution", "status"),
    [
        ("anonymous", "inst_a", 401),
        ("teacher_b", "inst_a", 403),
        ("teacher_a", "inst_b", 403),
        ("admin", None, 400),  # belongs to no institution: must say which
        ("editor_a", None, 201),
        ("admin", "inst_b", 201),
    ],
)
def test_who_may_create_where(world, call, role, institution, status):
    before = record_count()
    body = new_record()
    if institution:
        body["institution"] = getattr(world, institution).pk

    answer = call(role, "post", url("record-create"), body)

    assert answer.status_code == status, answer.content
    assert record_count() == before + (1 if status == 201 else 0)
    if status == 403:
        assert answer.json()["error"]["message"] == (
            "You can only add records to your own institution."
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("language", "xx"),
        ("licence", "WTFPL-9"),
        ("subject", "7777"),
        ("levels", ["isced-99"]),
        ("resource_type", "achievement-patent"),
        ("translations", [{"language": "qq", "title": "?"}]),
    ],
)
def test_unknown_codes_are_refused_naming_the_field(world, call, field, value):
    answer = call("teacher_a", "post", url("record-create"), new_record(**{field: value}))

    assert answer.status_code == 422, answer.content
    assert answer.json()["error"]["parameter"] == field
    assert record_count() == 0


@pytest.mark.parametrize(
    ("changes", "parameter"),
    [
        ({"titel": "typo"}, "titel"),
        ({"year": 1800}, "year"),
        ({"doi": "10.1000/x"}, "doi"),  # only achievements have one
        ({"creators": [{"name": "A", "orcid": "1234"}]}, "creators.0.orcid"),
        # NUL and other control characters never reach PostgreSQL (found by schemathesis)
        ({"title": "Rice\u0000notes"}, "title"),
        ({"abstract": "\u0007bell"}, "abstract"),
        ({"levels": ["isced-5\u0000"]}, "levels.0"),
        ({"licence": "CC BY 4.0"}, "licence"),
        ({"creators": [{"name": "Li\u0000Wei"}]}, "creators.0.name"),
    ],
)
def test_malformed_bodies_are_400_naming_the_field(world, call, changes, parameter):
    answer = call("teacher_a", "post", url("record-create"), new_record(**changes))

    assert answer.status_code == 400, answer.content
    assert answer.json()["error"]["parameter"] == parameter
    assert record_count() == 0


def test_a_record_needs_a_creator_as_on_the_desk(world, call):
    answer = call("teacher_a", "post", url("record-create"), new_record(creators=[]))

    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "Name at least one creator."


def test_an_achievement_takes_its_identifiers(world, call):
    kind = ResourceType.objects.active().filter(applies_to="achievement").first().code
    body = new_record(kind="achievement", resource_type=kind, doi="10.1000/xyz123", award="Gold")

    answer = call("teacher_a", "post", url("record-create"), body)

    assert answer.status_code == 201, answer.content
    assert answer.json()["identifiers"][0]["value"] == "10.1000/xyz123"
    assert RecordPage.objects.get().specific.award_name == "Gold"


def test_a_session_write_without_the_csrf_token_is_refused(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.teacher_a)

    answer = browser.post(
        url("record-create"), json.dumps(new_record()), content_type="application/json"
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "csrf_failed"
    assert record_count() == 0


# --- PATCH /records/{id} -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 401),
        ("member_a", 404),  # a colleague's draft: unknown to them
        ("teacher_b", 404),
        ("teacher_a", 200),
        ("editor_a", 200),
        ("admin", 200),
    ],
)
def test_who_may_change_a_draft(world, call, make_record, role, status):
    record = make_record()

    answer = call(role, "patch", url("record-update", record.pk), {"title": "New title"})

    assert answer.status_code == status, answer.content
    expected = "New title" if status == 200 else record.title
    assert latest(record.pk).title == expected
    if status == 200:
        assert answer.json()["title"] == "New title"


def test_a_partial_update_changes_only_what_was_sent(world, call, make_record):
    record = make_record()
    changes = {
        "keywords": ["paddy"],
        "levels": [],
        "creators": [{"name": "Somchai Jaidee"}],
        "translations": [{"language": "th", "title": "การปลูกข้าว"}],
        "subject": None,
    }

    answer = call("teacher_a", "patch", url("record-update", record.pk), changes)

    assert answer.status_code == 200, answer.content
    draft = latest(record.pk)
    assert (draft.title, draft.year, draft.subject) == (record.title, 2025, None)
    assert [c.name for c in draft.creators.all()] == ["Somchai Jaidee"]
    assert [t.title for t in draft.translations.all()] == ["การปลูกข้าว"]
    assert sorted(draft.keywords.names()) == ["paddy"]


def test_a_released_record_is_seen_but_not_changed_by_outsiders(world, call, released):
    answer = call("teacher_b", "patch", url("record-update", released.pk), {"title": "Mine"})

    assert answer.status_code == 403
    assert latest(released.pk).title == released.title


# --- Files ---------------------------------------------------------------------------


def test_files_are_attached_and_detached(world, call, make_record):
    record, slides = make_record(), document(world)

    attached = call("teacher_a", "post", url("record-files", record.pk), {"document": slides.pk})

    assert attached.status_code == 201, attached.content
    assert attached["Location"] == url("record-file", record.pk, slides.pk)
    assert [f.document_id for f in latest(record.pk).files.all()] == [slides.pk]
    assert [f["id"] for f in attached.json()["files"]] == [slides.pk]

    detached = call("teacher_a", "delete", url("record-file", record.pk, slides.pk))

    assert detached.status_code == 200, detached.content
    assert list(latest(record.pk).files.all()) == []
    again = call("teacher_a", "delete", url("record-file", record.pk, slides.pk))
    assert again.json()["error"]["message"] == "This file is not attached to the record."


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("member_a", 404), ("teacher_b", 404), ("editor_a", 201)],
)
def test_who_may_attach(world, call, make_record, role, status):
    record, slides = make_record(), document(world)

    answer = call(role, "post", url("record-files", record.pk), {"document": slides.pk})

    assert answer.status_code == status, answer.content
    assert len(latest(record.pk).files.all()) == (1 if status == 201 else 0)


def test_a_document_the_caller_may_not_use_is_refused(world, call, make_record):
    record = make_record()
    theirs = document(world, user=world.teacher_b, institution=world.inst_b)

    answer = call("teacher_a", "post", url("record-files", record.pk), {"document": theirs.pk})
    missing = call("teacher_a", "post", url("record-files", record.pk), {"document": 10**9})

    assert (answer.status_code, answer.json()["error"]["message"]) == (
        403,
        "You cannot use this file.",
    )
    assert (missing.status_code, missing.json()["error"]["parameter"]) == (422, "document")
    assert list(latest(record.pk).files.all()) == []


# --- The workflow --------------------------------------------------------------------


def test_create_attach_submit_and_release_through_the_api(world, call):
    created = call("teacher_a", "post", url("record-create"), new_record())
    record_id = created.json()["id"]
    slides = document(world)
    assert (
        call("teacher_a", "post", url("record-files", record_id), {"document": slides.pk})
    ).status_code == 201

    submitted = call("teacher_a", "post", url("record-submit", record_id))
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["state"]["code"] == "in_review"
    assert call("teacher_a", "post", url("record-release", record_id)).status_code == 403
    assert call("teacher_b", "post", url("record-release", record_id)).status_code == 404
    assert not RecordPage.objects.get(pk=record_id).live

    released = call("editor_a", "post", url("record-release", record_id), {"comment": "Good."})

    assert released.status_code == 200, released.content
    record = RecordPage.objects.get(pk=record_id)
    assert record.live
    assert record.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert [f["id"] for f in released.json()["files"]] == [slides.pk]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 401),
        ("member_a", 404),
        ("teacher_b", 404),
        ("teacher_a", 200),
        ("editor_a", 200),
        ("admin", 200),
    ],
)
def test_who_may_submit(world, call, make_record, role, status):
    record = make_record()

    answer = call(role, "post", url("record-submit", record.pk))

    assert answer.status_code == status, answer.content
    assert record.workflow_states.filter(status="in_progress").exists() == (status == 200)


def test_submitting_twice_is_a_conflict(world, call, make_record):
    record = make_record()
    call("teacher_a", "post", url("record-submit", record.pk))

    answer = call("teacher_a", "post", url("record-submit", record.pk))

    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "invalid_transition")


def test_rejecting_needs_a_comment_and_an_editor(world, call, make_record):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)
    reject = url("record-reject", record.pk)

    empty = call("editor_a", "post", reject, {"comment": "  "})
    by_author = call("teacher_a", "post", reject, {"comment": "Fine by me."})
    assert (empty.status_code, empty.json()["error"]["message"]) == (
        422,
        "Say what needs to change: the author sees your comment.",
    )
    assert by_author.status_code == 403
    assert record.workflow_states.get().status == WorkflowState.STATUS_IN_PROGRESS

    answer = call("editor_a", "post", reject, {"comment": "Add an English abstract."})

    assert answer.status_code == 200, answer.content
    assert answer.json()["state"]["code"] == "changes_requested"
    assert answer.json()["state"]["comment"] == "Add an English abstract."


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("teacher_b", 403), ("teacher_a", 409), ("editor_a", 200)],
)
def test_who_may_withdraw_a_released_record(world, call, released, role, status):
    answer = call(role, "post", url("record-withdraw", released.pk), {"reason": "Out of date."})

    assert answer.status_code == status, answer.content
    released.refresh_from_db()
    assert released.live == (status != 200)


def test_withdrawing_needs_a_reason(world, call, released):
    answer = call("editor_a", "post", url("record-withdraw", released.pk), {})

    assert answer.status_code == 422
    assert answer.json()["error"]["message"] == "Give the reason for withdrawing the record."
    released.refresh_from_db()
    assert released.live


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 401),
        ("teacher_b", 403),
        ("teacher_a", 403),
        ("editor_a", 200),
        ("admin", 200),
    ],
)
def test_who_may_unpublish(world, call, released, role, status):
    answer = call(role, "post", url("record-unpublish", released.pk))

    assert answer.status_code == status, answer.content
    released.refresh_from_db()
    assert released.live == (status != 200)


def test_an_unknown_record_is_404(world, call):
    assert call("admin", "post", url("record-submit", 10**9)).status_code == 404


# --- Idempotency-Key -----------------------------------------------------------------


def test_a_retry_with_the_same_key_replays_the_first_answer(world, call):
    body = new_record()
    first = call("teacher_a", "post", url("record-create"), body, HTTP_IDEMPOTENCY_KEY='"k-1"')
    retry = call("teacher_a", "post", url("record-create"), body, HTTP_IDEMPOTENCY_KEY='"k-1"')

    assert (first.status_code, retry.status_code) == (201, 201)
    assert record_count() == 1
    assert retry["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert retry["Location"] == first["Location"]
    assert retry.json() == first.json()


def test_the_same_key_for_another_request_is_refused(world, call):
    call("teacher_a", "post", url("record-create"), new_record(), HTTP_IDEMPOTENCY_KEY="k-2")

    answer = call(
        "teacher_a", "post", url("record-create"), new_record(year=2024), HTTP_IDEMPOTENCY_KEY="k-2"
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "idempotency_key_reused"
    assert record_count() == 1


def test_keys_belong_to_their_user_and_expire(world, call):
    call("teacher_a", "post", url("record-create"), new_record(), HTTP_IDEMPOTENCY_KEY="k-3")
    other = call("editor_a", "post", url("record-create"), new_record(), HTTP_IDEMPOTENCY_KEY="k-3")
    assert other.status_code == 201 and "Idempotent-Replayed" not in other
    IdempotencyKey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    later = call(
        "teacher_a", "post", url("record-create"), new_record(), HTTP_IDEMPOTENCY_KEY="k-3"
    )

    assert later.status_code == 201 and "Idempotent-Replayed" not in later
    assert record_count() == 3
    assert IdempotencyKey.objects.count() == 1


@pytest.mark.parametrize("key", ["", '""', "x" * 256, "ключ", "a\tb"])
def test_a_malformed_key_is_400_naming_the_header(world, call, key):
    answer = call("teacher_a", "post", url("record-create"), new_record(), HTTP_IDEMPOTENCY_KEY=key)

    assert answer.status_code == 400
    assert answer.json()["error"]["parameter"] == "Idempotency-Key"
    assert record_count() == 0


def test_a_retried_attach_attaches_once(world, call, make_record):
    record, slides = make_record(), document(world)
    attach = url("record-files", record.pk)

    first = call("teacher_a", "post", attach, {"document": slides.pk}, HTTP_IDEMPOTENCY_KEY="f-1")
    retry = call("teacher_a", "post", attach, {"document": slides.pk}, HTTP_IDEMPOTENCY_KEY="f-1")

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry["Idempotent-Replayed"] == "true"
    assert len(latest(record.pk).files.all()) == 1


def test_a_refused_request_keeps_no_key(world, call):
    body = new_record(institution=world.inst_b.pk)
    refused = call("teacher_a", "post", url("record-create"), body, HTTP_IDEMPOTENCY_KEY="k-4")

    assert refused.status_code == 403
    assert not IdempotencyKey.objects.exists()
