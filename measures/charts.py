"""Server-side SVG charts for the dashboard: geometry computed here, drawn by templates.

No JavaScript and no inline styles: bars are ``<rect>`` elements with x/width
attributes and a CSS class per status (colours live in ``portal.css``). Each
chart carries a text alternative (``<title>``/``<desc>``) and the dashboard
shows the same numbers in a table.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.formatting import locale_list
from translations.provenance import ProvenanceLookup

from .progress import ProgressByGroup, ProgressSummary
from .status import Status

WIDTH = 640
LABEL_WIDTH = 56
BAR_WIDTH = WIDTH - LABEL_WIDTH - 16
ROW_HEIGHT = 30
BAR_HEIGHT = 20
TOP = 24


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
    note_x: str = ""


@dataclass
class Chart:
    title: str
    description: str
    height: int
    rows: list
    ticks: list = field(default_factory=list)
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def _row_geometry(index: int) -> tuple[str, str]:
    y = TOP + index * ROW_HEIGHT
    return str(y), str(y + BAR_HEIGHT - 5)


def status_chart(rows: list[FieldRow]) -> Chart:
    """A stacked bar per field: the share of its measures in each status."""
    chart_rows, sentences = [], []
    for index, row in enumerate(rows):
        y, text_y = _row_geometry(index)
        name = row.name
        if not row.total:
            chart_rows.append(
                ChartRow(
                    label=str(row.field.number),
                    y=y,
                    text_y=text_y,
                    bars=[],
                    note=_("keine Maßnahmen erfasst"),
                    note_x=str(LABEL_WIDTH + 8),
                )
            )
            sentences.append(_("%(field)s: keine Maßnahmen erfasst.") % {"field": name})
            continue
        bars, offset, parts = [], 0, []
        for value, label, count in row.counts:
            if not count:
                continue
            x = LABEL_WIDTH + BAR_WIDTH * offset / row.total
            width = BAR_WIDTH * count / row.total
            bars.append(
                Bar(
                    css=f"chart-status--{value}",
                    x=_num(x),
                    width=_num(width),
                    title=f"{name}: {label} {count}",
                )
            )
            offset += count
            parts.append(f"{label} {count}")
        chart_rows.append(ChartRow(label=str(row.field.number), y=y, text_y=text_y, bars=bars))
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
    )


def progress_chart(rows: list[FieldRow]) -> Chart:
    """A bar per field: the mean reported progress (0–100 %), or a note if none."""
    chart_rows, sentences = [], []
    for index, row in enumerate(rows):
        y, text_y = _row_geometry(index)
        name = row.name
        summary = row.summary
        if summary.average is None:
            chart_rows.append(
                ChartRow(
                    label=str(row.field.number),
                    y=y,
                    text_y=text_y,
                    bars=[],
                    note=_("keine Fortschrittsangabe"),
                    note_x=str(LABEL_WIDTH + 8),
                )
            )
            sentences.append(_("%(field)s: keine Fortschrittsangabe.") % {"field": name})
            continue
        width = BAR_WIDTH * summary.average / 100
        shown = _("%(value)s %%") % {"value": number_format(summary.rounded_average, decimal_pos=0)}
        chart_rows.append(
            ChartRow(
                label=str(row.field.number),
                y=y,
                text_y=text_y,
                bars=[
                    Bar(
                        css="chart-progress",
                        x=str(LABEL_WIDTH),
                        width=_num(width),
                        title=f"{name}: {summary.text}",
                    )
                ],
                note=shown,
                note_x=_num(LABEL_WIDTH + min(width, BAR_WIDTH - 48) + 6),
            )
        )
        sentences.append(f"{name}: {summary.text}.")
    ticks = [
        (
            _num(LABEL_WIDTH + BAR_WIDTH * percent / 100),
            _("%(value)s %%") % {"value": percent},
        )
        for percent in (0, 50, 100)
    ]
    return Chart(
        title=_("Durchschnittlicher gemeldeter Fortschritt je Handlungsfeld"),
        description=" ".join(sentences),
        height=TOP + len(rows) * ROW_HEIGHT,
        rows=chart_rows,
        ticks=ticks,
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
