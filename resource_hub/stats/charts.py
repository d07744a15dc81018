"""Charts of usage figures, drawn by the server as SVG: no script, no library, no CDN.

Each chart is a `Chart`: the SVG markup (safe, escaped here) and the same
figures as a table, which `stats/_chart.html` renders beside it for people
who cannot see the picture (and for anyone who wants the exact numbers).

The SVG passes the site's and the admin's Content-Security-Policy, which
forbid inline style attributes and blocks: colours are presentation
attributes (`fill=`), which CSS may override, and sizes and text come from
`stats/charts.css` through classes. The drawing is made for a phone (a
viewBox 360 units wide, scaled to the width of its box with `width: 100%`);
the stylesheet makes the text smaller in user units on wider screens, where
the picture is scaled up.

Numbers are grouped the way the reader's language writes them (`intcomma`),
and months are named in it (Django's translated month names).
"""

import itertools
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.dateformat import format as date_format
from django.utils.formats import date_format as localized_date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

#: the drawing's width in user units: one unit a CSS pixel on a 360 px phone
WIDTH = 360
#: colours of the series, in order (3:1 or more against white, told apart by the legend and table)
PALETTE = ("#0b5cad", "#b35c00", "#2f7d32", "#6b3fa0")
_FONT = 11  # user units; charts.css makes it smaller where the drawing is scaled up

_ids = itertools.count(1)


@dataclass(frozen=True)
class Series:
    """One line of figures: its name (shown in the legend and table) and one value a column."""

    name: str
    values: Sequence[int]
    key: str = ""  # a CSS class suffix (`chart-series-<key>`), e.g. "views"


@dataclass(frozen=True)
class Item:
    """One labelled bar of a top-N chart, optionally linked in the table."""

    label: str
    value: int
    url: str = ""


@dataclass(frozen=True)
class Chart:
    """A chart ready to render: its SVG and the table that says the same."""

    title: str
    description: str
    svg: SafeString
    #: the table's header: the first column's heading, then one per series
    columns: Sequence[str]
    #: one row per month or item: its label, then each figure formatted for the reader
    rows: Sequence[tuple] = field(default_factory=tuple)
    #: the rows' links (top-N charts), "" where none
    links: Sequence[str] = field(default_factory=tuple)
    empty: bool = False

    @property
    def table_rows(self):
        """Rows as (label, link, figures), for the template."""
        links = self.links or [""] * len(self.rows)
        return [(row[0], link, row[1:]) for row, link in zip(self.rows, links, strict=True)]


def empty_message() -> str:
    return _("No usage recorded yet")


def number(value: int) -> str:
    """A count as the reader's language writes it (grouped digits)."""
    return str(intcomma(value))


def month_label(month: date) -> str:
    """A month's short name ("Jan"), in the reader's language."""
    return date_format(month, "M")


def month_name(month: date) -> str:
    """A month and its year ("January 2026"), in the reader's language."""
    return localized_date_format(month, "YEAR_MONTH_FORMAT")


