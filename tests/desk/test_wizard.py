"""The upload wizard's metadata step, files step, submit and withdraw; who sees what."""

import json

import pytest
import requests
from django.urls import reverse
from wagtail.models import WorkflowState

from resource_hub.core.vocabularies import EducationLevel, Language, Licence, ResourceType
from resource_hub.records.models import RecordPage, TeachingResourcePage
from resource_hub.records.services import record_submit
from tests.files import samples

THAI_TITLE = "การปลูกข้าวอย่างยั่งยืน"


def metadata(**overrides):
    data = {
        "kind": "material",
        "title": THAI_TITLE,
        "abstract": "บทเรียนเรื่องการปลูกข้าว for second-year students.",
        "keywords": "ข้าว, rice，水稻",
        "language": Language.objects.get(code="th").pk,
        "subject": "",
        "education_levels": [EducationLevel.objects.first().pk],
        "resource_type": ResourceType.objects.filter(applies_to="material").first().pk,
        "licence": Licence.objects.get(code="CC-BY-4.0").pk,
        "year": 2025,
        "access_level": "public",
        "creators-TOTAL_FORMS": 3,
        "creators-INITIAL_FORMS": 0,
        "creators-MIN_NUM_FORMS": 1,
        "creators-MAX_NUM_FORMS": 30,
        "creators-0-name": "Somchai Jaidee",
        "creators-0-orcid": "0000-0002-1825-0097",
        "creators-0-affiliation": "",
        "creators-0-role": "author",
        "creators-1-role": "author",
        "creators-2-role": "author",
        "translations-TOTAL_FORMS": 0,
        "translations-INITIAL_FORMS": 0,
        "translations-MIN_NUM_FORMS": 0,
        "translations-MAX_NUM_FORMS": 20,
    }
    data.update(overrides)
    return data


@pytest.fixture
def teacher(world, signed_in):
    return signed_in(world.teacher_a)


def test_the_metadata_step_creates_a_draft(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"), {**metadata(), "institution": world.inst_a.pk}
    )

    record = TeachingResourcePage.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("desk:record-files", args=[record.pk])
    assert record.title == THAI_TITLE
    assert not record.live
    assert record.owner == world.teacher_a
    assert record.get_parent().pk == world.inst_a.pk
    assert sorted(record.keywords.names()) == ["rice", "ข้าว", "水稻"]
    assert [(c.name, c.orcid) for c in record.creators.all()] == [
        ("Somchai Jaidee", "0000-0002-1825-0097")
    ]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"year": 1800}, "year"),
        ({"creators-0-name": ""}, None),
        ({"creators-0-orcid": "0000-0002-1825-0098"}, None),
        ({"resource_type": "achievement-paper"}, "resource_type"),
        ({"licence": "NOT-A-LICENCE"}, "licence"),
    ],
)
def test_bad_input_is_refused_without_a_row(world, teacher, overrides, field):
    if overrides.get("resource_type") == "achievement-paper":
        overrides["resource_type"] = (
            ResourceType.objects.filter(applies_to="achievement").first().pk
        )
    response = teacher.post(
        reverse("desk:record-new"), {**metadata(**overrides), "institution": world.inst_a.pk}
    )

    assert response.status_code == 400
    assert not RecordPage.objects.exists()
    html = response.content.decode()
    assert "nothing was saved" in html
    if field:
        assert f'aria-describedby="id_{field}_error' in html
        assert f'id="id_{field}_error"' in html


def test_a_teacher_cannot_add_to_another_institution(world, teacher):
    response = teacher.post(
        reverse("desk:record-new"), {**metadata(), "institution": world.inst_b.pk}
    )
    assert response.status_code == 400
    assert not RecordPage.objects.exists()


def test_editing_a_draft_saves_a_new_revision(world, teacher, make_record):
    record = make_record()
    data = metadata(title="Sustainable rice growing", kind="")
    response = teacher.post(reverse("desk:record-edit", args=[record.pk]), data)

    assert response.status_code == 302
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert draft.title == "Sustainable rice growing"
    assert sorted(draft.keywords.names()) == ["rice", "ข้าว", "水稻"]


def test_submit_then_withdraw_from_my_submissions(world, teacher, make_record):
    record = make_record()

    teacher.post(reverse("desk:record-submit", args=[record.pk]))
    state = record.workflow_states.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page = teacher.get(reverse("desk:submissions")).content.decode()
    assert 'data-state="in_review"' in page

    teacher.post(reverse("desk:record-withdraw", args=[record.pk]))

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    page = teacher.get(reverse("desk:submissions")).content.decode()
    assert 'data-state="draft"' in page


