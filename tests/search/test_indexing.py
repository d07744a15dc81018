"""Released records become documents: what a document holds, and at what cost in queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resource_hub.files.models import DocumentText
from resource_hub.stats.models import CounterMetric, DailyUsage
from search.indexing import documents_for, indexable_records, iter_documents


def downloaded(record, count, metric=CounterMetric.UNIQUE_ITEM_REQUESTS):
    """`count` COUNTER downloads of `record` (one day's row)."""
    DailyUsage.objects.create(
        record_id=record.pk, day=timezone.localdate(), metric=metric, count=count
    )


def test_only_released_records_are_indexable(make_record, release):
    draft = make_record(title="Unreleased draft about cassava")
    released = release(make_record(title="Released lesson"))

    assert list(indexable_records().values_list("pk", flat=True)) == [released.pk]
    assert draft.pk not in {document["id"] for document in iter_documents(indexable_records())}


def test_a_released_record_edited_again_keeps_its_released_title(world, make_record, release):
    from resource_hub.records.services import record_update_draft

    record = release(make_record(title="Released title"))
    record_update_draft(user=world.teacher_a, record=record, title="Secret new draft title")

    (document,) = documents_for(indexable_records())

    assert document["title"] == "Released title"
    assert "Secret new draft title" not in str(document)


def test_the_document_holds_translations_file_text_and_institutions(world, full_record):
    record = full_record()
    downloaded(record, 7)
    downloaded(record, 40, metric=CounterMetric.TOTAL_ITEM_REQUESTS)  # not what is counted

    (document,) = documents_for(indexable_records())

    assert document["id"] == record.pk
    assert document["record_type"] == "teaching_resource"
    assert document["version"] == record.live_revision_id
    assert document["title"] == "水稻栽培技术 Rice cultivation techniques"
    assert document["translations"] == [
        {"language": "th", "title": "เทคนิคการปลูกข้าว", "abstract": "แผนการสอนสำหรับนักศึกษา"}
    ]
    # each title, and the pinyin of the Chinese one: spaced, joined, initials
    assert document["suggest"] == [
        {
            "input": [
                "水稻栽培技术 Rice cultivation techniques",
                "shui dao zai pei ji shu",
                "shuidaozaipeijishu",
                "sdzpjs",
            ]
        },
        {"input": ["เทคนิคการปลูกข้าว"]},
    ]
    assert document["pinyin"] == {
        "title": {
            "full": ["shui dao zai pei ji shu", "shuidaozaipeijishu"],
            "initials": ["s d z p j s"],
        },
        "creators": {"full": [], "initials": []},  # Li Wei: no Chinese characters
        "institutions": {  # 云南农业职业技术学院; the partner's names are English and Thai
            "full": ["yun nan nong ye zhi ye ji shu xue yuan", "yunnannongyezhiyejishuxueyuan"],
            "initials": ["y n n y z y j s x y"],
        },
    }
    assert document["file_text"] == "稻田水分管理 paddy water"
    assert document["has_files"] is True and document["file_count"] == 1
    assert sorted(document["keywords"]) == ["rice", "水稻"]
    assert document["creators"][0]["name"] == "Li Wei"
    assert document["institution"]["name_local"] == "云南农业职业技术学院"
    assert document["country"] == "CN"
    assert [p["name_local"] for p in document["partners"]] == ["จุฬาลงกรณ์มหาวิทยาลัย"]
    assert document["languages"] == ["th", "zh"]
    assert document["access_level"] == "public"
    assert document["download_count"] == 7
    assert document["published_at"] and document["first_published_at"]


def test_file_text_is_capped(settings, full_record):
    settings.ELASTICSEARCH_FILE_TEXT_MAX_CHARS = 10
    full_record(text="0123456789abcdef")

    (document,) = documents_for(indexable_records())

    assert document["file_text"] == "0123456789"


def test_the_fingerprint_follows_the_content_not_the_download_count(full_record):
    record = full_record()
    before = documents_for(indexable_records())[0]["fingerprint"]
    downloaded(record, 3)
    assert documents_for(indexable_records())[0]["fingerprint"] == before

    DocumentText.objects.filter(document__record_files__record=record).update(text="changed")
    assert documents_for(indexable_records())[0]["fingerprint"] != before


def test_building_documents_takes_a_fixed_number_of_queries(
    full_record, django_assert_max_num_queries
):
    def queries_for_all():
        with CaptureQueriesContext(connection) as captured:
            documents = list(iter_documents(indexable_records()))
        return len(documents), len(captured)

    full_record(title="First")
    full_record(title="Second")
    few = queries_for_all()
    for n in range(4):
        full_record(title=f"More {n}")
    many = queries_for_all()

    assert few[0] == 2 and many[0] == 6
    assert many[1] == few[1], "queries grow with the number of records"
    with django_assert_max_num_queries(12):
        list(iter_documents(indexable_records()))


def test_the_access_clauses_follow_the_restrictions_that_really_apply(world, make_record, release):
    """However a restriction was set (our release, Wagtail's privacy dialog, on a parent),
    the document carries one clause per restriction on the record's path, and a label."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    record = make_record()
    release(record)

    def access():
        (document,) = documents_for(indexable_records())
        clauses = sorted(sorted(clause["tokens"]) for clause in document["access_clauses"])
        return document["access_level"], clauses, document["access_suggest"]

    assert access() == ("public", [], ["anyone"])
    login = PageViewRestriction.objects.create(page=record, restriction_type="login")
    assert access() == ("registered", [["authenticated"]], ["authenticated"])
    own = PageViewRestriction.objects.create(page=world.inst_a, restriction_type="groups")
    own.groups.set(world.inst_a.member_groups)
    groups = sorted(["group:*", *(f"group:{g.pk}" for g in world.inst_a.member_groups)])
    # the stricter label; the login clause adds nothing to the completion context
    assert access() == ("institution", [["authenticated"], groups], groups)
    login.delete()
    visitors = Group.objects.create(name="Visiting examiners")
    own.groups.add(visitors)
    groups = sorted([*groups, f"group:{visitors.pk}"])
    assert access() == ("institution", [groups], groups)
    own.delete()
    secret = PageViewRestriction.objects.create(
        page=record, restriction_type="password", password="x"
    )
    token = [f"password:{secret.pk}"]
    assert access() == ("restricted", [token], token)
