"""The admin names no page a person may not know of (issue 11, item 3).

A teacher of institution B asks the bulk actions' confirmation pages and the
page chooser for A's draft and A's members-only record: neither title may
appear in the response, whatever else the page says. Each title carries the
word "Kestrel", so one chooser search finds them all.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from resource_hub.access import records as record_access
from resource_hub.access.admin import admin_known_pages
from resource_hub.access.wagtail_hooks import KnownDocumentsOnly, KnownImagesOnly, KnownPagesOnly
from resource_hub.records.models import AccessLevel, RecordPage
from resource_hub.records.services import record_release, record_submit

A_DRAFT = "Kestrel alpaca fodder draft"
A_MEMBERS = "Kestrel bamboo members-only notes"
A_PUBLIC = "Kestrel cassava public handbook"
B_DRAFT = "Kestrel durian draft of B"
SECRETS = (A_DRAFT, A_MEMBERS)
PAGE_BULK_ACTIONS = ["delete", "move", "publish", "unpublish"]


@pytest.fixture
def pages(postgres_db, world, make_record):
    a_draft = make_record(title=A_DRAFT)
    a_members = make_record(title=A_MEMBERS, access_level=AccessLevel.INSTITUTION)
    record_release(user=world.editor_a, record=a_members)
    a_public = make_record(title=A_PUBLIC)
    record_release(user=world.editor_a, record=a_public)
    b_draft = make_record(title=B_DRAFT, author=world.teacher_b, institution=world.inst_b)
    return {"a_draft": a_draft, "a_members": a_members, "a_public": a_public, "b_draft": b_draft}


def bulk_url(action):
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])


def assert_secrets_absent(body):
    for title in SECRETS:
        assert title not in body


# Bulk actions


@pytest.mark.parametrize(
    ("model", "mixin"),
    [
        ("wagtailcore.page", KnownPagesOnly),
        ("files.resourcedocument", KnownDocumentsOnly),
        ("wagtailimages.image", KnownImagesOnly),
    ],
)
def test_every_bulk_action_that_names_objects_is_narrowed(model, mixin):
    """A bulk action Wagtail adds one day must be narrowed too, or this fails."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    actions = list(bulk_action_registry.get_bulk_actions_for_model(*model.split(".")))

    assert actions
    assert all(issubclass(action, mixin) for action in actions)
    if model == "wagtailcore.page":
        assert sorted(action.action_type for action in actions) == PAGE_BULK_ACTIONS


@pytest.mark.parametrize("action", PAGE_BULK_ACTIONS)
def test_bulk_action_names_none_of_another_institutions_pages(client, world, pages, action):
    client.force_login(world.teacher_b)
    ids = [pages["a_draft"].pk, pages["a_members"].pk, pages["b_draft"].pk]

    response = client.get(bulk_url(action), {"id": ids})

    assert response.status_code == 200
    body = response.content.decode()
    assert_secrets_absent(body)
    assert B_DRAFT in body  # their own page, listed as Wagtail lists it


@pytest.mark.parametrize("action", PAGE_BULK_ACTIONS)
def test_bulk_action_on_unknown_pages_only_is_not_found(client, world, pages, action):
    client.force_login(world.teacher_b)

    response = client.get(bulk_url(action), {"id": [pages["a_draft"].pk, pages["a_members"].pk]})

    assert response.status_code == 404
    assert_secrets_absent(response.content.decode())


@pytest.mark.parametrize("action", PAGE_BULK_ACTIONS)
def test_bulk_action_still_names_them_to_their_editor_and_the_administrator(
    client, world, pages, action
):
    for user in (world.editor_a, world.admin):
        client.force_login(user)

        body = client.get(
            bulk_url(action), {"id": [pages["a_draft"].pk, pages["a_members"].pk]}
        ).content.decode()

        assert A_DRAFT in body and A_MEMBERS in body


@pytest.mark.parametrize(
    "query",
    [
        {"id": ["abc", "99999999999", "-1", "²"]},
        {"id": "all", "childOf": "abc"},
        {"id": "all", "childOf": "99999999999"},
        {"id": "all", "childOf": "2147483647"},
    ],
)
def test_bulk_action_odd_ids_are_not_an_error(client, world, pages, query):
    client.force_login(world.teacher_b)

    response = client.get(bulk_url("publish"), query)

    assert response.status_code == 404


def test_bulk_action_ignores_odd_ids_beside_good_ones(client, world, pages):
    client.force_login(world.teacher_b)

    response = client.get(bulk_url("publish"), {"id": ["abc", pages["b_draft"].pk]})

    assert response.status_code == 200
    assert B_DRAFT in response.content.decode()


def test_bulk_action_on_all_children_of_another_institution_lists_only_what_b_may_see(
    client, world, pages
):
    client.force_login(world.teacher_b)

    response = client.get(bulk_url("publish"), {"id": "all", "childOf": world.inst_a.pk})

    assert response.status_code == 200
    body = response.content.decode()
    assert_secrets_absent(body)
    assert A_PUBLIC in body  # released and public: B may know of it


