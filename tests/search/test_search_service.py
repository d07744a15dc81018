"""search.service against the real node: language matching, drafts, facets, access, sort."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from resource_hub.records.models import AccessLevel
from search import lifecycle
from search.params import parse_params
from search.service import autocomplete, search


def run(user=None, **query):
    user = user or AnonymousUser()
    data = {key: value if isinstance(value, list) else [value] for key, value in query.items()}
    return search(parse_params(data, viewer=viewer_of(user)))


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


@pytest.fixture
def corpus(world, make_record, release):
    """Released records in Chinese, Thai and Vietnamese, and a draft."""
    made = {
        "rice": release(make_record(title="水稻栽培技术", abstract="稻田水分管理与病虫害防治")),
        "thai": release(
            make_record(
                title="การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น",
                abstract="บทเรียนการเขียนโปรแกรมสำหรับนักเรียน",
                language=Language.objects.get(code="th"),
                year=2023,
            )
        ),
        "viet": release(
            make_record(
                title="Tiếng Việt cho người nước ngoài",
                abstract="Giáo trình phát âm và ngữ pháp",
                language=Language.objects.get(code="vi"),
                year=2024,
            )
        ),
        "draft": make_record(title="Secret cassava fermentation draft", abstract="cassava"),
    }
    lifecycle.rebuild()
    return made


def test_a_record_is_found_by_a_chinese_word(es_client, corpus):
    result = run(q="水稻")
    assert not result.degraded
    assert titles(result)[0] == "水稻栽培技术"
    assert "<mark>" in result.hits[0].title_html


def test_a_record_is_found_by_a_thai_word(es_client, corpus):
    assert titles(run(q="โปรแกรม"))[:1] == ["การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น"]


@pytest.mark.parametrize("q", ["tiếng việt", "tieng viet", "ngữ pháp", "ngu phap"])
def test_vietnamese_matches_with_and_without_diacritics(es_client, corpus, q):
    assert titles(run(q=q))[:1] == ["Tiếng Việt cho người nước ngoài"]


def test_a_drafts_title_appears_nowhere(es_client, corpus):
    result = run(q="cassava fermentation")
    assert result.total == 0 and result.hits == []
    everything = run()
    assert corpus["draft"].pk not in {hit.id for hit in everything.hits}
    assert everything.total == 3
    labels = [value.label for facet in everything.facets for value in facet.values]
    assert not any("cassava" in label.lower() for label in labels)
    assert "cassava" not in (run(q="casava fermentaton").suggestion or "")
    suggestions, degraded = autocomplete("Secret", viewer=viewer_of(AnonymousUser()))
    assert suggestions == [] and not degraded


def test_a_typo_in_a_latin_word_still_finds_and_suggests(es_client, corpus):
    result = run(q="Giao trinh phat amm")
    assert titles(result)[:1] == ["Tiếng Việt cho người nước ngoài"]


def test_facet_counts_ignore_their_own_selection(es_client, corpus):
    result = run(language=["th"])

    assert titles(result) == ["การเขียนโปรแกรมคอมพิวเตอร์เบื้องต้น"]
    language = next(f for f in result.facets if f.name == "language")
    counts = {value.value: (value.count, value.selected) for value in language.values}
    # the language facet still counts every language: its own selection is off
    assert counts == {"zh": (1, False), "th": (1, True), "vi": (1, False)}
    # another facet counts within the selection
    year = next(f for f in result.facets if f.name == "year")
    assert {value.value: value.count for value in year.values} == {"2023": 1}


def test_two_values_of_one_facet_are_either_or(es_client, corpus):
    result = run(language=["th", "vi"], sort="newest")
    assert result.total == 2


def test_the_has_files_facet_reads_booleans(es_client, corpus):
    result = run(has_files="false")
    assert result.total == 3
    files = next(f for f in result.facets if f.name == "has_files")
    assert [(v.value, v.count, v.selected) for v in files.values] == [("false", 3, True)]
    assert run(has_files="true").total == 0


def test_khmer_is_found_inside_a_word_by_its_ngrams(es_client, world, make_record, release):
    khmer = release(
        make_record(title="ភាសាខ្មែរសម្រាប់អ្នកចាប់ផ្តើម", language=Language.objects.get(code="km"))
    )
    release(make_record(title="Rice cultivation"))
    lifecycle.rebuild()

    result = run(q="ខ្មែរ")
    assert [hit.id for hit in result.hits] == [khmer.pk]
    # The word is marked whole, not syllable by syllable.
    assert result.hits[0].title_html == "ភាសា<mark>ខ្មែរ</mark>សម្រាប់អ្នកចាប់ផ្តើម"


def test_snippets_come_from_the_language_sub_field_that_matched(es_client, full_record):
    full_record(title="Giáo trình ngữ pháp", text="Bài tập phát âm cho sinh viên")
    lifecycle.rebuild()

    hit = run(q="phat am").hits[0]  # typed without diacritics: only title.vi / file_text.vi match
    assert hit.snippets == ["Bài tập <mark>phát</mark> <mark>âm</mark> cho sinh viên"]


def test_a_registered_record_is_hidden_from_anonymous_and_shown_to_a_signed_in_user(
    es_client, world, make_record, release
):
    release(make_record(title="Members' rice handbook", access_level=AccessLevel.REGISTERED))
    release(make_record(title="Open rice handbook"))
    lifecycle.rebuild()

    assert titles(run(q="rice handbook")) == ["Open rice handbook"]
    assert sorted(titles(run(world.teacher_b, q="rice handbook"))) == [
        "Members' rice handbook",
        "Open rice handbook",
    ]
    anonymous_titles, _ = autocomplete("Members", viewer=viewer_of(AnonymousUser()))
    assert anonymous_titles == []
    signed_in, _ = autocomplete("Members", viewer=viewer_of(world.teacher_b))
    assert [s["title"] for s in signed_in] == ["Members' rice handbook"]


def test_an_institution_record_is_shown_only_to_its_members(es_client, world, make_record, release):
    release(make_record(title="Exam bank of college A", access_level=AccessLevel.INSTITUTION))
    lifecycle.rebuild()

    assert titles(run(world.member_a, q="exam bank")) == ["Exam bank of college A"]
    assert titles(run(world.teacher_b, q="exam bank")) == []
    assert titles(run(q="exam bank")) == []


def test_sort_newest_puts_the_latest_release_first(es_client, world, make_record, release):
    for title in ("First lesson", "Second lesson", "Third lesson"):
        release(make_record(title=title))
    lifecycle.rebuild()

    assert titles(run(q="lesson", sort="newest")) == [
        "Third lesson",
        "Second lesson",
        "First lesson",
    ]


def test_pages_do_not_overlap(es_client, world, make_record, release):
    for number in range(5):
        release(make_record(title=f"Worksheet {number}"))
    lifecycle.rebuild()

    first = run(q="worksheet", page_size="2")
    second = run(q="worksheet", page_size="2", page="2")
    third = run(q="worksheet", page_size="2", page="3")

    assert first.total == 5 and first.pages == 3
    seen = titles(first) + titles(second) + titles(third)
    assert sorted(seen) == [f"Worksheet {n}" for n in range(5)]


def test_without_elasticsearch_the_database_answers_degraded(db, settings, corpus_db):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    result = run(q="水稻")

    assert result.degraded and "unreachable" in result.degraded_reason
    assert titles(result) == ["水稻栽培技术"]
    assert result.hits[0].title_html == "<mark>水稻</mark>栽培技术"
    assert run(q="Secret cassava").hits == []


def test_without_a_configured_node_the_database_answers(db, settings, corpus_db):
    settings.ELASTICSEARCH_URL = None

    result = run(q="水稻")

    assert result.degraded and result.degraded_reason == "search is not configured"
    assert titles(result) == ["水稻栽培技术"]


@pytest.fixture
def corpus_db(world, make_record, release):
    release(make_record(title="水稻栽培技术"))
    make_record(title="Secret cassava draft")


def test_did_you_mean_corrects_a_latin_typo_only_towards_visible_records(
    es_client, world, make_record, release
):
    release(make_record(title="Rice cultivation techniques"))
    release(make_record(title="Greenhouse irrigation", access_level=AccessLevel.REGISTERED))
    lifecycle.rebuild()

    assert run(q="rice cultivaton").suggestion == "rice cultivation"
    assert run(q="greenhose").suggestion == ""  # only a registered-only title has it
    assert run(world.teacher_b, q="greenhose").suggestion == "greenhouse"
    assert run(q="水稻").suggestion == ""


def test_after_an_outage_searches_skip_the_node_for_a_while(es_client, corpus, monkeypatch):
    from search import client as search_client

    assert not run(q="水稻").degraded
    monkeypatch.setattr(search_client, "_down_until", time.monotonic() + 60)  # as after a failure

    result = run(q="水稻")  # the node answers, but is not asked

    assert result.degraded and "水稻栽培技术" in titles(result)


def test_a_failure_marks_the_node_down_until_the_settings_change(db, settings):
    from search import client as search_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert run(q="x").degraded
    assert search_client._down_until > time.monotonic() + search_client.RETRY_AFTER_SECONDS - 5

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:10"
    assert search_client._down_until == 0.0
