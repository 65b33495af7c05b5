"""Maßnahmen, their status history, and the commitments of the programme.

The measure's current status is a copy of its latest *published* status entry,
kept in step by ``measures.services`` (never edited directly), so lists can
filter and sort on it cheaply while the history stays the single source of
truth; pages read it through ``Measure.objects.at()`` (``measures/querysets.py``).
The status vocabulary is in ``measures/status.py``. Translated fields and change
history are registered in ``measures/translation.py``.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models import Paper
from fields.models import ActionField, OrganisationalUnit, SourceDocument
from translations.display import shown_text
from translations.text import CleanTextMixin

from .dates import EARLIEST_REPORT_DATE, validate_report_date
from .querysets import CouncilPaperLinkQuerySet, MeasureQuerySet, StatusEntryQuerySet
from .status import Status

# A code appears in URLs (measures/converters.py): the same characters only.
CODE_PATTERN = r"^[0-9A-Za-z._-]{1,20}$"
PROGRESS_IN_RANGE = Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=100)
# "kein Sachstand gemeldet" is the absence of a report: it has no progress figure.
NO_REPORT_WITHOUT_PROGRESS = ~Q(status=Status.NO_REPORT) | Q(progress__isnull=True)


def no_report_progress_message() -> str:
    return str(
        _(
            "„kein Sachstand gemeldet“ hat keinen Fortschritt: bitte das Feld leer lassen "
            "oder einen anderen Status wählen."
        )
    )


class Measure(CleanTextMixin, models.Model):
    """A Maßnahme of the concept."""

    code = models.CharField(
        _("Kennung"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                CODE_PATTERN,
                _("Nur Ziffern, Buchstaben, Punkt, Binde- und Unterstrich, z. B. „3.1“."),
            )
        ],
        help_text=_("Stabile Kennung aus Nummer des Handlungsfelds und Position, z. B. „3.1“."),
    )
    field = models.ForeignKey(
        ActionField,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("Handlungsfeld"),
    )
    position = models.PositiveSmallIntegerField(_("Position im Handlungsfeld"))
    title = models.CharField(_("Titel"), max_length=500)
    description = models.TextField(_("Beschreibung"), blank=True)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NO_REPORT,
        editable=False,
        help_text=_("Folgt dem neuesten veröffentlichten Sachstand."),
    )
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt in Prozent"),
        null=True,
        blank=True,
        editable=False,
        validators=[MaxValueValidator(100)],
    )
    status_changed_on = models.DateField(_("Sachstand vom"), null=True, blank=True, editable=False)
    responsible_unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("Verantwortlicher Fachbereich"),
    )
    partners = models.TextField(_("Partner"), blank=True)
    district = models.CharField(
        _("Stadtbezirk / Sozialraum"), max_length=120, blank=True, db_index=True
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    target_date = models.DateField(_("Zieldatum"), null=True, blank=True)
    is_published = models.BooleanField(_("veröffentlicht"), default=False)
    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert am"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["field__number", "position"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        permissions = [
            ("edit_all_units", _("Darf Maßnahmen aller Fachbereiche bearbeiten")),
            ("import_measures", _("Darf den Maßnahmenkatalog importieren")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["field", "position"], name="measure_unique_position"),
            models.CheckConstraint(condition=PROGRESS_IN_RANGE, name="measure_progress_0_100"),
            models.CheckConstraint(condition=Q(position__gte=1), name="measure_position_positive"),
            models.CheckConstraint(
                condition=Q(code__regex=CODE_PATTERN), name="measure_code_url_safe"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="measure_status_known"
            ),
            models.CheckConstraint(
                condition=NO_REPORT_WITHOUT_PROGRESS, name="measure_no_report_without_progress"
            ),
            models.CheckConstraint(
                condition=Q(status_changed_on__isnull=True)
                | Q(status_changed_on__gte=EARLIEST_REPORT_DATE),
                name="measure_status_changed_from_2018",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(target_date__isnull=True)
                | Q(target_date__gte=F("start_date")),
                name="measure_target_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        """Every write of an existing measure raises its version (optimistic locking).

        Writers that must not lose a concurrent change hold the row lock
        (``select_for_update``) and compare the version they started from; see
        ``measures.forms.MeasureAdminForm``.
        """
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("measures:detail", kwargs={"code": self.code})


def action_fields_with_measure_counts(fields: models.QuerySet | None = None) -> models.QuerySet:
    """Handlungsfelder annotated with ``measure_count``: their published measures.

    ``fields`` defaults to all Handlungsfelder; the count is one subquery, so
    the list stays one query whatever the number of measures.
    """
    published = (
        Measure.objects.published()
        .filter(field=OuterRef("pk"))
        .order_by()
        .values("field")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    if fields is None:
        fields = ActionField.objects.all()
    return fields.annotate(
        measure_count=Coalesce(Subquery(published), 0, output_field=models.IntegerField())
    )


class StatusEntry(CleanTextMixin, models.Model):
    """One report on a measure: its status and progress at a date."""

    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="status_entries",
        verbose_name=_("Maßnahme"),
    )
    reported_on = models.DateField(_("Stand vom"), validators=[validate_report_date])
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt in Prozent"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    public_note = models.TextField(_("Öffentliche Notiz"), blank=True)
    internal_note = models.TextField(
        _("Interne Notiz"), blank=True, help_text=_("Wird nie öffentlich angezeigt.")
    )
    is_published = models.BooleanField(
        _("veröffentlicht"),
        default=False,
        help_text=_("Entwürfe erscheinen erst nach Prüfung durch die Redaktion."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    created_at = models.DateTimeField(_("erfasst am"), auto_now_add=True)
    published_at = models.DateTimeField(
        _("veröffentlicht am"), null=True, blank=True, editable=False
    )

    # The identifier in public URLs, feeds and open data: random, so it says
    # nothing about drafts or entries of unpublished measures (the pk counts them).
    public_id = models.UUIDField(
        _("öffentliche Kennung"), default=uuid.uuid4, unique=True, editable=False
    )

    objects = StatusEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-created_at", "-pk"]
        get_latest_by = ["reported_on", "created_at", "pk"]
        verbose_name = _("Sachstand")
        verbose_name_plural = _("Sachstände")
        permissions = [("publish_statusentry", _("Darf Sachstände veröffentlichen"))]
        constraints = [
            models.CheckConstraint(condition=PROGRESS_IN_RANGE, name="statusentry_progress_0_100"),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="statusentry_status_known"
            ),
            models.CheckConstraint(
                condition=NO_REPORT_WITHOUT_PROGRESS, name="statusentry_no_report_without_progress"
            ),
            # The upper bound, today, moves: the validator checks it (measures/dates.py).
            models.CheckConstraint(
                condition=Q(reported_on__gte=EARLIEST_REPORT_DATE),
                name="statusentry_reported_from_2018",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure_code} · {self.reported_on:%d.%m.%Y} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # The moment of publication, whichever way an entry is published.
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        elif not self.is_published:
            self.published_at = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.status == Status.NO_REPORT and self.progress is not None:
            raise ValidationError({"progress": no_report_progress_message()})

    @property
    def measure_as_known(self) -> Measure:
        """The measure, or for an entry whose measure was deleted, its last recorded version
        (the audit trail and the history pages outlive the measure)."""
        try:
            return self.measure
        except Measure.DoesNotExist:
            last = Measure.history.filter(id=self.measure_id).order_by("-history_date").first()
            if last is not None:
                return last.instance
            return Measure(pk=self.measure_id, code=f"#{self.measure_id}")

    @property
    def measure_code(self) -> str:
        try:
            return self.measure.code
        except Measure.DoesNotExist:
            return str(_("%(code)s (gelöscht)") % {"code": self.measure_as_known.code})


class UnitAssignment(models.Model):
    """A staff member assigned to a Fachbereich: they keep its measures up to date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="unit_assignments",
        verbose_name=_("Benutzerkonto"),
    )
    unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.CASCADE,
        related_name="staff_assignments",
        verbose_name=_("Fachbereich"),
    )

    class Meta:
        ordering = ["unit__name", "user__username"]
        verbose_name = _("Zuordnung zu einem Fachbereich")
        verbose_name_plural = _("Zuordnungen zu Fachbereichen")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unitassignment_unique"),
        ]

    def __str__(self) -> str:
        # The history of an assignment outlives the account or unit it named.
        try:
            user = str(self.user)
        except get_user_model().DoesNotExist:
            user = f"#{self.user_id}"
        try:
            unit = str(self.unit)
        except OrganisationalUnit.DoesNotExist:
            unit = f"#{self.unit_id}"
        return f"{user} → {unit}"


