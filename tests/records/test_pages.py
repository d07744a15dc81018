"""Record, institution and collection pages: what each viewer gets, and at what cost."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from resource_hub.files.services import document_create
from resource_hub.records.models import AccessLevel, CuratedCollectionItem, CuratedCollectionPage
from resource_hub.records.services import file_attach, record_release, record_submit
from resource_hub.stats.models import CounterMetric, DailyFileUsage


def released(world, make_record, **overrides):
    record = make_record(**overrides)
    record_release(user=world.editor_a, record=record)
    record.refresh_from_db()
    return record


def attach(world, record, name="notes.txt", body=b"Lesson notes\n"):
    document = document_create(
        user=world.teacher_a, collection=world.inst_a.collection, file=ContentFile(body, name=name)
    )
    file_attach(user=world.teacher_a, record=record, document=document)
    return document


def test_released_record_page_shows_its_metadata(client, world, make_record):
    record = released(world, make_record)

    response = client.get(record.url)

    body = response.content.decode()
    assert response.status_code == 200
    assert "水稻栽培技术 Rice cultivation techniques" in body
    assert "Li Wei" in body
    assert "https://orcid.org/0000-0002-1825-0097" in body
    assert world.inst_a.title in body


def test_draft_and_review_pages_are_not_served(client, world, make_record):
    draft = make_record(title="Unreleased draft title")
    in_review = make_record(title="Title under review")
    record_submit(user=world.teacher_a, record=in_review)

    for record in (draft, in_review):
        response = client.get(record.get_url())
        assert response.status_code == 404
        assert record.title not in response.content.decode()


def test_registered_only_record_asks_anonymous_visitors_to_sign_in(client, world, make_record):
    record = released(world, make_record, access_level=AccessLevel.REGISTERED)

    anonymous = client.get(record.url)
    client.force_login(world.teacher_b)
    signed_in = client.get(record.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login") + "?next=")
    assert signed_in.status_code == 200


def test_institution_only_record_is_hidden_from_other_institutions(client, world, make_record):
    record = released(world, make_record, access_level=AccessLevel.INSTITUTION)

    client.force_login(world.teacher_b)
    outsider = client.get(record.url)
    client.force_login(world.member_a)
    colleague = client.get(record.url)

    # Signed in already, so asking them to sign in again is no answer (it loops
    # back here, wagtail/wagtail#4297): refused with 403, as files are
    # (files.views.refuse_unless_downloadable).
    assert outsider.status_code == 403
    assert record.title not in outsider.content.decode()
    assert colleague.status_code == 200


def test_document_of_a_draft_is_not_downloadable(client, world, make_record, s3_storage):
    record = make_record()
    document = attach(world, record)

    anonymous = client.get(document.url)
    client.force_login(world.teacher_b)
    outsider = client.get(document.url)
    client.force_login(world.teacher_a)
    author = client.get(document.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login") + "?next=")
    assert outsider.status_code == 403
    assert author.status_code == 302 and "X-Amz-Signature=" in author["Location"]


def test_document_of_a_released_record_redirects_to_a_signed_url(
    client, world, make_record, s3_storage
):
    record = make_record()
    document = attach(world, record)
    record_release(user=world.editor_a, record=record)

    response = client.get(document.url)

    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]


def test_curated_collection_shows_only_what_the_viewer_may_see(client, world, make_record):
    public = released(world, make_record, title="Open lesson on irrigation")
    members = released(
        world, make_record, title="Members-only exam bank", access_level=AccessLevel.INSTITUTION
    )
    draft = make_record(title="Draft not for anyone")
    collection = world.inst_a.add_child(
        instance=CuratedCollectionPage(
            title="Best of agriculture", description="Picked by editors."
        )
    )
    for position, record in enumerate([members, public, draft]):
        CuratedCollectionItem.objects.create(
            collection=collection, record=record, sort_order=position
        )
    collection.save_revision(user=world.editor_a).publish()

    anonymous = client.get(collection.url).content.decode()
    client.force_login(world.member_a)
    colleague = client.get(collection.url).content.decode()

    assert "Open lesson on irrigation" in anonymous
    assert "Members-only exam bank" not in anonymous
    assert colleague.index("Members-only exam bank") < colleague.index("Open lesson on irrigation")
    assert "Draft not for anyone" not in anonymous + colleague


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_record_page_queries_do_not_grow_with_files_and_creators(
    client, world, make_record, s3_storage
):
    small = make_record(title="Small record")
    downloaded = [(small, attach(world, small))]
    record_release(user=world.editor_a, record=small)
    big = make_record(
        title="Big record",
    )
    for n in range(5):
        document = attach(world, big, name=f"part-{n}.txt", body=f"Part {n}\n".encode())
        downloaded.append((big, document))
    big.refresh_from_db()  # file_attach refreshed it before its own revision, not after
    draft = big.get_latest_revision_as_object()
    for n in range(6):
        draft.creators.add(type(draft.creators.first())(name=f"Co-author {n}"))
    draft.save_revision(user=world.teacher_a)
    record_release(user=world.editor_a, record=big)
    # Each file's downloads are shown beside it, all read in one query.
    for record, document in downloaded:
        DailyFileUsage.objects.create(
            record_id=record.pk,
            document_id=document.pk,
            day=timezone.localdate() - timedelta(days=3),
            metric=CounterMetric.UNIQUE_ITEM_REQUESTS,
            count=2,
        )

    assert count_queries(client, small.url) == count_queries(client, big.url)
    html = client.get(big.url).content.decode()
    assert html.count('<li class="file">') == 5
    assert html.count("Downloaded 2 times") == 5


def test_institution_page_queries_do_not_grow_with_records(client, world, make_record):
    released(world, make_record, title="Only record of A")
    few = count_queries(client, world.inst_a.url)
    for n in range(8):
        released(world, make_record, title=f"Record number {n}")

    assert count_queries(client, world.inst_a.url) == few


def test_institution_index_queries_do_not_grow_with_institutions(client, world):
    from resource_hub.core.vocabularies import Country
    from resource_hub.institutions.models import InstitutionIndexPage
    from resource_hub.institutions.services import institution_create

    index = InstitutionIndexPage.objects.get()
    few = count_queries(client, index.url)
    for n in range(5):
        institution_create(
            user=world.admin,
            name_en=f"Lao Technical College {n}",
            country=Country.objects.get(code="LA"),
            institution_type="vocational_college",
        )

    assert count_queries(client, index.url) == few
