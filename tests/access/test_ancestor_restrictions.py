"""A restriction on a page above a record (its institution, the institutions index)
keeps the record's page, files, thumbnail, exports, listings and search from those it
leaves out, within one request of the change (plus the indexing task)."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from search import lifecycle

TITLE = "Greenhouse irrigation handbook"


@pytest.fixture
def released(released_with_file):
    return released_with_file(title=TITLE)


def surfaces(client, record, document) -> dict[str, int]:
    return {
        "page": client.get(record.url).status_code,
        "download": client.get(reverse("files:download", args=[document.pk])).status_code,
        "thumbnail": client.get(reverse("files:thumbnail", args=[document.pk])).status_code,
        "export": client.get(
            reverse("record_exports:export", args=[record.pk, "bibtex"])
        ).status_code,
    }


def found(client, path: str) -> bool:
    return TITLE in client.get(path).content.decode()


@pytest.mark.parametrize("where", ["institution", "institutions index"])
def test_a_login_restriction_above_the_record_hides_it_from_anonymous_visitors(
    client, world, released, es_client, where, django_capture_on_commit_callbacks
):
    record, document = released
    lifecycle.rebuild()
    page = world.inst_a if where == "institution" else world.inst_a.get_parent()
    assert found(client, "/api/v1/search?q=greenhouse")

    with django_capture_on_commit_callbacks(execute=True):  # the re-index task runs
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    # Anonymous: asked to sign in for the page and the file; no export, no search hit.
    assert surfaces(client, record, document) == {
        "page": 302, "download": 302, "thumbnail": 302, "export": 404,
    }  # fmt: skip
    assert not found(client, "/api/v1/search?q=greenhouse")
    assert not found(client, "/en/search/?q=greenhouse")
    assert not found(client, "/api/v1/search/suggest?q=Greenhouse")
    assert not found(client, "/en/")
    client.force_login(world.teacher_b)  # signed in, of another institution: a login is enough
    assert surfaces(client, record, document) == {
        "page": 200, "download": 302, "thumbnail": 404, "export": 200,
    }  # fmt: skip
    assert found(client, "/api/v1/search?q=greenhouse")


def test_a_groups_restriction_on_the_institution_refuses_signed_in_outsiders_with_403(
    client, world, released, es_client, django_capture_on_commit_callbacks
):
    record, document = released
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=world.inst_a, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(world.inst_a.member_groups)
    lifecycle.rebuild()

    client.force_login(world.teacher_b)
    assert surfaces(client, record, document) == {
        "page": 403, "download": 403, "thumbnail": 403, "export": 404,
    }  # fmt: skip
    assert not found(client, "/api/v1/search?q=greenhouse")
    client.force_login(world.member_a)
    assert surfaces(client, record, document)["page"] == 200
    assert found(client, "/api/v1/search?q=greenhouse")
