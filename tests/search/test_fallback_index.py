"""The database search reads its own index (`search/fallback_index.py`), kept current
by publishing: what `icontains` found before is still found, and no more slowly."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from resource_hub.records.models import RecordPage
from resource_hub.records.services import record_release, record_update_draft, record_withdraw
from search.fallback import database_search
from search.fallback_index import GIN_INDEX, matching, refresh, text_grams, word_grams
from search.models import FallbackEntry
from search.params import SearchParams


def found(q: str, user=None) -> list[str]:
    params = SearchParams(q=q, viewer=viewer_of(user or AnonymousUser()))
    return [hit.title for hit in database_search(params, reason="test").hits]


@pytest.fixture
def corpus(world, make_record, release):
    """Records in Chinese, Thai, Vietnamese and Indonesian, one with a Khmer translation."""

    def make(keywords=None, **fields):
        record = make_record(**fields)
        if keywords:
            record = record_update_draft(user=world.teacher_a, record=record, keywords=keywords)
        return release(record)

    return {
        "zh": make(title="水稻栽培技术", abstract="稻田水分管理与病虫害防治"),
        "th": make(
            title="การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น",
            abstract="บทเรียนการเขียนโปรแกรมสำหรับนักเรียน",
            language=Language.objects.get(code="th"),
            keywords=["คอมพิวเตอร์"],
        ),
        "vi": make(
            title="Tiếng Việt cho người nước ngoài",
            abstract="Giáo trình phát âm và ngữ pháp",
            language=Language.objects.get(code="vi"),
            keywords=["ngôn ngữ học"],
        ),
        "id": make(
            title="Pendidikan kejuruan di Indonesia",
            abstract="Modul untuk guru sekolah menengah kejuruan",
            language=Language.objects.get(code="id"),
            keywords=["vokasi"],
            translations=[
                {
                    "language": Language.objects.get(code="km"),
                    "title": "ការអប់រំវិជ្ជាជីវៈនៅឥណ្ឌូនេស៊ី",
                    "abstract": "មេរៀនសម្រាប់គ្រូបង្រៀន",
                }
            ],
        ),
    }


@pytest.mark.parametrize(
    ("q", "title"),
    [
        ("水稻", "水稻栽培技术"),  # a 2-character word at the start of a sentence
        ("栽培", "水稻栽培技术"),  # ... and inside it
        ("病虫害", "水稻栽培技术"),  # in the abstract
        ("稻", "水稻栽培技术"),  # one character: no gram, the text alone
        ("โปรแกรม", "การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น"),  # a Thai word inside a sentence
        ("นักเรียน", "การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น"),
        ("ngữ pháp", "Tiếng Việt cho người nước ngoài"),
        ("NGÔN", "Tiếng Việt cho người nước ngoài"),  # a keyword, another case
        ("didik", "Pendidikan kejuruan di Indonesia"),  # inside a longer word
        ("vokasi", "Pendidikan kejuruan di Indonesia"),  # a keyword
        ("វិជ្ជាជីវៈ", "Pendidikan kejuruan di Indonesia"),  # a Khmer word in a translation
        ("li wei", "水稻栽培技术"),  # a creator (world's make_record credits Li Wei)
    ],
)
def test_what_icontains_found_is_still_found(corpus, q, title):
    assert title in found(q)


def test_every_word_must_be_there_not_only_its_grams(corpus):
    assert found("水稻 kejuruan") == []
    assert found("稻水") == []  # both characters are in the record, not in this order
    assert found("ngữ pháp") == ["Tiếng Việt cho người nước ngoài"]


def test_a_word_holds_every_gram_the_text_holds_around_it():
    text = "ประวัติ水稻栽培 pendidikan"
    for word in ["水稻", "稻栽培", "didik", "pendidikan", "ระวั"]:
        assert word_grams(word) <= text_grams(text)
    assert word_grams("稻") == set()


def test_a_release_an_edit_and_a_withdrawal_reach_the_fallback(world, make_record):
    record = make_record(title="Cassava fermentation", abstract="Starch and yeast")
    assert found("cassava") == []  # a draft: no entry is even needed

    record = record_release(user=world.editor_a, record=record)
    assert found("cassava") == ["Cassava fermentation"]

    record_update_draft(user=world.teacher_a, record=record, title="Tapioca fermentation")
    assert found("tapioca") == []  # an unreleased change is not searched
    record = record_release(user=world.editor_a, record=record)
    assert found("tapioca") == ["Tapioca fermentation"]
    assert found("cassava") == []

    record_withdraw(user=world.editor_a, record=record, reason="Duplicate")
    assert found("tapioca") == []
    assert FallbackEntry.objects.filter(record_id=record.pk).exists()  # policy decides, not us


def test_a_restricted_record_is_found_only_by_who_may_see_it(world, make_record, release):
    release(make_record(title="Greenhouse irrigation", access_level="registered"))

    assert found("greenhouse") == []
    assert found("greenhouse", world.teacher_b) == ["Greenhouse irrigation"]


def test_a_deleted_record_leaves_no_entry(world, make_record, release):
    record = release(make_record(title="Soil sampling"))
    assert FallbackEntry.objects.filter(record_id=record.pk).exists()

    record.delete()

    assert not FallbackEntry.objects.filter(record_id=record.pk).exists()


def test_refreshing_costs_five_queries_however_many_records(corpus, django_assert_num_queries):
    with django_assert_num_queries(5):  # translations, keywords, creators, records, upsert
        assert refresh([record.pk for record in corpus.values()]) == 4


def test_a_search_costs_the_same_queries_for_one_word_or_three(corpus, django_assert_num_queries):
    database_search(SearchParams(q="水稻", viewer=viewer_of(AnonymousUser())), reason="warm")
    # The policy's restricted paths, one grouped count (the total and three facets)
    # and the page; the facets' labels are kept per process (search/labels.py) after
    # the first search: none per word, none per record.
    with django_assert_num_queries(3) as one:
        found("水稻")
    with django_assert_num_queries(len(one.captured_queries)):
        found("pendidikan kejuruan indonesia")


def test_the_words_are_looked_up_in_the_gram_index(corpus):
    """The planner can answer the word lookup from the GIN index (on a table this
    small it would rather read it all, so sequential scans are switched off)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = matching("水稻 kejuruan").explain()

    assert GIN_INDEX in plan, plan