def nice_ceiling(value: int, ticks: int = 4) -> tuple[int, int]:
    """The axis' top and step: a round step (1, 2 or 5 × 10ⁿ) so `ticks` steps cover `value`."""
    if value <= 0:
        return ticks, 1
    raw = value / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        step = max(1, int(multiple * power))
        if step * ticks >= value:
            return step * ticks, step
    return value, max(1, value // ticks)  # pragma: no cover - the loop always returns


def text_width(text: str, font: float = _FONT) -> float:
    """About how wide `text` is drawn: wide (CJK) characters count double, marks nothing."""
    width = 0.0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.58
    return width * font


def shorten(text: str, room: float, font: float = _FONT) -> str:
    """`text` cut with an ellipsis to fit about `room` units (the full text stays in the table)."""
    if text_width(text, font) <= room:
        return text
    cut = text
    while cut and text_width(cut + "…", font) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _svg(*, title: str, description: str, height: int, body: list[str], css: str) -> SafeString:
    ident = f"chart-{next(_ids)}"
    return mark_safe(  # noqa: S308 - every text in `body` and here is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" font-size="{_FONT}" role="img" '
        f'aria-label="{escape(title)}" aria-describedby="{ident}-desc" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _empty_svg(title: str) -> SafeString:
    body = [
        f'<text class="chart-empty-text" x="{WIDTH / 2:g}" y="40" text-anchor="middle" '
        f'fill="#4a5568">{escape(empty_message())}</text>'
    ]
    return _svg(title=title, description=empty_message(), height=72, body=body, css="chart-empty")


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def monthly_chart(
    *,
    title: str,
    months: Sequence[date],
    series: Sequence[Series],
    description: str = "",
) -> Chart:
    """Bars by month, one per series side by side (e.g. views and downloads), with a legend.

    `months` are the months' first days, oldest first; each series has one
    value per month.
    """
    for one in series:
        if len(one.values) != len(months):
            raise ValueError(
                f"series {one.name!r} has {len(one.values)} values for {len(months)} months"
            )
    columns = [_("Month"), *(one.name for one in series)]
    rows = tuple(
        (month_name(month), *(number(one.values[n]) for one in series))
        for n, month in enumerate(months)
    )
    if not description and months:
        description = _("%(series)s by month, %(first)s to %(last)s.") % {
            "series": ", ".join(one.name for one in series),
            "first": month_name(months[0]),
            "last": month_name(months[-1]),
        }
    peak = max((value for one in series for value in one.values), default=0)
    if not months or not series or peak == 0:
        return Chart(
            title=title,
            description=description,
            svg=_empty_svg(title),
            columns=columns,
            rows=rows,
            empty=True,
        )
    top, step = nice_ceiling(peak)
    labels = [number(value) for value in range(0, top + 1, step)]
    left = 6 + max(text_width(label) for label in labels)
    right, plot_top, plot_height = 6, 30, 150
    plot_width = WIDTH - left - right
    bottom = plot_top + plot_height
    height = bottom + 34
    body = []
    # Legend: a swatch and the series' name, in a row at the top.
    x = left
    for index, one in enumerate(series):
        body.append(
            f'<g class="chart-legend chart-series-{escape(one.key)}">'
            f'<rect x="{x:.1f}" y="4" width="10" height="10" fill="{_colour(index)}"/>'
            f'<text x="{x + 14:.1f}" y="13">{escape(one.name)}</text></g>'
        )
        x += 14 + text_width(one.name) + 16
    # Grid lines and the value axis.
    for n, label in enumerate(labels):
        y = bottom - plot_height * n / (len(labels) - 1)
        body.append(
            f'<line class="chart-grid" x1="{left:.1f}" x2="{WIDTH - right}" '
            f'y1="{y:.1f}" y2="{y:.1f}" stroke="#d8dee8" stroke-width="1"/>'
            f'<text class="chart-axis" x="{left - 4:.1f}" y="{y + 4:.1f}" '
            f'text-anchor="end" fill="#4a5568">{escape(label)}</text>'
        )
    # Bars grouped by month, its name under them (and the year, under January and the first).
    group = plot_width / len(months)
    names = [month_label(month) for month in months]
    if max(text_width(name) for name in names) > group - 2:
        names = [str(month.month) for month in months]  # "Tháng 12" or "十二月" would overlap
    bar = min(14.0, (group - 4) / len(series))
    for n, month in enumerate(months):
        start = left + group * n + (group - bar * len(series)) / 2
        for index, one in enumerate(series):
            value = one.values[n]
            bar_height = plot_height * value / top
            body.append(
                f'<rect class="chart-bar chart-series-{escape(one.key)}" '
                f'x="{start + bar * index:.1f}" y="{bottom - bar_height:.1f}" '
                f'width="{bar - 1:.1f}" height="{bar_height:.1f}" fill="{_colour(index)}">'
                f"<title>{escape(month_name(month))}: {escape(one.name)} "
                f"{escape(number(value))}</title></rect>"
            )
        centre = left + group * (n + 0.5)
        body.append(
            f'<text class="chart-axis" x="{centre:.1f}" y="{bottom + 14}" '
            f'text-anchor="middle" fill="#4a5568">{escape(names[n])}</text>'
        )
        if n == 0 or month.month == 1:
            body.append(
                f'<text class="chart-axis chart-year" x="{centre:.1f}" y="{bottom + 28}" '
                f'text-anchor="middle" fill="#4a5568">{month.year}</text>'
            )
    body.append(
        f'<line class="chart-baseline" x1="{left:.1f}" x2="{WIDTH - right}" '
        f'y1="{bottom}" y2="{bottom}" stroke="#4a5568" stroke-width="1"/>'
    )
    svg = _svg(title=title, description=description, height=height, body=body, css="chart-monthly")
    return Chart(title=title, description=description, svg=svg, columns=columns, rows=rows)


def top_items_chart(
    *,
    title: str,
    items: Sequence[Item],
    value_name: str,
    item_name: str = "",
    description: str = "",
) -> Chart:
    """Horizontal bars, largest first: each item's label above its bar, the figure at its end.

    Labels longer than the drawing are cut with an ellipsis; the table and
    each bar's tooltip hold them whole.
    """
    items = sorted(items, key=lambda item: -item.value)
    columns = [item_name or _("Item"), value_name]
    rows = tuple((item.label, number(item.value)) for item in items)
    links = tuple(item.url for item in items)
    if not description and items:
        description = _("%(value)s of the top %(count)s, largest first.") % {
            "value": value_name,
            "count": number(len(items)),
        }
    peak = max((item.value for item in items), default=0)
    if peak == 0:
        return Chart(
            title=title,
            description=description,
            svg=_empty_svg(title),
            columns=columns,
            rows=rows,
            links=links,
            empty=True,
        )
    left, right, row_height = 4, 4, 38
    room = WIDTH - left - right
    widest_figure = text_width(number(peak)) + 6
    body = []
    for n, item in enumerate(items):
        top = 4 + row_height * n
        label = shorten(item.label, room)
        bar_width = max(1.0, (room - widest_figure) * item.value / peak)
        figure = number(item.value)
        body.append(
            f'<g class="chart-item"><title>{escape(item.label)}: {escape(figure)}</title>'
            f'<text class="chart-label" x="{left}" y="{top + 11}">{escape(label)}</text>'
            f'<rect class="chart-bar chart-series-0" x="{left}" y="{top + 16}" '
            f'width="{bar_width:.1f}" height="14" fill="{_colour(0)}"/>'
            f'<text class="chart-value" x="{left + bar_width + 4:.1f}" y="{top + 27}">'
            f"{escape(figure)}</text></g>"
        )
    height = 8 + row_height * len(items)
    svg = _svg(title=title, description=description, height=height, body=body, css="chart-top")
    return Chart(
        title=title, description=description, svg=svg, columns=columns, rows=rows, links=links
    )


def usage_chart(*, title: str, usage_by_month, description: str = "") -> Chart:
    """The monthly views and downloads chart from `selectors.usage_by_month`'s list."""
    return monthly_chart(
        title=title,
        description=description,
        months=[month.month for month in usage_by_month],
        series=[
            Series(_("Views"), [month.totals.views for month in usage_by_month], key="views"),
            Series(
                _("Downloads"),
                [month.totals.downloads for month in usage_by_month],
                key="downloads",
            ),
        ],
    )
