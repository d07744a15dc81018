"""Thai, Lao, Khmer and Burmese by dictionary words, on the real node.

The field itself holds ICU's words (`icu_tokenizer`); the 2-3 character
n-grams are a fallback that must find the word as a whole (its pieces in a
row), never a record that only shares a syllable with it. Highlights mark the
whole word.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from search import lifecycle
from search.params import parse_params
from search.service import search

#: (language, the record's title, a title sharing a syllable, the query, the title marked)
CASES = [
    (
        "km",
        "លំហាត់គណិតវិទ្យាសម្រាប់សិស្ស",  # mathematics exercises for students
        "មេរៀនជីវវិទ្យាថ្នាក់ទី៨",  # biology lessons: shares វិទ្យា
        "គណិតវិទ្យា",
        "លំហាត់<mark>គណិតវិទ្យា</mark>សម្រាប់សិស្ស",
    ),
    (
        "lo",
        "ແບບຝຶກຫັດຄະນິດສາດ",  # mathematics exercises
        "ວິທະຍາສາດທຳມະຊາດ",  # natural science: shares ສາດ
        "ຄະນິດສາດ",
        "ແບບຝຶກຫັດ<mark>ຄະນິດສາດ</mark>",
    ),
    (
        "my",
        "ဓာတုဗေဒလက်တွေ့စမ်းသပ်ချက်များ",  # chemistry practicals
        "ရူပဗေဒသင်ခန်းစာ",  # physics lessons: shares ဗေဒ
        "ဓာတုဗေဒ",
        "<mark>ဓာတုဗေဒ</mark>လက်တွေ့စမ်းသပ်ချက်များ",
    ),
    (
        "th",
        "แบบฝึกหัดคณิตศาสตร์",  # mathematics exercises
        "ประวัติศาสตร์ไทย",  # Thai history: shares ศาสตร์
        "คณิตศาสตร์",
        "แบบฝึกหัด<mark>คณิตศาสตร์</mark>",
    ),
]


def run(q):
    result = search(parse_params({"q": [q]}, viewer=viewer_of(AnonymousUser())))
    assert not result.degraded, result.degraded_reason
    return result


@pytest.mark.parametrize(("language", "title", "other", "q", "marked"), CASES)
def test_a_word_finds_its_record_only_and_is_marked_whole(
    es_client, make_record, release, language, title, other, q, marked
):
    code = Language.objects.get(code=language)
    record = release(make_record(title=title, abstract=title, language=code))
    release(make_record(title=other, abstract=other, language=code))
    lifecycle.rebuild()

    result = run(q)
    assert [hit.id for hit in result.hits] == [record.pk]
    assert result.hits[0].title_html == marked


def test_the_ngram_fallback_finds_a_word_inside_a_compound_and_marks_it_whole(
    es_client, make_record, release
):
    # ICU reads ដាំស្រូវ (planting rice) as one word; ស្រូវ (rice) is inside it.
    khmer = Language.objects.get(code="km")
    record = release(make_record(title="ការដាំស្រូវសរីរាង្គ", abstract="ស្រូវ", language=khmer))
    release(make_record(title="ស្រាវជ្រាវ", abstract="ស្រាវជ្រាវ", language=khmer))  # research
    lifecycle.rebuild()

    result = run("ស្រូវ")
    assert [hit.id for hit in result.hits] == [record.pk]
    assert result.hits[0].title_html == "ការដាំ<mark>ស្រូវ</mark>សរីរាង្គ"
