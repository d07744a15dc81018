"""The wizard's closing screen: after submitting, the teacher reads what happens next."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from resource_hub.desk.views.records import record_submitted
from resource_hub.records.services import record_submit


def closing_screen(user, record):
    request = RequestFactory().get("/")
    request.user = user
    return record_submitted(request, pk=record.pk)


def test_after_submitting_the_teacher_reads_what_happens_next(world, make_record):
    record = make_record()
    record_submit(user=world.teacher_a, record=record)

    response = closing_screen(world.teacher_a, record)

    assert response.status_code == 200
    page = response.content.decode()
    assert "What happens next" in page
    assert f"An editor of {world.inst_a.title} reviews it" in page
    assert "You get an e-mail when it is released" in page
    assert 'id="desk-follow-submissions"' in page


def test_a_draft_not_yet_submitted_goes_back_to_its_review_step(world, make_record):
    record = make_record()

    response = closing_screen(world.teacher_a, record)

    assert response.status_code == 302


def test_the_closing_screen_is_not_for_others(world, make_record):
    from django.http import Http404

    record = make_record()
    record_submit(user=world.teacher_a, record=record)
    with pytest.raises(Http404):
        closing_screen(world.teacher_b, record)
    response = closing_screen(AnonymousUser(), record)
    assert response.status_code == 302


def test_submitting_in_the_desk_ends_on_the_closing_screen(client, world, make_record):
    from django.urls import reverse

    record = make_record()
    client.force_login(world.teacher_a)

    response = client.post(reverse("desk:record-submit", args=[record.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("desk:record-submitted", args=[record.pk])
    assert "What happens next" in response.content.decode()
