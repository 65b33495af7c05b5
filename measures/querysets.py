"""The read rules on measures and status entries, as QuerySet methods.

``MeasureQuerySet.at(date)`` is the one way pages read a measure's state:
it annotates ``status_as_of``, ``progress_as_of`` and ``changed_on_as_of``,
either from the measure's current status (a copy of its latest published
entry, see ``measures.services``) or, for a past date, from the published
history.
"""

import datetime

from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce

from translations.search import search_translated

from .permissions import sees_all_units, units_of
from .progress import (
    GroupProgress,
    ProgressByGroup,
    ProgressSummary,
    status_aggregates,
    summary_aggregates,
)
from .status import Status


class StatusEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def drafts(self):
        return self.filter(is_published=False)

    def editable_by(self, user):
        """Entries of the measures ``user`` may work on (see ``MeasureQuerySet``)."""
        if sees_all_units(user):
            return self
        measures = self.model._meta.get_field("measure").related_model.objects
        return self.filter(measure__in=measures.editable_by(user))

    def latest_first(self):
        return self.order_by("-reported_on", "-created_at", "-pk")

    def up_to(self, date: datetime.date):
        return self.filter(reported_on__lte=date)

    def public(self):
        """Published entries of published measures: what any public page may show."""
        return self.filter(is_published=True, measure__is_published=True)

    def recent_first(self):
        """Newest published first: the order of the feeds, so a draft published
        weeks after it was written still reaches subscribers."""
        return self.order_by(F("published_at").desc(nulls_last=True), "-created_at", "-pk")


class MeasureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_field(self, field):
        return self.filter(field=field)

    def editable_by(self, user):
        """All measures for the Redaktion; for a Fachbereich editor those of their units."""
        if sees_all_units(user):
            return self
        if not user.is_active:
            return self.none()
        return self.filter(responsible_unit__in=units_of(user).values("pk"))

    def with_related(self):
        return self.select_related("field", "responsible_unit")

    def _state_at(self, date: datetime.date, suffix: str) -> dict:
        """The state at ``date`` from the published history, annotated as ``*_{suffix}``.

        A measure without a published entry on or before ``date`` reads as
        "kein Sachstand gemeldet" with no progress.
        """
        entries = self.model._meta.get_field("status_entries").related_model.objects
        latest = entries.published().up_to(date).filter(measure=OuterRef("pk")).latest_first()
        return {
            f"status_{suffix}": Coalesce(
                Subquery(latest.values("status")[:1]), models.Value(Status.NO_REPORT)
            ),
            f"progress_{suffix}": Subquery(latest.values("progress")[:1]),
            f"changed_on_{suffix}": Subquery(latest.values("reported_on")[:1]),
        }

    def at(self, date: datetime.date | None = None):
        """The state every page reads: as of ``date``, or current if None.

        Both annotate the same names (``status_as_of``, ``progress_as_of``,
        ``changed_on_as_of``), so filters, sorting and the progress rule work
        the same on the current state and on a Stichtag.
        """
        if date is None:
            return self.annotate(
                status_as_of=F("status"),
                progress_as_of=F("progress"),
                changed_on_as_of=F("status_changed_on"),
            )
        return self.annotate(**self._state_at(date, "as_of"))

    def _with_state(self):
        if "status_as_of" in self.query.annotations:
            return self
        return self.at()

    def changed_since(self, date: datetime.date):
        """Measures whose status or progress differs between ``date`` and their state.

        The later state is the one annotated by ``at()`` (current if not yet
        annotated); the earlier one is annotated as ``status_since`` and
        ``progress_since``.
        """
        later = self._with_state().annotate(**self._state_at(date, "since"))
        progress_differs = (
            Q(progress_since__isnull=True, progress_as_of__isnull=False)
            | Q(progress_since__isnull=False, progress_as_of__isnull=True)
            | Q(progress_since__lt=F("progress_as_of"))
            | Q(progress_since__gt=F("progress_as_of"))
        )
        return later.filter(~Q(status_since=F("status_as_of")) | progress_differs)

    def with_status(self, statuses):
        return self._with_state().filter(status_as_of__in=list(statuses))

    def with_progress_reported(self, reported: bool = True):
        return self._with_state().filter(progress_as_of__isnull=not reported)

    def serving(self, commitment):
        return self.filter(commitments=commitment)

    def search(self, text: str):
        """Free text across title and description (``translations.search``: every language)."""
        return self.filter(search_translated(["title", "description"], text))

    def order_by_status(self, descending: bool = False):
        """Order by the status vocabulary (kein Sachstand … entfallen), then code."""
        rank = Case(
            *(When(status_as_of=value, then=models.Value(i)) for i, value in enumerate(Status)),
            output_field=models.IntegerField(),
        )
        rank = rank.desc() if descending else rank.asc()
        return self._with_state().order_by(rank, "field__number", "position")

    def progress_summary(self) -> ProgressSummary:
        """The progress rule (``measures.progress``) over this whole queryset."""
        return ProgressSummary.from_row(self._with_state().aggregate(**summary_aggregates()))

    def progress_by(self, group: str) -> ProgressByGroup:
        """The progress rule per value of ``group`` (e.g. ``"field"``), in one query.

        Maps each group value to a ``GroupProgress`` (its ``summary`` and its
        ``counts`` per status); a group without measures reads as empty.
        """
        rows = (
            self._with_state()
            .filter(**{f"{group}__isnull": False})
            .values(group)
            .annotate(**summary_aggregates(), **status_aggregates(Status.values))
            .order_by()
        )
        return ProgressByGroup(
            {
                row[group]: GroupProgress(
                    summary=ProgressSummary.from_row(row),
                    counts={value: row[f"count_{value}"] for value in Status.values},
                )
                for row in rows
            }
        )


class CouncilPaperLinkQuerySet(models.QuerySet):
    def public(self):
        """Links to papers the council system still lists (not marked deleted)."""
        return self.filter(paper__deleted=False)

    def editable_by(self, user):
        """The Redaktion: every link; a Fachbereich editor: links of their units' measures."""
        if sees_all_units(user):
            return self
        measures = self.model._meta.get_field("measure").related_model.objects
        return self.filter(measure__in=measures.editable_by(user))
