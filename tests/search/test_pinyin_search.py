"""Chinese in both scripts and in pinyin, on the real node: search and autocomplete.

Traditional and Simplified fold to one form (ICU's Traditional-Simplified
transform in `.zh`); titles, creators' and institutions' names are found by
their pinyin, with or without tones, and by initials; autocomplete suggests a
Chinese title from its pinyin, as the access policy allows.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from resource_hub.records.models import AccessLevel, TeachingResourcePage
from resource_hub.records.services import record_create_draft
from search import lifecycle
from search.params import parse_params
from search.service import autocomplete, search
from tests.world import record_fields


def run(q, user=None):
    return search(parse_params({"q": [q]}, viewer=viewer_of(user or AnonymousUser())))


def found(q, user=None) -> list[str]:
    result = run(q, user)
    assert not result.degraded, result.degraded_reason
    return [hit.title for hit in result.hits]


def suggested(prefix, user=None) -> list[str]:
    suggestions, degraded = autocomplete(prefix, viewer=viewer_of(user or AnonymousUser()))
    assert not degraded
    return [suggestion["title"] for suggestion in suggestions]


@pytest.fixture
def chinese(world, make_record, release):
    """Vocational education in Simplified and in Traditional, and records that only share 教育."""
    made = {
        "simplified": release(make_record(title="职业教育课程设计", abstract="课程开发指南")),
        "traditional": release(make_record(title="職業教育與產業合作", abstract="產學合作案例")),
        "higher": release(make_record(title="高等教育评估方法", abstract="评估指标")),
        "english": release(
            make_record(
                title="Rice cultivation in the Mekong delta",
                abstract="Field notes on paddy rice.",
                language=Language.objects.get(code="en"),
            )
        ),
    }
    lifecycle.rebuild()
    return made


def test_traditional_finds_simplified_and_simplified_finds_traditional(es_client, chinese):
    both = {"职业教育课程设计", "職業教育與產業合作"}
    assert set(found("職業教育")[:2]) == both
    assert set(found("职业教育")[:2]) == both
    # the match is marked in the other script's title
    hit = next(h for h in run("職業教育").hits if h.title == "职业教育课程设计")
    assert "<mark>" in hit.title_html


def test_a_level_named_in_traditional_finds_what_simplified_finds(
    es_client, world, make_record, release
):
    """Filed under vocational education, its words never say so: the level's name finds it,
    in either script."""
    from resource_hub.core.vocabularies import EducationLevel

    vocational = EducationLevel.objects.get(code="sector-vocational")
    release(
        make_record(
            title="Welding safety practice",
            abstract="Workshop drills.",
            language=Language.objects.get(code="en"),
            education_levels=[vocational],
        )
    )
    english = Language.objects.get(code="en")
    release(make_record(title="Welding in art", abstract="Sculpture.", language=english))
    lifecycle.rebuild()
    assert found("职业教育")[0] == "Welding safety practice"
    assert found("職業教育") == found("职业教育")


@pytest.mark.parametrize(
    "q", ["zhiye jiaoyu", "zhíyè jiàoyù", "zhi2ye4 jiao4yu4", "zhiyejiaoyu", "ZhiYe JiaoYu", "zyjy"]
)
def test_pinyin_full_with_tones_joined_and_initials_find_both_scripts(es_client, chinese, q):
    assert set(found(q)) == {"职业教育课程设计", "職業教育與產業合作"}


def test_pinyin_inside_a_longer_title(es_client, chinese):
    assert found("kecheng sheji") == ["职业教育课程设计"]
    assert found("pinggu") == ["高等教育评估方法"]


def test_creators_and_institution_names_by_their_pinyin(es_client, world, release):
    release(
        record_create_draft(
            user=world.teacher_a,
            institution=world.inst_a,
            record_class=TeachingResourcePage,
            creators=[{"name": "王小明"}],
            **record_fields(title="Tea processing", abstract="Withering and rolling."),
        )
    )
    lifecycle.rebuild()

    assert found("wang xiaoming") == ["Tea processing"]
    assert found("wxm") == ["Tea processing"]
    # institution A is 云南农业职业技术学院 (Yunnan Vocational College of Agriculture)
    assert found("nongye zhiye") == ["Tea processing"]


def test_an_english_query_that_reads_as_pinyin_is_not_degraded(es_client, chinese):
    # (every record has the keyword "rice", tests/world.py; "rice" also reads ri ce)
    assert found("rice")[0] == "Rice cultivation in the Mekong delta"
    assert found("rice cultivation")[0] == "Rice cultivation in the Mekong delta"


def test_autocomplete_in_pinyin(es_client, chinese):
    assert set(suggested("zhiye")) == {"职业教育课程设计", "職業教育與產業合作"}
    assert set(suggested("zhíyè jiào")) == {"职业教育课程设计", "職業教育與產業合作"}
    assert set(suggested("zhi ye")) == {"职业教育课程设计", "職業教育與產業合作"}
    assert suggested("gdjy") == ["高等教育评估方法"]
    assert suggested("Rice cu") == ["Rice cultivation in the Mekong delta"]


def test_pinyin_autocomplete_keeps_to_what_the_viewer_may_see(
    es_client, world, make_record, release
):
    release(make_record(title="公开课程资源", abstract="公开"))
    release(
        make_record(title="内部考试题库", abstract="题库", access_level=AccessLevel.INSTITUTION)
    )
    make_record(title="未发布草稿教案", abstract="草稿")  # never released
    released = release(make_record(title="已发布教案", abstract="教案"))
    lifecycle.rebuild()
    # an unreleased edit of a released record: its new title is not indexed
    released.title = "秘密修订标题"
    released.save_revision(user=world.teacher_a)

    anonymous = AnonymousUser()
    assert suggested("gongkai", anonymous) == ["公开课程资源"]
    assert suggested("neibu", anonymous) == []
    assert suggested("nbks", anonymous) == []
    assert suggested("weifabu", anonymous) == []
    assert suggested("mimi", anonymous) == []
    assert suggested("yifabu", anonymous) == ["已发布教案"]
    # a member of the institution is offered its members' record
    assert suggested("neibu kaoshi", world.member_a) == ["内部考试题库"]
    assert suggested("neibu", world.teacher_b) == []
