"""Similar records on a record's page (search.related), on the real Elasticsearch node."""

import time

from resource_hub.core.vocabularies import Language, SubjectField
from resource_hub.records.models import AccessLevel
from search import client as search_client
from search.lifecycle import rebuild
from search.related import related_records


def make_corpus(make_record, release):
    """A rice lesson, its kin in other languages and places, and an unrelated record."""
    crops = SubjectField.objects.get(code="0811")
    thai = Language.objects.get(code="th")
    rice = release(
        make_record(
            subject=crops,
            abstract="育秧、插秧与稻田水分管理。Raising seedlings, transplanting, paddy water.",
        )
    )
    kin = release(
        make_record(
            title="Rice seedling and paddy water management",
            abstract="Raising rice seedlings, transplanting and water in the paddy.",
            language=Language.objects.get(code="en"),
            translations=[{"language": thai, "title": "การปลูกข้าวนาดำ", "abstract": ""}],
        )
    )
    members_only = release(
        make_record(
            title="水稻栽培技术 习题 Rice cultivation exercises",
            access_level=AccessLevel.INSTITUTION,
        )
    )
    draft = make_record(title="水稻栽培技术 草稿 Rice cultivation draft")
    welding = release(
        make_record(
            title="Welding safety in vocational workshops",
            abstract="A checklist for safe arc welding practice.",
            language=Language.objects.get(code="en"),
        )
    )
    return rice, kin, members_only, draft, welding


def test_a_record_page_lists_similar_records_the_visitor_may_see(
    es_client, client, world, make_record, release
):
    rice, kin, members_only, draft, welding = make_corpus(make_record, release)
    rebuild()

    page = client.get(rice.url).content.decode()

    similar = page[page.index('id="similar-heading"') : page.index('id="cite-heading"')]
    assert "Rice seedling and paddy water management" in similar
    assert "Rice cultivation exercises" not in page  # institution-only
    assert "Rice cultivation draft" not in page  # never released
    if "Welding safety" in similar:  # only the default keywords in common
        assert similar.index("Rice seedling") < similar.index("Welding safety")
    assert similar.count(rice.title) == 0  # not the record itself

    client.force_login(world.member_a)  # a member of the holding institution
    assert "Rice cultivation exercises" in client.get(rice.url).content.decode()


def test_related_records_follow_the_policy_and_leave_out_the_chosen_ones(
    es_client, world, make_record, release
):
    rice, kin, members_only, draft, welding = make_corpus(make_record, release)
    rebuild()

    anonymous = [page.pk for page in related_records(rice, None)]
    colleague = [page.pk for page in related_records(rice, world.member_a)]

    assert kin.pk in anonymous and members_only.pk not in anonymous
    assert members_only.pk in colleague
    assert rice.pk not in anonymous + colleague and draft.pk not in anonymous + colleague
    assert kin.pk not in [page.pk for page in related_records(rice, None, exclude=[kin.pk])]


def test_without_search_the_page_shows_records_of_the_same_subject(
    db, client, settings, world, make_record, release
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    crops = SubjectField.objects.get(code="0811")
    rice = release(make_record(subject=crops))
    neighbour = release(make_record(title="Maize growing", subject=crops))
    hidden = release(
        make_record(title="Sorghum exam bank", subject=crops, access_level=AccessLevel.INSTITUTION)
    )
    other = release(make_record(title="Tea ceremony"))

    response = client.get(rice.url)

    assert response.status_code == 200
    page = response.content.decode()
    similar = page[page.index('id="similar-heading"') : page.index('id="cite-heading"')]
    assert neighbour.title in similar
    assert hidden.title not in page and other.title not in similar
    # The next pages do not wait for the node again for a while.
    assert search_client._down_until > time.monotonic() + search_client.RETRY_AFTER_SECONDS - 5


def test_without_search_configured_a_record_without_a_subject_shows_none(
    db, client, settings, world, make_record, release
):
    settings.ELASTICSEARCH_URL = None
    record = release(make_record())

    response = client.get(record.url)

    assert response.status_code == 200
    assert 'id="similar-heading"' not in response.content.decode()