class LinkBasis(models.TextChoices):
    EDITORIAL = "editorial", _("redaktionelle Zuordnung")
    CONFIRMED = "confirmed", _("von der Stadt bestätigt")


class Commitment(CleanTextMixin, models.Model):
    """One point of "Wir stehen für" in the chapter "Eine soziale Gemeinschaft"."""

    programme = models.ForeignKey(
        SourceDocument,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("Programm"),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), unique=True)
    slug = models.SlugField(_("Kürzel"), max_length=120, unique=True)
    title = models.CharField(_("Wortlaut"), max_length=500)
    passage = models.TextField(
        _("Textstelle"),
        blank=True,
        help_text=_("Die Passage des Programms, die der Punkt zusammenfasst."),
    )
    fields = models.ManyToManyField(
        ActionField,
        through="CommitmentField",
        related_name="commitments",
        blank=True,
        verbose_name=_("Handlungsfelder"),
    )
    measures = models.ManyToManyField(
        Measure,
        through="CommitmentMeasure",
        related_name="commitments",
        blank=True,
        verbose_name=_("Maßnahmen"),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("Selbstverpflichtung")
        verbose_name_plural = _("Selbstverpflichtungen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("measures:commitment", kwargs={"slug": self.slug})

    def label(self, lookup=None) -> str:
        """The title as residents read it, by the display rule (``translations.display``)."""
        return shown_text(self, "title", lookup=lookup)


class CommitmentField(CleanTextMixin, models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE)
    field = models.ForeignKey(ActionField, on_delete=models.CASCADE)
    basis = models.CharField(
        _("Grundlage"), max_length=20, choices=LinkBasis.choices, default=LinkBasis.EDITORIAL
    )

    class Meta:
        verbose_name = _("Zuordnung zu einem Handlungsfeld")
        verbose_name_plural = _("Zuordnungen zu Handlungsfeldern")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "field"], name="commitmentfield_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} → {self.field}"


class CommitmentMeasure(CleanTextMixin, models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE)
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE)
    basis = models.CharField(
        _("Grundlage"), max_length=20, choices=LinkBasis.choices, default=LinkBasis.EDITORIAL
    )

    class Meta:
        verbose_name = _("Zuordnung zu einer Maßnahme")
        verbose_name_plural = _("Zuordnungen zu Maßnahmen")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "measure"], name="commitmentmeasure_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} → {self.measure.code}"


