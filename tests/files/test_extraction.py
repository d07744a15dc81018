"""Text extraction from real files of each format, Chinese and Thai included."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from resource_hub.files import officetext
from resource_hub.files.errors import ExtractionFailed
from resource_hub.files.extraction import extract_text, unwrapped
from resource_hub.files.filetypes import Family, Sniffed
from resource_hub.files.sniffing import sniff_bytes

from . import samples

CHINESE = "水稻栽培技术：第一课"
THAI = "การปลูกข้าว บทเรียนที่หนึ่ง"


def extracted(content: bytes, **options):
    return extract_text(io.BytesIO(content), sniff_bytes(content), **options)


@pytest.fixture(scope="module")
def three_page_pdf():
    return samples.pdf_with_text([("zh", CHINESE), ("th", THAI), ("en", "Page three")])


def test_pdf_text_page_by_page_in_chinese_and_thai(three_page_pdf):
    result = extracted(three_page_pdf)

    assert result.text.splitlines() == [CHINESE, THAI, "Page three"]
    assert result.truncated is False


# Text that a narrow column wraps over several lines. Chinese and Thai have no
# spaces between words: fpdf2 breaks them anywhere, as typesetters do.
WRAPPED = {
    "en": "Yunnan Highland Agricultural Vocational College: food safety and hygiene for "
    "adult learners, step by step, each part with a short practical task.",
    "vi": "Hướng dẫn thực hành đọc và viết chữ nổi Braille dành cho học sinh có nhu cầu "
    "giáo dục đặc biệt, Trường Cao đẳng Nghề Đà Nẵng.",
    "zh": "这套新能源汽车维修教学资料经过两个学期的职业院校学生教学实践检验，包含教师指导、"
    "课时安排建议和评价方案",
    "th": "ความต้องการทักษะด้านการปลูกข้าวเพิ่มขึ้นอย่างรวดเร็วทั้งในจีนและเอเชียตะวันออกเฉียงใต้",
}


@pytest.fixture(scope="module")
def wrapped_pdf():
    return samples.pdf_with_text(list(WRAPPED.items()), width=60)


def test_pdf_text_wrapped_over_lines_keeps_its_words_whole(wrapped_pdf):
    pages = PdfReader(io.BytesIO(wrapped_pdf)).pages
    assert all(len(page.extract_text().splitlines()) >= 3 for page in pages)  # really wrapped

    text = extracted(wrapped_pdf).text
    lines = text.splitlines()

    # Languages with spaces: a line break is a space, words are whole.
    flat = " ".join(text.split())
    assert WRAPPED["en"] in flat
    assert WRAPPED["vi"] in flat
    # Without spaces: the lines are joined again without one (a space would
    # split 安排 into 安 and 排 for the search index).
    assert WRAPPED["zh"] in lines
    assert WRAPPED["th"] in lines


def test_only_full_lines_ending_inside_a_word_are_joined():
    page = (
        "摘要\n"  # a heading: short, not joined to its paragraph
        "这套新能源汽车维修教学资料经过两个学期的职业院校学\n"
        "生教学实践检验。\n"  # a sentence's end: the next line starts a paragraph
        "学习目标\n"
        "Lessons for adult learners at Yunnan Vocational\n"  # Latin: the break is a space
        "College of Agriculture, step by step, with hyphen-\n"  # a hyphen cutting a word
        "ation of words, and terms in Chinese-\n"  # a hyphen before a capital is the writer's
        "English terms."
    )

    assert unwrapped(page) == [
        "摘要",
        "这套新能源汽车维修教学资料经过两个学期的职业院校学生教学实践检验。",
        "学习目标",
        "Lessons for adult learners at Yunnan Vocational",
        "College of Agriculture, step by step, with hyphenation of words, and terms in Chinese-",
        "English terms.",
    ]


def test_pdf_extraction_stops_at_the_cap(three_page_pdf):
    result = extracted(three_page_pdf, max_chars=len(CHINESE) + 3)

    assert result.text == CHINESE + "\n" + THAI[:2]
    assert len(result.text) == len(CHINESE) + 3
    assert result.truncated is True


def test_text_that_exactly_fits_is_not_truncated():
    result = extracted(samples.docx_with(["abc", "def"]), max_chars=7)

    assert (result.text, result.truncated) == ("abc\ndef", False)


def test_docx_paragraphs_with_normalised_white_space():
    content = samples.docx_with([CHINESE, f"  {THAI}\t\tend  ", "", "Ａ\u3000full-width space"])

    result = extracted(content)

    assert result.text.splitlines() == [CHINESE, f"{THAI} end", "Ａ full-width space"]


def test_pptx_slides_in_order():
    content = samples.pptx_with(
        [(f"Slide {n}", f"{CHINESE} {n}") for n in range(1, 12)] + [("Thai", THAI)]
    )

    lines = extracted(content).text.splitlines()

    assert lines[:4] == ["Slide 1", f"{CHINESE} 1", "Slide 2", f"{CHINESE} 2"]
    assert lines[20:22] == ["Slide 11", f"{CHINESE} 11"]  # slide11 after slide2, not before
    assert lines[-1] == THAI


def test_xlsx_rows_with_shared_and_inline_values():
    content = samples.xlsx_with([["学校", "students"], [THAI, 120], [None, 3.5]])

    assert extracted(content).text.splitlines() == ["学校 students", f"{THAI} 120", "3.5"]


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        (
            "text",
            f"<office:text><text:h>{CHINESE}</text:h>"
            f"<text:p>第一段<text:s text:c='3'/>文字<text:tab/>x<text:line-break/>{THAI}</text:p>"
            "</office:text>",
        ),
        (
            "presentation",
            "<office:presentation><draw:page><draw:frame><draw:text-box>"
            f"<text:p>{CHINESE}</text:p><text:p>第一段 文字 x {THAI}</text:p>"
            "</draw:text-box></draw:frame></draw:page></office:presentation>",
        ),
        (
            "spreadsheet",
            "<office:spreadsheet><table:table><table:table-row>"
            f"<table:table-cell><text:p>{CHINESE}</text:p></table:table-cell>"
            f"<table:table-cell><text:p>第一段 文字 x {THAI}</text:p></table:table-cell>"
            "</table:table-row></table:table></office:spreadsheet>",
        ),
    ],
)
def test_opendocument_text(kind, body):
    result = extracted(samples.odf(kind, body))

    assert result.text.splitlines() == [CHINESE, f"第一段 文字 x {THAI}"]


def test_html_skips_script_and_style():
    content = (
        "<!DOCTYPE html><html><head><title>课程</title><style>p { color: red }</style>"
        "<script>var secret = 'not text';</script></head>"
        f"<body><h1>{CHINESE}</h1><p>{THAI} &amp; more</p><div>a<br>b</div></body></html>"
    ).encode()

    result = extracted(content)

    assert result.text.splitlines() == ["课程", CHINESE, f"{THAI} & more", "a", "b"]
    assert "secret" not in result.text and "color" not in result.text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (f"{CHINESE}\r\n\r\n  {THAI}  \n".encode(), [CHINESE, THAI]),
        (f"{CHINESE}\n{THAI}\n".encode("utf-16"), [CHINESE, THAI]),  # BOM, sniffed charset
        ("名称,人数\n泰国,12\n".encode(), ["名称,人数", "泰国,12"]),  # CSV
        ('{"title": "水稻"}'.encode(), ['{"title": "水稻"}']),  # JSON
        (b"# Lesson\n\ncaf\xe9 au lait\n", ["# Lesson", "caf\ufffd au lait"]),  # not UTF-8
    ],
)
def test_plain_text_formats(content, expected):
    assert extracted(content).text.splitlines() == expected


def test_control_characters_never_reach_the_database():
    # Sniffing calls bytes with NUL binary; PDFs and office files can still yield them.
    plain = Sniffed("text/plain", Family.TEXT, "utf-8")
    result = extract_text(io.BytesIO(b"a\x00b\x1bc\x7fd\xef\xbb\xbf\n"), plain)

    assert result.text == "a b c d"


def test_types_without_text_give_none():
    assert extracted(samples.png()) is None
    assert extracted(samples.wav()) is None
    assert extracted(samples.plain_zip()) is None


def test_a_damaged_pdf_is_an_extraction_error():
    content = b"%PDF-1.7\n" + b"\x00garbage" * 100

    with pytest.raises(ExtractionFailed, match="PDF"):
        extracted(content)


def test_a_damaged_office_file_is_an_extraction_error():
    content = samples.docx_with(["hello"])
    broken = content[: len(content) // 2] + bytes(len(content) // 2) + content[-200:]

    with pytest.raises(ExtractionFailed):
        extract_text(io.BytesIO(broken), sniff_bytes(content))


def test_xml_with_entity_declarations_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<office:document-content " + samples.ODF_NAMESPACES + ">"
        "<office:body><office:text><text:p>&lol2;</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    content = samples.odf("text")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = laughs if item.filename == "content.xml" else source.read(item)
            target.writestr(item, data)

    with pytest.raises(ExtractionFailed, match="DOCTYPE"):
        extracted(out.getvalue())


def test_zip_bomb_stops_at_the_entry_budget():
    content = samples.zip_bomb_docx(48 * 1024 * 1024)
    assert len(content) < 200 * 1024  # 48 MiB of XML in a small file
    budget = officetext.ZipBudget(per_entry=4 * 1024 * 1024, total=8 * 1024 * 1024)
    collector = _collector()

    officetext.docx_text(io.BytesIO(content), collector, budget)

    assert collector.parts == ["Bomb start"]
    assert collector.truncated is True
    assert budget.exceeded is True
    assert budget.total == 4 * 1024 * 1024  # exactly one entry's budget was decompressed


def test_the_default_budget_stops_a_bomb_larger_than_it():
    size = officetext.MAX_ENTRY_BYTES + 8 * 1024 * 1024
    result = extracted(samples.zip_bomb_docx(size))

    assert result.text == "Bomb start"
    assert result.truncated is True


def _collector():
    from resource_hub.files.extraction import TextCollector

    return TextCollector(1_000_000)