def test_a_teacher_cannot_see_or_touch_another_teachers_draft(world, signed_in, make_record):
    record = make_record()
    other = signed_in(world.member_a)
    for name in ["desk:record-review", "desk:record-edit", "desk:record-files"]:
        assert other.get(reverse(name, args=[record.pk])).status_code == 404
    assert other.post(reverse("desk:record-submit", args=[record.pk])).status_code == 404
    assert record.title not in other.get(reverse("desk:submissions")).content.decode()
    assert (
        signed_in(world.teacher_b).get(reverse("desk:record-review", args=[record.pk])).status_code
        == 404
    )
    assert not record.workflow_states.exists()


def test_anonymous_visitors_are_sent_to_sign_in(world, client, make_record):
    record = make_record()
    for url in [
        reverse("desk:submissions"),
        reverse("desk:record-new"),
        reverse("desk:record-review", args=[record.pk]),
        reverse("desk:review"),
        reverse("desk:membership"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_sign_in_failure_says_so(world, client):
    response = client.post(reverse("login"), {"username": "teacher_a", "password": "wrong"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    form = client.get(reverse("login")).content.decode()
    assert f'name="next" value="{reverse("notifications:landing")}"' in form
    response = client.post(
        reverse("login"),
        {"username": "teacher_a", "password": "pw", "next": reverse("desk:submissions")},
    )
    assert response.status_code == 302
    assert response.url == reverse("desk:submissions")


def test_files_uploaded_through_the_api_are_attached(world, teacher, make_record, s3_storage):
    record = make_record()
    pdf = samples.pdf(text="Paddy water management")
    started = teacher.post(
        reverse("api:uploads"),
        json.dumps(
            {"collection": world.inst_a.collection_id, "filename": "บทเรียน.pdf", "size": len(pdf)}
        ),
        content_type="application/json",
    ).json()
    signed = teacher.post(
        started["links"]["parts"], json.dumps({"parts": [1]}), content_type="application/json"
    ).json()
    assert requests.put(signed["parts"][0]["url"], data=pdf, timeout=30).ok
    done = teacher.post(started["links"]["complete"]).json()

    response = teacher.post(
        reverse("desk:record-attach", args=[record.pk]), {"document": done["document"]["id"]}
    )

    assert response.status_code == 201
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert [item.document.pk for item in draft.files.all()] == [done["document"]["id"]]
    page = teacher.get(reverse("desk:record-files", args=[record.pk])).content.decode()
    assert done["document"]["title"] in page
    assert "<noscript>" in page


def test_another_teachers_file_cannot_be_attached(world, signed_in, make_record):
    record = make_record()
    response = signed_in(world.teacher_a).post(
        reverse("desk:record-attach", args=[record.pk]), {"document": 999999}
    )
    assert response.status_code == 422
    assert not record.get_latest_revision_as_object().files.exists()


def test_submitted_record_cannot_be_submitted_twice(world, teacher, make_record):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)
    response = teacher.post(reverse("desk:record-submit", args=[record.pk]), follow=True)
    assert "already waiting for review" in response.content.decode()


def attached_documents(record) -> list[int]:
    record.refresh_from_db()
    return [item.document_id for item in record.get_latest_revision_as_object().files.all()]


def test_a_teacher_removes_a_wrongly_attached_file_and_keeps_the_other(
    world, signed_in, make_record
):
    from resource_hub.files.models import ResourceDocument
    from resource_hub.records.services import file_attach

    record = make_record()
    wrong, right = (
        ResourceDocument.objects.create(
            title=title, file=f"documents/{title}.pdf", collection=world.inst_a.collection,
            uploaded_by_user=world.teacher_a,
        )
        for title in ("wrong-file", "right-file")
    )  # fmt: skip
    for document in (wrong, right):
        file_attach(user=world.teacher_a, record=record, document=document)
    teacher = signed_in(world.teacher_a)

    response = teacher.post(reverse("desk:record-detach", args=[record.pk, wrong.pk]), follow=True)

    assert attached_documents(record) == [right.pk]
    page = response.content.decode()
    assert "“wrong-file” was removed from the record." in page
    assert f'id="desk-remove-{right.pk}"' in page and f'id="desk-remove-{wrong.pk}"' not in page
    # Once more: it is no longer there, so nothing changes and the teacher is told.
    again = teacher.post(reverse("desk:record-detach", args=[record.pk, wrong.pk]), follow=True)
    assert "not attached to the record" in again.content.decode()
    assert attached_documents(record) == [right.pk]
    # Another institution's teacher cannot touch it.
    outsider = signed_in(world.teacher_b).post(
        reverse("desk:record-detach", args=[record.pk, right.pk])
    )
    # The desk answers a record the user may not edit as it does a wrong id.
    assert outsider.status_code == 404
    assert attached_documents(record) == [right.pk]
