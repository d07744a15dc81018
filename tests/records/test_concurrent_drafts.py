"""Drafts made under one institution at the same moment (two teachers, an import and the
API at once) are all made, each with its own slug and its own place in the page tree.

Seen in the load scenario (bench/load.py): three teachers creating a draft of the same
title in the same second got "The slug … is already in use" (422) for all but one.
"""

import contextlib
import threading

import pytest
from django.db import connection

from resource_hub.records.models import RecordPage
from resource_hub.records.services import drafts

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_drafts_of_one_title_made_at_once_are_both_made(world, make_record, monkeypatch):
    meet = threading.Barrier(2, timeout=3)
    choose = drafts.record_slug

    def choose_then_meet(**kwargs):
        slug = choose(**kwargs)
        # Both have chosen a slug before either is written, unless one is held back
        # until the other is written (then the wait times out, and it goes on).
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait()
        return slug

    monkeypatch.setattr(drafts, "record_slug", choose_then_meet)
    made, failed = [], []

    def create():
        try:
            made.append(make_record(title="Rice growing").pk)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            failed.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert failed == []
    pages = RecordPage.objects.filter(pk__in=made)
    assert len({page.slug for page in pages}) == 2
    assert len({page.path for page in pages}) == 2
    world.inst_a.refresh_from_db()
    assert world.inst_a.numchild == world.inst_a.get_children().count()
