"""Server-side SVG charts for the dashboard: geometry computed here, drawn by templates.

No JavaScript and no inline styles: bars are ``<rect>`` elements with x/width
attributes and a CSS class per status (colours live in ``portal.css``). Each
chart carries a text alternative (``<title>``/``<desc>``) and the dashboard
shows the same numbers in a table.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.formatting import locale_list, locale_percent
from translations.provenance import ProvenanceLookup

from .progress import ProgressByGroup, ProgressSummary
from .status import Status

# Geometry in SVG user units. The chart is drawn about as wide as a phone (and never
# wider than 34rem on screen), so its 13-unit labels stay at least 12 px at every width.
WIDTH = 360
ROW_HEIGHT = 50
LABEL_OFFSET = 15  # baseline of the field name above its bar
BAR_OFFSET = 25
BAR_HEIGHT = 18
TOP = 6


@dataclass
class FieldRow:
    field: object
    summary: ProgressSummary
    counts: list = field(default_factory=list)  # [(status value, label, count)] in vocabulary order
    name: str = ""  # number and name by the display rule

    @property
    def total(self) -> int:
        return self.summary.total


def field_rows(fields, by_field: ProgressByGroup) -> list[FieldRow]:
    """One row per Handlungsfeld, including fields without catalogued measures."""
    rows, lookup = [], ProvenanceLookup()
    for action_field in fields:
        progress = by_field[action_field.pk]
        rows.append(
            FieldRow(
                field=action_field,
                summary=progress.summary,
                counts=[
                    (value, label, progress.counts.get(value, 0)) for value, label in Status.choices
                ],
                name=action_field.label(lookup),
            )
        )
    return rows


def totals(rows: list[FieldRow]) -> list:
    return [
        (value, label, sum(row.counts[i][2] for row in rows))
        for i, (value, label) in enumerate(Status.choices)
    ]


def status_comparison(before: ProgressByGroup, after: ProgressByGroup) -> list:
    """Per status: how many measures had it at the earlier date and at the Stichtag."""

    def count(by_field, value):
        return sum(progress.counts.get(value, 0) for progress in by_field.values())

    rows = []
    for value, label in Status.choices:
        then, now = count(before, value), count(after, value)
        rows.append((value, label, then, now, now - then))
    return rows


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass
class Bar:
    css: str
    x: str
    width: str
    title: str


@dataclass
class ChartRow:
    label: str
    y: str
    text_y: str
    bars: list
    note: str = ""


@dataclass
class Chart:
    """Rows of a field name over its bar; mirrored when the page is right-to-left."""

    title: str
    description: str
    height: int
    rows: list
    rtl: bool = False
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def start_x(self) -> int:
        return self.width if self.rtl else 0

    @property
    def end_x(self) -> int:
        return 0 if self.rtl else self.width

    # Anchors are logical: each text carries the page's direction.
    start_anchor = "start"
    end_anchor = "end"


def _row_geometry(index: int) -> tuple[str, str]:
    top = TOP + index * ROW_HEIGHT
    return str(top + BAR_OFFSET), str(top + LABEL_OFFSET)


def _bar(css: str, start: float, width: float, title: str, rtl: bool) -> Bar:
    """A bar from ``start`` (0–WIDTH, in reading direction) of ``width`` units."""
    x = WIDTH - start - width if rtl else start
    return Bar(css=css, x=_num(x), width=_num(width), title=title)


def status_chart(rows: list[FieldRow], rtl: bool = False) -> Chart:
    """A stacked bar per field: the share of its measures in each status."""
    chart_rows, sentences = [], []
    for index, row in enumerate(rows):
        y, text_y = _row_geometry(index)
        name = row.name
        if not row.total:
            chart_rows.append(
                ChartRow(label=name, y=y, text_y=text_y, bars=[], note=_("keine Maßnahmen erfasst"))
            )
            sentences.append(_("%(field)s: keine Maßnahmen erfasst.") % {"field": name})
            continue
        bars, offset, parts = [], 0, []
        for value, label, count in row.counts:
            if not count:
                continue
            bars.append(
                _bar(
                    f"chart-status--{value}",
                    WIDTH * offset / row.total,
                    WIDTH * count / row.total,
                    f"{name}: {label} {count}",
                    rtl,
                )
            )
            offset += count
            parts.append(f"{label} {count}")
        note = ngettext("%(total)s Maßnahme", "%(total)s Maßnahmen", row.total) % {
            "total": row.total
        }
        chart_rows.append(ChartRow(label=name, y=y, text_y=text_y, bars=bars, note=note))
        sentences.append(
            ngettext(
                "%(field)s: %(total)s Maßnahme, davon %(parts)s.",
                "%(field)s: %(total)s Maßnahmen, davon %(parts)s.",
                row.total,
            )
            % {"field": name, "total": row.total, "parts": locale_list(parts)}
        )
    return Chart(
        title=_("Status der Maßnahmen je Handlungsfeld"),
        description=" ".join(sentences),
        height=TOP + len(rows) * ROW_HEIGHT,
        rows=chart_rows,
        rtl=rtl,
    )


def progress_chart(rows: list[FieldRow], rtl: bool = False) -> Chart:
    """Per field, a bar that cannot overstate: each measure owns an equal slot of the bar.

    The slots of measures with a progress figure are filled to their mean
    (the stated rule); the slots of measures without one are drawn as "no
    figure", so 1 of 2 measures at 100 % fills half the bar, not all of it.
    The text beside it gives the rule's words: the mean and how many reported.
    """
    chart_rows, sentences = [], []
    for index, row in enumerate(rows):
        y, text_y = _row_geometry(index)
        name = row.name
        summary = row.summary
        if summary.average is None:
            chart_rows.append(
                ChartRow(
                    label=name, y=y, text_y=text_y, bars=[], note=_("keine Fortschrittsangabe")
                )
            )
            sentences.append(_("%(field)s: keine Fortschrittsangabe.") % {"field": name})
            continue
        stated = WIDTH * summary.with_progress / summary.total
        filled = stated * summary.average / 100
        bars = [
            _bar("chart-track", 0, stated, f"{name}: {summary.text}", rtl),
            _bar("chart-progress", 0, filled, f"{name}: {summary.text}", rtl),
        ]
        if summary.total > summary.with_progress:
            bars.append(
                _bar("chart-unstated", stated, WIDTH - stated, f"{name}: {summary.text}", rtl)
            )
        note = _("Ø %(average)s · %(stated)s von %(total)s") % {
            "average": locale_percent(summary.rounded_average),
            "stated": summary.with_progress,
            "total": summary.total,
        }
        chart_rows.append(ChartRow(label=name, y=y, text_y=text_y, bars=bars, note=note))
        sentences.append(f"{name}: {summary.text}.")
    return Chart(
        title=_("Gemeldeter Fortschritt je Handlungsfeld"),
        description=" ".join(sentences),
        height=TOP + len(rows) * ROW_HEIGHT,
        rows=chart_rows,
        rtl=rtl,
    )


@dataclass
class StatusMix:
    """A field's measures by status as a small stacked bar (0–100 wide) and as words."""

    segments: list  # [(status value, label, count, x, width)]
    text: str

    @property
    def total(self) -> int:
        return sum(count for _value, _label, count, _x, _width in self.segments)


def status_mix(counts) -> StatusMix:
    """``counts`` maps status values to numbers of measures (``GroupProgress.counts``)."""
    total = sum(counts.values())
    segments, parts, offset = [], [], 0
    for value, label in Status.choices:
        count = counts.get(value, 0)
        if not count:
            continue
        x, width = _num(100 * offset / total), _num(100 * count / total)
        segments.append((value, label, count, x, width))
        parts.append(_("%(count)s %(status)s") % {"count": count, "status": label})
        offset += count
    return StatusMix(segments=segments, text=locale_list(parts))
