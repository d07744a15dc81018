"""APA 7 and GB/T 7714-2015 references, for the names people here really have."""

from datetime import date

import pytest

from resource_hub.records.citation import (
    Work,
    apa,
    apa_authors,
    apa_name,
    apa_parts,
    gbt7714,
    gbt_authors,
    gbt_name,
)

URL = "https://hub.example.org/en/yunnan/rice/"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("李伟", "李伟"),  # Chinese characters: whole, as written
        ("Li Wei", "Li, W."),  # pinyin: family name first
        ("Wang Xiaoming", "Wang, X."),
        ("Ouyang Min", "Ouyang, M."),
        ("Nguyễn Văn An", "Nguyễn, V. A."),  # Vietnamese: family name first
        ("Trần Thị Bích Ngọc", "Trần, T. B. N."),
        ("สมชาย ใจดี", "สมชาย ใจดี"),  # Thai script: whole
        ("Somchai Jaidee", "Jaidee, S."),  # romanised Thai: given name first
        ("Jean-Paul Sartre", "Sartre, J.-P."),
        ("Josefina Dela Cruz", "Dela Cruz, J."),  # Filipino: the particle stays with the name
        ("Smith, John Ronald", "Smith, J. R."),  # the creator's own split wins
        ("Aung San Suu Kyi", "Kyi, A. S. S."),  # romanised Burmese: no rule to guess by
        ("UNESCO", "UNESCO"),
    ],
)
def test_apa_names(raw, expected):
    assert apa_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("李伟", "李伟"),
        ("Li Wei", "LI W"),
        ("Nguyễn Văn An", "NGUYỄN V A"),
        ("Somchai Jaidee", "JAIDEE S"),
        ("สมชาย ใจดี", "สมชาย ใจดี"),
        ("Jean-Paul Sartre", "SARTRE J P"),
    ],
)
def test_gbt_names(raw, expected):
    assert gbt_name(raw) == expected


def test_apa_lists_two_and_three_authors_with_an_ampersand():
    assert apa_authors(["Li Wei", "Somchai Jaidee"]) == "Li, W., & Jaidee, S."
    assert (
        apa_authors(["李伟", "Nguyễn Văn An", "Somchai Jaidee"])
        == "李伟, Nguyễn, V. A., & Jaidee, S."
    )


def test_apa_lists_twenty_authors_then_an_ellipsis_and_the_last():
    creators = [f"Anna Author{n}" for n in range(25)]

    listed = apa_authors(creators)

    assert listed.count("Anna") == 0  # inverted: "Anna Author3" → "Author3, A."
    assert listed.count(", A.") == 20
    assert "Author18, A., . . . Author24, A." in listed
    assert "Author19" not in listed


def test_gbt_lists_three_authors_then_deng_or_et_al():
    four = ["李伟", "王芳", "陈静", "赵强"]

    assert gbt_authors(four[:3], language="zh") == "李伟, 王芳, 陈静"
    assert gbt_authors(four, language="zh") == "李伟, 王芳, 陈静, 等"
    assert gbt_authors(["Somchai Jaidee", *four], language="th") == ("JAIDEE S, 李伟, 王芳, et al")


def chinese_lesson(**overrides):
    fields = {
        "title": "水稻栽培技术",
        "creators": ["李伟", "王芳", "陈静", "赵强"],
        "year": 2025,
        "type_code": "material-lesson-plan",
        "type_label": "Lesson plan",
        "publisher": "云南农业职业技术学院",
        "language": "zh",
        "url": URL,
        "english_title": "Rice cultivation techniques",
    }
    fields.update(overrides)
    return Work(**fields)


def test_apa_reference_of_a_chinese_lesson_plan_with_its_translated_title():
    work = chinese_lesson()

    assert apa(work) == (
        "李伟, 王芳, 陈静, & 赵强. (2025). 水稻栽培技术 [Rice cultivation techniques] "
        f"[Lesson plan]. 云南农业职业技术学院. {URL}"
    )
    assert apa_parts(work)[1] == "水稻栽培技术"  # the part shown in italics


def test_apa_reference_of_a_paper_prefers_its_doi():
    work = chinese_lesson(
        title="Rice yields in Viet Nam",
        creators=["Nguyễn Văn An"],
        language="en",
        type_code="achievement-paper",
        type_label="Paper",
        doi="10.1000/xyz123",
    )

    assert apa(work) == (
        "Nguyễn, V. A. (2025). Rice yields in Viet Nam [Paper]. 云南农业职业技术学院. "
        "https://doi.org/10.1000/xyz123"
    )


def test_apa_reference_without_creators_or_year_starts_with_the_title():
    work = chinese_lesson(creators=[], year=None, english_title="", language="en", title="Soils")

    assert apa(work) == f"Soils [Lesson plan]. (n.d.). 云南农业职业技术学院. {URL}"


def test_gbt_reference_of_an_online_lesson_with_access_date():
    reference = gbt7714(chinese_lesson(), accessed=date(2026, 11, 28))

    assert reference == (
        f"李伟, 王芳, 陈静, 等. 水稻栽培技术[EB/OL]. 云南农业职业技术学院, 2025[2026-11-28]. {URL}."
    )


@pytest.mark.parametrize(
    ("type_code", "code"),
    [
        ("achievement-paper", "[J/OL]"),
        ("achievement-report", "[R/OL]"),
        ("achievement-textbook", "[M/OL]"),
        ("achievement-standard", "[S/OL]"),
        ("achievement-dataset", "[DS/OL]"),
        ("achievement-software", "[CP/OL]"),
        ("material-video", "[EB/OL]"),
    ],
)
def test_gbt_document_type_codes(type_code, code):
    assert code in gbt7714(chinese_lesson(type_code=type_code))


def test_gbt_reference_of_a_thai_paper_with_doi_and_et_al():
    work = chinese_lesson(
        title="การปลูกข้าวอินทรีย์",
        creators=["สมชาย ใจดี", "Somchai Jaidee", "Nguyễn Văn An", "Li Wei"],
        language="th",
        type_code="achievement-paper",
        publisher="Chulalongkorn University",
        doi="10.1000/abc",
    )

    reference = gbt7714(work, accessed=date(2026, 1, 5))

    assert reference == (
        "สมชาย ใจดี, JAIDEE S, NGUYỄN V A, et al. การปลูกข้าวอินทรีย์[J/OL]. "
        f"Chulalongkorn University, 2025[2026-01-05]. {URL}. DOI:10.1000/abc."
    )


def test_gbt_reference_of_a_patent_carries_its_number_and_date():
    work = chinese_lesson(
        title="一种水稻育秧装置",
        creators=["Li Wei"],
        type_code="achievement-patent",
        patent_number="CN112345678A",
        issued=date(2024, 3, 1),
    )

    assert gbt7714(work, accessed=date(2026, 1, 5)) == (
        f"LI W. 一种水稻育秧装置: CN112345678A[P/OL]. 2024-03-01[2026-01-05]. {URL}."
    )
