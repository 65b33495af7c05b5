"""The aggregated progress rule, defined once for every level.

A group of measures (a Handlungsfeld, a commitment, the whole portal) is
summarised by four numbers, always shown together:

- ``total``: published measures in the group;
- ``reported``: those with a published status report (status other than
  "kein Sachstand gemeldet") at the date in question;
- ``with_progress``: those whose report states a progress percentage;
- ``average``: the mean of those percentages, or ``None`` if there are none.

Measures without a report are never counted as 0 %: they only lower
``reported`` against ``total``. ``MeasureQuerySet.progress_summary()`` and
``.progress_by()`` compute the numbers in the database with
``summary_aggregates()``; this module turns them into words.
``progress_by()`` answers per group with a ``GroupProgress``: the summary and
the number of measures in each status.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import NamedTuple

from django.db.models import Avg, Count, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .status import Status


def summary_aggregates(status: str = "status_as_of", progress: str = "progress_as_of") -> dict:
    """Aggregate expressions over the state annotations (see ``MeasureQuerySet.at``)."""
    return {
        "total": Count("pk", distinct=True),
        "reported": Count("pk", filter=~Q(**{status: Status.NO_REPORT}), distinct=True),
        "with_progress": Count(progress),
        "average": Avg(progress),
    }


def status_aggregates(statuses, status: str = "status_as_of") -> dict:
    """One count per status, for the Handlungsfeld × status matrix."""
    return {f"count_{value}": Count("pk", filter=Q(**{status: value})) for value in statuses}


@dataclass(frozen=True)
class ProgressSummary:
    total: int = 0
    reported: int = 0
    with_progress: int = 0
    average: float | None = None

    @classmethod
    def from_row(cls, row: dict) -> "ProgressSummary":
        average = row.get("average")
        return cls(
            total=row.get("total") or 0,
            reported=row.get("reported") or 0,
            with_progress=row.get("with_progress") or 0,
            average=float(average) if average is not None else None,
        )

    @classmethod
    def combined(cls, summaries) -> "ProgressSummary":
        """The summary of disjoint groups together (e.g. all fields: the whole portal).

        The mean of all stated percentages is the mean of the group means weighted
        by their number of statements, so no second query is needed.
        """
        summaries = list(summaries)
        with_progress = sum(s.with_progress for s in summaries)
        weighted = sum(Decimal(str(s.average)) * s.with_progress for s in summaries if s.average)
        return cls(
            total=sum(s.total for s in summaries),
            reported=sum(s.reported for s in summaries),
            with_progress=with_progress,
            average=float(weighted / with_progress) if with_progress else None,
        )

    @property
    def rounded_average(self) -> int | None:
        """The mean rounded half up to a whole percent, as shown on pages."""
        if self.average is None:
            return None
        return int(Decimal(str(self.average)).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def average_one_decimal(self) -> Decimal | None:
        """The mean with one decimal, as published in the open data."""
        if self.average is None:
            return None
        return Decimal(str(self.average)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def reported_text(self) -> str:
        return ngettext(
            "%(reported)s von %(total)s Maßnahme mit Sachstand",
            "%(reported)s von %(total)s Maßnahmen mit Sachstand",
            self.total,
        ) % {"reported": self.reported, "total": self.total}

    @property
    def text(self) -> str:
        """One sentence, also the progress bar's ``aria-valuetext``.

        e.g. "3 von 6 Maßnahmen mit Sachstand, Durchschnitt 40 % (2 Angaben)".
        """
        if self.total == 0:
            return _("keine Maßnahmen erfasst")
        if self.average is None:
            return _("%(reported)s, noch keine Fortschrittsangabe") % {
                "reported": self.reported_text
            }
        return ngettext(
            "%(reported)s, Durchschnitt %(average)s %% (%(count)s Fortschrittsangabe)",
            "%(reported)s, Durchschnitt %(average)s %% (%(count)s Fortschrittsangaben)",
            self.with_progress,
        ) % {
            "reported": self.reported_text,
            "average": number_format(self.rounded_average, decimal_pos=0),
            "count": self.with_progress,
        }


class GroupProgress(NamedTuple):
    """The progress of one group (a Handlungsfeld, a commitment): its summary and
    how many of its measures are in each status (keyed by status value)."""

    summary: ProgressSummary = ProgressSummary()
    counts: Mapping[str, int] = MappingProxyType({})


class ProgressByGroup(dict):
    """``GroupProgress`` per group value; a group without measures reads as empty."""

    def __missing__(self, key) -> GroupProgress:
        return GroupProgress()