@pytest.mark.parametrize("destination", ["a_draft", "odd"])
def test_bulk_move_does_not_name_an_unknown_destination(client, world, pages, destination):
    client.force_login(world.teacher_b)
    chosen = pages["a_draft"].pk if destination == "a_draft" else "abc"

    response = client.post(bulk_url("move") + f"?id={pages['b_draft'].pk}", {"chooser": chosen})

    assert response.status_code == 200
    assert_secrets_absent(response.content.decode())
    pages["b_draft"].refresh_from_db()
    assert pages["b_draft"].get_parent().pk == world.inst_b.pk


# Files and images


FILE_ACTIONS = ["add_tags", "add_to_collection", "delete"]


@pytest.fixture
def a_files(world, pages, s3_storage):
    """A file of A's draft, uploaded by A's teacher, and a cover image in A's collection."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from resource_hub.files.services import document_create
    from resource_hub.records.services import file_attach

    document = document_create(
        user=world.teacher_a,
        collection=world.inst_a.collection,
        file=ContentFile(b"Fodder trial notes\n", name="kestrel-fodder-trial.txt"),
    )
    file_attach(user=world.teacher_a, record=pages["a_draft"], document=document)
    image = get_image_model().objects.create(
        title="Kestrel cover of A",
        file=get_test_image_file(),
        collection=world.inst_a.collection,
        uploaded_by_user=world.teacher_a,
    )
    return document, image


@pytest.mark.parametrize("action", FILE_ACTIONS)
def test_file_and_image_bulk_actions_name_none_of_another_institutions(
    client, world, a_files, action
):
    document, image = a_files
    client.force_login(world.teacher_b)

    for model, obj in (("resourcedocument", document), ("image", image)):
        app = "files" if model == "resourcedocument" else "wagtailimages"
        response = client.get(
            reverse("wagtail_bulk_action", args=[app, model, action]), {"id": obj.pk}
        )

        assert response.status_code == 404
        assert obj.title not in response.content.decode()


@pytest.mark.parametrize("action", FILE_ACTIONS)
def test_file_and_image_bulk_actions_still_name_them_to_their_editor(
    client, world, a_files, action
):
    document, image = a_files
    client.force_login(world.editor_a)

    for model, obj in (("resourcedocument", document), ("image", image)):
        app = "files" if model == "resourcedocument" else "wagtailimages"
        response = client.get(
            reverse("wagtail_bulk_action", args=[app, model, action]), {"id": [obj.pk, "abc"]}
        )

        assert response.status_code == 200
        assert obj.title in response.content.decode()


# The page chooser


def browse(client, parent=None, **params):
    url = (
        reverse("wagtailadmin_choose_page_child", args=[parent.pk])
        if parent is not None
        else reverse("wagtailadmin_choose_page")
    )
    return client.get(url, params)


def search(client, q="Kestrel"):
    return client.get(reverse("wagtailadmin_choose_page_search"), {"q": q})


def test_chooser_browse_of_another_institution_shows_only_its_public_records(client, world, pages):
    client.force_login(world.teacher_b)

    response = browse(client, world.inst_a)

    assert response.status_code == 200
    body = response.content.decode()
    assert_secrets_absent(body)
    assert A_PUBLIC in body


def test_chooser_browse_below_an_unknown_page_is_not_found(client, world, pages):
    client.force_login(world.teacher_b)

    response = browse(client, pages["a_draft"])

    assert response.status_code == 404
    assert_secrets_absent(response.content.decode())


def test_chooser_search_shows_b_its_own_draft_and_public_records_only(client, world, pages):
    client.force_login(world.teacher_b)

    response = search(client)

    assert response.status_code == 200
    body = response.content.decode()
    assert_secrets_absent(body)
    assert A_PUBLIC in body and B_DRAFT in body


@pytest.mark.parametrize("role", ["editor_a", "admin"])
def test_chooser_shows_a_its_draft_and_members_only_records(client, world, pages, role):
    client.force_login(getattr(world, role))

    browsed = browse(client, world.inst_a).content.decode()
    searched = search(client).content.decode()

    for body in (browsed, searched):
        assert A_DRAFT in body and A_MEMBERS in body and A_PUBLIC in body


def test_chooser_browse_from_the_root_and_by_page_type(client, world, pages):
    client.force_login(world.teacher_b)

    assert browse(client).status_code == 200
    response = browse(client, page_type="records.teachingresourcepage")
    assert response.status_code == 200
    assert_secrets_absent(response.content.decode())


def test_chooser_odd_target_pages_are_a_bad_request(client, world, pages):
    client.force_login(world.teacher_b)

    response = browse(client, world.inst_b, **{"target_pages[]": "abc"})

    assert response.status_code == 400


def test_chooser_chosen_multiple_names_no_unknown_page(client, world, pages):
    client.force_login(world.teacher_b)

    response = client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": pages["a_draft"].pk}
    )

    assert_secrets_absent(response.content.decode())


# The rule itself


def test_known_records_are_those_the_policy_lets_them_see(world, pages, postgres_db):
    """For records, knowing of one in the admin is `records.can_view`, role by role."""
    in_review = pages["a_draft"]
    record_submit(user=world.teacher_a, record=in_review)
    records = list(RecordPage.objects.all())
    users = [world.teacher_a, world.member_a, world.editor_a, world.teacher_b, world.editor_b]

    for user in [*users, world.admin]:
        known = set(admin_known_pages(user, RecordPage.objects.all()).values_list("pk", flat=True))
        expected = {record.pk for record in records if record_access.can_view(user, record)}
        assert known == expected, user.username
