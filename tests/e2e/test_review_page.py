"""The review journey in a real browser (issue 14, part 1), at 1280 and 360 px, axe clean:
an editor opens a resubmitted record from the queue, sees its details, its file's
thumbnail and what changed since its release, sends it back with a comment (required);
the teacher reads it on the Edit page, answers and resubmits in one step; the editor
reads the answer and releases the record after a confirmation naming who will see it."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.files.derivatives import document_derive
from resource_hub.files.services import document_create
from resource_hub.records.services import (
    file_attach,
    record_release,
    record_submit,
    record_update_draft,
)
from tests.files import samples

from .browser import axe_check, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 640}
SENT_BACK = "Please say which rice varieties the photo shows."
REPLY = "Added: the photo shows Dianjingyou and Hongmi."


def at(path: str) -> re.Pattern:
    """The page's URL is this path, whatever the query and fragment."""
    return re.compile(rf"^[^?#]*{re.escape(path)}(\?[^#]*)?(#.*)?$")


def sign_in(page, username: str, go_to: str) -> None:
    page.goto(go_to)  # an anonymous visitor is asked to sign in, then sent on
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(at(go_to))


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def resubmitted(world, make_record, s3_storage):
    """A released record whose new edition, with a photo, waits for review."""
    record = make_record(title="Rice in Yunnan")
    record_release(user=world.editor_a, record=record)
    record_update_draft(user=world.teacher_a, record=record, title="Rice in Yunnan, second edition")
    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(samples.png(size=(64, 48)), name="terraces.png"),
    )
    document_derive(document=document)
    file_attach(user=world.teacher_a, record=record, document=document, label="Terraces")
    record_submit(user=world.teacher_a, record=record)
    return record


def test_an_editor_reviews_sends_back_and_releases_after_the_teacher_answers(
    new_context, world, resubmitted
):
    record = resubmitted
    review_url = reverse("desk:review-detail", args=[record.pk])

    # The editor: the queue, then the review page.
    editor = new_context().new_page()
    sign_in(editor, "editor_a", reverse("desk:review"))
    row = editor.locator(f"#desk-review-{record.pk}")
    expect(row).to_contain_text("1 file")
    axe_check(editor)
    row.get_by_role("link", name="Rice in Yunnan, second edition").first.click()
    expect(editor).to_have_url(at(review_url))
    expect(editor.get_by_role("heading", level=1)).to_have_text("Rice in Yunnan, second edition")
    thumbnail = editor.locator("#desk-review-files img.desk-review-file__thumbnail")
    thumbnail.scroll_into_view_if_needed()  # it loads lazily
    editor.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle()
    )
    changes = editor.locator("#desk-review-changes")
    expect(changes.locator(".addition").first).to_contain_text("second edition")
    axe_check(editor)
    screenshot(editor, "desk-review-page")

    # Send back: the comment is required, then sent.
    editor.locator("#desk-reject").click()
    expect(editor.locator("#id_comment_error")).to_be_visible()
    editor.get_by_label("What needs to change").fill(SENT_BACK)
    editor.locator("#desk-reject").click()
    expect(editor).to_have_url(at(reverse("desk:review")))
    expect(editor.locator(".desk-message--success")).to_contain_text("sent back")

    # The teacher reads it on the Edit page, answers and resubmits.
    teacher = new_context(viewport=PHONE).new_page()
    sign_in(teacher, "teacher_a", reverse("desk:record-edit", args=[record.pk]))
    expect(teacher.locator("#desk-reviewer-comment")).to_contain_text(SENT_BACK)
    thread = teacher.locator("#desk-conversation")
    expect(thread.locator('[data-event="sent_back"]')).to_contain_text(SENT_BACK)
    assert fits_the_screen(teacher)
    axe_check(teacher)
    screenshot(teacher, "desk-edit-with-conversation")
    thread.get_by_label("Your comment").fill(REPLY)
    thread.locator("#desk-reply-resubmit").click()
    expect(teacher).to_have_url(at(reverse("desk:record-review", args=[record.pk])))
    expect(teacher.locator('#desk-conversation [data-event="resubmitted"]')).to_contain_text(REPLY)

    # The editor reads the answer and releases it, after the confirmation.
    editor.goto(review_url)
    expect(editor.locator('#desk-conversation [data-event="resubmitted"]')).to_contain_text(REPLY)
    editor.locator("#desk-approve").click()
    expect(editor).to_have_url(at(reverse("desk:review-approve", args=[record.pk])))
    expect(editor.locator("#desk-audience")).to_have_text(
        "Everyone, without signing in (search engines too)"
    )
    axe_check(editor)
    screenshot(editor, "desk-review-confirm")
    editor.set_viewport_size(PHONE)
    assert fits_the_screen(editor)
    editor.locator("#desk-confirm-release").click()
    expect(editor).to_have_url(at(reverse("desk:review")))
    expect(editor.locator(".desk-message--success")).to_contain_text("released")
    record.refresh_from_db()
    assert record.live and record.title == "Rice in Yunnan, second edition"


def test_the_review_page_fits_a_phone(new_context, world, resubmitted):
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, "editor_a", reverse("desk:review-detail", args=[resubmitted.pk]))
    expect(page.locator("#desk-review-decision")).to_be_visible()
    assert fits_the_screen(page)
    axe_check(page)
