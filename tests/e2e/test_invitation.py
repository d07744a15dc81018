"""An editor invites a teacher by e-mail in a real browser (1280 and 360 px): the membership
page says the invitation went, the e-mail in the chosen language carries a link, and the
invited person, signed in under another address, accepts it and becomes a teacher. The
pages pass axe and the CSP."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from resource_hub.institutions.selectors import is_member_of
from tests.world import make_user

from .browser import axe_check, screenshot
from .test_account_menu import PHONE, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "new.teacher@example.org"


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280", "360"])
def test_an_editor_emails_an_invitation_and_the_teacher_accepts_it(
    new_context, world, viewport, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    options = {"viewport": viewport} if viewport else {}
    editor = new_context(**options).new_page()
    sign_in(editor, "editor_a", "desk:review")

    editor.goto(reverse("desk:membership"))
    form = editor.locator("#desk-invite-form")
    form.get_by_label("Institution").select_option(str(world.inst_a.pk))
    form.get_by_label("E-mail address of the person you invite").fill(ADDRESS)
    form.get_by_label("Language of the e-mail").select_option("th")
    form.locator("#desk-invite-submit").click()

    expect(editor.get_by_text(f"The invitation was e-mailed to {ADDRESS}.")).to_be_visible()
    expect(editor.locator("#desk-invitation-link")).to_be_visible()  # also shown once to copy
    expect(editor.get_by_text(ADDRESS, exact=True).first).to_be_visible()  # in the list
    axe_check(editor)
    if viewport is None:
        screenshot(editor, "invitation-emailed")  # at each width

    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    link = re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    newcomer = make_user("newcomer", email="someone.else@example.org")
    invited = new_context(**options).new_page()
    invited.goto(reverse("login"))
    invited.get_by_label("Username").fill("newcomer")
    invited.get_by_label("Password").fill("pw")
    invited.get_by_role("button", name="Sign in").click()
    invited.goto(path)  # in the e-mail's language: Thai
    expect(invited.locator("html")).to_have_attribute("lang", "th")
    accept = invited.locator("#desk-accept-invitation")
    expect(accept).to_be_visible()
    axe_check(invited)
    if viewport is None:
        screenshot(invited, "invitation-accept-th")
    accept.click()

    expect(accept).to_have_count(0)
    expect(invited.get_by_text(world.inst_a.title).first).to_be_visible()
    assert is_member_of(newcomer, world.inst_a)