ONE_LINK_TARGET = (
    Q(measure__isnull=False, field__isnull=True, document__isnull=True)
    | Q(measure__isnull=True, field__isnull=False, document__isnull=True)
    | Q(measure__isnull=True, field__isnull=True, document__isnull=False)
)


class CouncilPaperLink(models.Model):
    """A council paper (Vorlage) about a measure, a Handlungsfeld or the concept itself.

    Staff link papers that ``manage.py sync_council`` has loaded; a Fachbereich
    editor links papers to their units' measures, the Redaktion anything
    (``permissions.can_change_paper_link``).
    """

    paper = models.ForeignKey(
        Paper, on_delete=models.PROTECT, related_name="links", verbose_name=_("Ratsvorlage")
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="paper_links",
        verbose_name=_("Maßnahme"),
    )
    field = models.ForeignKey(
        ActionField,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="paper_links",
        verbose_name=_("Handlungsfeld"),
    )
    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="paper_links",
        verbose_name=_("Konzept / Quelldokument"),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = CouncilPaperLinkQuerySet.as_manager()

    class Meta:
        ordering = ["paper__date", "paper__reference", "pk"]
        verbose_name = _("Ratsbezug")
        verbose_name_plural = _("Ratsbezüge")
        constraints = [
            models.CheckConstraint(condition=ONE_LINK_TARGET, name="councilpaperlink_one_target"),
            models.UniqueConstraint(fields=["paper", "measure"], name="councilpaperlink_measure"),
            models.UniqueConstraint(fields=["paper", "field"], name="councilpaperlink_field"),
            models.UniqueConstraint(fields=["paper", "document"], name="councilpaperlink_document"),
        ]

    def __str__(self) -> str:
        target = self.measure or self.field or self.document
        return f"{self.paper.reference} → {target}"

    def clean(self):
        targets = [self.measure_id, self.field_id, self.document_id]
        if sum(target is not None for target in targets) != 1:
            raise ValidationError(
                _("Bitte genau eines wählen: Maßnahme, Handlungsfeld oder Konzept.")
            )