def test_the_facets_count_what_was_found_and_leave_out_their_own_selection(
    world, make_record, release
):
    release(make_record(title="Paddy water 2024", year=2024))
    release(make_record(title="Paddy soil 2025", year=2025))
    release(make_record(title="Paddy pests 2025", year=2025))
    release(make_record(title="Orchard pests", year=2025))
    viewer = viewer_of(AnonymousUser())

    def years(**filters):
        params = SearchParams(q="paddy", viewer=viewer, filters=filters)
        result = database_search(params, reason="test")
        facet = next(facet for facet in result.facets if facet.name == "year")
        return result.total, {value.value: value.count for value in facet.values}

    assert years() == (3, {"2025": 2, "2024": 1})
    assert years(year=("2024",)) == (1, {"2025": 2, "2024": 1})


def test_pages_run_newest_first_and_say_how_many_were_found(world, make_record, release):
    for n in range(5):
        release(make_record(title=f"Worksheet {n}"))
    viewer = viewer_of(AnonymousUser())

    def page(number):
        params = SearchParams(q="worksheet", viewer=viewer, page=number, page_size=2)
        result = database_search(params, reason="test")
        return result.total, [hit.title for hit in result.hits]

    assert page(1) == (5, ["Worksheet 4", "Worksheet 3"])
    assert page(2) == (5, ["Worksheet 2", "Worksheet 1"])
    assert page(3) == (5, ["Worksheet 0"])


def test_the_migration_fills_the_entries_of_records_already_there(corpus):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("search.migrations.0002_fallback_entry_fill_and_gin_index")
    made_by_publishing = dict(FallbackEntry.objects.values_list("record_id", "text"))
    FallbackEntry.objects.all().delete()

    migration.fill(apps, schema_editor=None)

    assert dict(FallbackEntry.objects.values_list("record_id", "text")) == made_by_publishing
    assert "水稻栽培技术" in found("栽培")


def test_traditional_and_simplified_chinese_find_each_other(world, make_record, release):
    release(make_record(title="職業教育與產業合作", abstract="產學合作案例"))
    release(make_record(title="职业教育课程设计", abstract="课程开发指南"))
    both = {"職業教育與產業合作", "职业教育课程设计"}

    assert set(found("职业教育")) == set(found("職業教育")) == both
    assert set(found("產學")) == set(found("产学")) == {"職業教育與產業合作"}
    # marked in each title as it is written
    params = SearchParams(q="职业教育", viewer=viewer_of(AnonymousUser()))
    marked = {hit.title: hit.title_html for hit in database_search(params, reason="test").hits}
    assert marked["職業教育與產業合作"] == "<mark>職業教育</mark>與產業合作"
    assert marked["职业教育课程设计"] == "<mark>职业教育</mark>课程设计"


def test_migration_0003_folds_the_entries_written_before_it(world, make_record, release):
    from importlib import import_module

    from django.apps import apps

    record = release(make_record(title="職業教育與產業合作", abstract="產學合作案例"))
    FallbackEntry.objects.filter(record=record).update(text="職業教育與產業合作", grams="職業 業教")
    assert found("职业教育") == []  # an entry as written before the folding

    import_module("search.migrations.0003_fallback_entry_fold_chinese_scripts").fill(
        apps, schema_editor=None
    )

    assert found("职业教育") == ["職業教育與產業合作"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_runs_on_a_database_that_has_records(corpus):
    """Its operations as the migration executor runs them, on a site with records
    (committed, as a real site's are): the GIN index is made before the entries are
    written (PostgreSQL refuses CREATE INDEX on a table written earlier in the same
    transaction)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("search", "0001_fallback_entry")])
    FallbackEntry.objects.all().delete()  # a site from before: records, no entries

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("search"))  # 0002, then 0003 again

    assert FallbackEntry.objects.count() == RecordPage.objects.count()
    assert "水稻栽培技术" in found("栽培")
