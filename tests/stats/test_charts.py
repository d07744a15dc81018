"""Usage charts: SVG a browser can parse, the same numbers in the table, and a clear empty state."""

import xml.etree.ElementTree as ET
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation

from resource_hub.stats.charts import (
    Item,
    Series,
    monthly_chart,
    nice_ceiling,
    shorten,
    text_width,
    top_items_chart,
    usage_chart,
)
from resource_hub.stats.selectors import MonthUsage, UsageTotals

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = [date(2025, month, 1) for month in range(7, 13)] + [
    date(2026, month, 1) for month in range(1, 7)
]


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own markup


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def month_labels(root: ET.Element) -> list[str]:
    return [
        node.text
        for node in root.iter(f"{SVG}text")
        if node.get("text-anchor") == "middle" and "chart-year" not in node.get("class", "")
    ]


def usage(views, downloads):
    return [
        MonthUsage(
            month=month,
            totals=UsageTotals(unique_item_investigations=v, unique_item_requests=d),
        )
        for month, v, d in zip(MONTHS, views, downloads, strict=True)
    ]


def test_the_monthly_chart_is_valid_svg_named_for_assistive_technology():
    chart = usage_chart(
        title="Views & downloads <by month>",
        usage_by_month=usage(
            [0, 3, 12, 40, 7, 1234, 9, 0, 0, 5, 6, 7], [0, 1, 2, 3, 4, 50, 0, 0, 0, 1, 2, 3]
        ),
    )
    root = parse(chart.svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Views & downloads <by month>"
    assert root.find(f"{SVG}title").text == "Views & downloads <by month>"
    desc = root.find(f"{SVG}desc")
    assert root.get("aria-describedby") == desc.get("id")
    assert "July 2025" in desc.text and "June 2026" in desc.text
    # Scales with its box (a phone's width), and carries no style attribute (the CSP forbids them).
    assert root.get("viewBox").startswith("0 0 360 ")
    assert root.get("width") == "100%"
    assert "style=" not in str(chart.svg)
    # One bar per month and series, the tallest the largest figure; the months named under them.
    bars = [rect for rect in root.iter(f"{SVG}rect") if "chart-bar" in rect.get("class", "")]
    assert len(bars) == 24
    tallest = max(bars, key=lambda rect: float(rect.get("height")))
    assert "1,234" in tallest.find(f"{SVG}title").text
    labels = texts(root)
    assert month_labels(root) == [
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
    ]
    assert "2025" in labels and "2026" in labels
    assert "Views" in labels and "Downloads" in labels
    assert not chart.empty


def test_the_table_holds_every_number_of_the_chart():
    chart = usage_chart(
        title="Usage",
        usage_by_month=usage(
            [0, 3, 12, 40, 7, 1234, 9, 0, 0, 5, 6, 7], [0, 1, 2, 3, 4, 50, 0, 0, 0, 1, 2, 3]
        ),
    )
    html = render_to_string("stats/_chart.html", {"chart": chart})
    table = ET.fromstring(html[html.index("<table>") : html.index("</table>") + 8])  # noqa: S314
    header = ["".join(cell.itertext()) for cell in table.find("thead").iter("th")]
    assert header == ["Month", "Views", "Downloads"]
    rows = [["".join(cell.itertext()).strip() for cell in row] for row in table.find("tbody")]
    assert rows[0] == ["July 2025", "0", "0"]
    assert rows[5] == ["December 2025", "1,234", "50"]
    assert rows[11] == ["June 2026", "7", "3"]
    assert len(rows) == 12
    assert "<svg" in html and "<details" in html


def test_numbers_and_months_follow_the_readers_language():
    views = [0, 0, 0, 0, 0, 1234567, 0, 0, 0, 0, 0, 0]
    with translation.override("id"):
        chart = usage_chart(title="Dilihat", usage_by_month=usage(views, [0] * 12))
    assert chart.rows[5] == ("Desember 2025", "1.234.567", "0")
    assert "1.234.567" in str(chart.svg)
    assert "Des" in texts(parse(chart.svg))
    with translation.override("zh-hans"):
        chart = usage_chart(title="浏览", usage_by_month=usage(views, [0] * 12))
    assert chart.rows[5][0] == "2025年12月"
    with translation.override("vi"):
        chart = usage_chart(title="Lượt xem", usage_by_month=usage(views, [0] * 12))
    # "Tháng 12" is too wide for a phone's twelve columns: the months' numbers, the year under them.
    assert month_labels(parse(chart.svg)) == [
        str(n) for n in (7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)
    ]
    assert chart.rows[5][0] == "Tháng 12 2025"
    with translation.override("en"):
        chart = usage_chart(title="Views", usage_by_month=usage(views, [0] * 12))
    assert chart.rows[5][1] == "1,234,567"


def test_no_usage_says_so_instead_of_an_empty_chart():
    chart = usage_chart(title="Usage", usage_by_month=usage([0] * 12, [0] * 12))
    assert chart.empty
    assert "No usage recorded yet" in texts(parse(chart.svg))
    html = render_to_string("stats/_chart.html", {"chart": chart})
    assert "No usage recorded yet" in html
    assert "<table" not in html and "<svg" not in html
    assert top_items_chart(title="Top", items=[], value_name="Downloads").empty
    assert monthly_chart(title="Nothing", months=[], series=[]).empty


def test_top_items_are_sorted_and_labelled_whole_in_the_table():
    long = "Lập trình web căn bản cho học sinh trung cấp nghề, học kỳ một và hai " * 2
    items = [
        Item("Small", 3, "/small/"),
        Item(long, 90, "/long/"),
        Item("教学资源 <b>&</b>", 41),
    ]
    chart = top_items_chart(
        title="Top records", items=items, value_name="Downloads", item_name="Record"
    )
    root = parse(chart.svg)
    labels = texts(root)
    assert labels[0].endswith("…") and len(labels[0]) < len(long)
    assert labels[1] == "90"
    assert "教学资源 <b>&</b>" in labels
    tooltips = [node.text for node in root.iter(f"{SVG}title")]
    assert f"{long}: 90" in tooltips
    bars = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert bars == sorted(bars, reverse=True)
    html = render_to_string("stats/_chart.html", {"chart": chart})
    assert '<a href="/long/">' in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html
    assert [row[0] for row in chart.rows] == [long, "教学资源 <b>&</b>", "Small"]
    assert chart.columns == ["Record", "Downloads"]


def test_a_series_must_have_a_value_for_every_month():
    try:
        monthly_chart(title="x", months=MONTHS, series=[Series("Views", [1, 2])])
    except ValueError as error:
        assert "Views" in str(error)
    else:
        raise AssertionError("expected a ValueError")


def test_axis_steps_are_round():
    assert nice_ceiling(1234) == (2000, 500)
    assert nice_ceiling(7) == (8, 2)
    assert nice_ceiling(3) == (4, 1)
    assert nice_ceiling(0) == (4, 1)
    assert nice_ceiling(40) == (40, 10)


def test_wide_scripts_are_measured_wider_and_cut_to_fit():
    assert text_width("教学") > text_width("ab")
    assert text_width("ก่") == text_width("ก")  # a Thai tone mark takes no room
    assert shorten("short", 200) == "short"
    cut = shorten("教" * 50, 100)
    assert cut.endswith("…") and text_width(cut) <= 100
