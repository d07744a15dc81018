"""`manage.py load_demo` at a small size, on the real database and S3 server."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from resource_hub.access.records import is_public
from resource_hub.demo import texts
from resource_hub.demo.collections import COLLECTIONS
from resource_hub.demo.institutions import INSTITUTIONS
from resource_hub.demo.selectors import demo_records, record_states
from resource_hub.demo.specs import State, build_specs
from resource_hub.files.models import ResourceDocument
from resource_hub.records.models import CuratedCollectionPage, RecordPage

from .helpers import pdf_language, squeezed, text_of

SMALL = ["--institutions", "4", "--records", "20"]


def load(*options) -> str:
    out = io.StringIO()
    call_command("load_demo", *SMALL, "--force", *options, stdout=out)
    return out.getvalue()


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "records": RecordPage.objects.count(),
        "collections": CuratedCollectionPage.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "documents": ResourceDocument.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.mark.django_db
def test_refused_when_debug_is_off_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", *SMALL)
    assert not RecordPage.objects.exists()


@pytest.mark.django_db
def test_small_load_twice_gives_the_same_content(s3_storage, s3_client, settings):
    first_output = load()
    first = counts()
    assert first["records"] == 20
    # Curated collections of released public records: of the first four institutions'
    # rows, the two general ones (records with files, so "Download all" shows) and the one
    # whose topic (climate) has a public record at this size; maths has none yet.
    assert first["collections"] == 3
    themes = {row.slug: row.topics for row in COLLECTIONS}
    for collection in CuratedCollectionPage.objects.live():
        picked = RecordPage.objects.filter(pk__in=collection.items.values("record_id"))
        assert picked.exists()
        assert all(is_public(record) for record in picked)
        if not themes[collection.slug]:
            assert all(record.files.exists() for record in picked)
    assert "resource-hub-demo" in first_output and "teacher.yunnan-agri" in first_output

    second_output = load("-v0")
    assert counts() == first
    assert second_output == ""  # quiet under -v0
    assert "Created 0 institutions, 0 accounts, 0 records and 0 files" in load()

    records = demo_records()
    assert set(records.values_list("language_id", flat=True)) == set(texts.LANGUAGES)
    assert set(record_states(records).values()) == set(State.ALL)

    # Every stored document is an object in the bucket, under this test's prefix.
    documents = ResourceDocument.objects.filter(record_files__record__in=records).distinct()
    listed = s3_client.list_objects_v2(Bucket=settings.S3_BUCKET, Prefix=f"{s3_storage}/")
    keys = {item["Key"] for item in listed.get("Contents", [])}
    assert documents.count() > 0
    assert {f"{s3_storage}/{document.file.name}" for document in documents} <= keys


@pytest.mark.django_db
def test_files_and_workflow_history_are_real(s3_storage):
    load()
    specs = {spec.slug: spec for spec in build_specs(INSTITUTIONS[:4], 20)}
    formats = set()
    for record in demo_records().filter(files__isnull=False).distinct():
        spec = specs[record.slug]
        for item in record.files.all():
            document = item.document
            file_format = document.original_filename.rsplit(".", 1)[-1]
            with document.open_file() as stored:
                text = text_of(stored.read(), file_format)
            language = pdf_language(spec) if file_format == "pdf" else spec.language
            assert squeezed(spec.title(language)) in squeezed(text)
            author = f"{spec.author_role}.{spec.institution.slug}"
            assert document.uploaded_by_user.username == record.owner.username == author
            formats.add(file_format)
    assert formats == {"pdf", "docx", "pptx"}

    records = demo_records()
    states = record_states(records)
    by_state = {state: records.get(pk=pk) for pk, state in states.items()}
    released = by_state[State.PUBLIC]
    assert released.live
    assert PageLogEntry.objects.filter(page=released, action="wagtail.publish").exists()
    reviewed = records.filter(live=True, owner__username__startswith="teacher.").first()
    approval = PageLogEntry.objects.get(page=reviewed, action="wagtail.workflow.approve")
    assert approval.user.username.startswith("editor.")
    withdrawn = by_state[State.WITHDRAWN]
    entry = PageLogEntry.objects.get(page=withdrawn, action="records.withdraw")
    assert entry.user.username.startswith("editor.") and entry.data["reason"]
    embargoed = by_state[State.EMBARGOED]
    assert not embargoed.live and embargoed.go_live_at is not None
    restricted = by_state[State.INSTITUTION]
    assert restricted.get_view_restrictions().get().groups.exists()
