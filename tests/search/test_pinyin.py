"""search.pinyin: what the index stores for Chinese text, and which queries read as pinyin."""

import pytest

from search.pinyin import (
    SYLLABLES,
    completion_inputs,
    completion_prefix,
    parse_query,
    pinyin_forms,
)


def test_the_syllables_are_those_of_pypinyins_dictionary():
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {reading for value in pinyin_dict.values() for reading in value.split(",")}
    normal = {to_normal(reading) for reading in readings}
    assert {s for s in normal if s.isalpha() and s.isascii()} == SYLLABLES


def test_chinese_text_gives_toneless_syllables_joined_form_and_initials():
    forms = pinyin_forms(["职业教育课程", "Rice 水稻 cultivation", "Nguyen Van An", ""])

    assert forms.syllables == [
        "zhi ye jiao yu ke cheng",
        "zhiyejiaoyukecheng",
        "shui dao",
        "shuidao",
    ]
    assert forms.initials == ["z y j y k c", "s d"]


def test_both_scripts_give_the_same_pinyin_and_polyphones_follow_the_word():
    assert pinyin_forms(["職業教育"]) == pinyin_forms(["职业教育"])
    assert pinyin_forms(["银行"]).syllables[0] == "yin hang"  # not yin xing


def test_completion_inputs_of_a_chinese_title_only():
    assert completion_inputs("职业教育") == ["zhi ye jiao yu", "zhiyejiaoyu", "zyjy"]
    assert completion_inputs("Rice cultivation") == []


@pytest.mark.parametrize(
    ("q", "syllables"),
    [
        ("zhiye jiaoyu", ("zhi", "ye", "jiao", "yu")),
        ("zhíyè jiàoyù", ("zhi", "ye", "jiao", "yu")),
        ("zhi2ye4 jiao4yu4", ("zhi", "ye", "jiao", "yu")),
        ("ZhiYeJiaoYu", ("zhi", "ye", "jiao", "yu")),
        ("xi'an", ("xi", "an")),
        ("lǜsè", ("lv", "se")),  # ü is written v, as pypinyin does
    ],
)
def test_pinyin_queries_with_or_without_tones(q, syllables):
    assert parse_query(q).syllables == syllables


def test_initials():
    assert parse_query("zyjy").initials == ("z", "y", "j", "y")
    assert parse_query("zy jy") is None  # initials are one run


@pytest.mark.parametrize(
    "q", ["rice cultivation", "photosynthesis", "hutan bakau", "Tiếng Việt", "水稻", "zhiye 教育"]
)
def test_queries_that_are_not_pinyin_through_and_through(q):
    assert parse_query(q) is None


def test_an_autocomplete_prefix_in_pinyin_may_end_inside_a_syllable():
    assert completion_prefix("zhíyè jia") == "zhiyejia"
    assert completion_prefix("zhi2 ye4") == "zhiye"
    assert completion_prefix("photosynth") == ""
