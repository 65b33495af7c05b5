"""The council's papers and their consultations, as synced from an OParl 1.1 system.

Everything here is written by ``manage.py sync_council`` (``council/sync.py``)
and nothing of it is shipped in the repository: without a sync the tables are
empty and the public pages say so. Each object keeps its OParl id (its URL,
unique) and the server's ``modified``; an object the server reports as
``deleted`` is marked, not kept as current (``Paper.objects.current()``).
Meetings, organizations and agenda items are kept only as far as a
consultation needs them: name, start, result. Like all public content they keep
a change history (the HTTP validators and the audit trail read it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

OPARL_ID_LENGTH = 500


class OParlObject(models.Model):
    oparl_id = models.URLField(_("OParl-ID"), max_length=OPARL_ID_LENGTH, unique=True)
    modified = models.DateTimeField(_("zuletzt geändert (laut Ratsinformationssystem)"), null=True)
    deleted = models.BooleanField(_("gelöscht"), default=False)
    synced_at = models.DateTimeField(_("abgerufen am"), auto_now=True)

    class Meta:
        abstract = True


class CurrentQuerySet(models.QuerySet):
    def current(self):
        """Objects the server has not marked as deleted."""
        return self.filter(deleted=False)


class Organization(OParlObject):
    """A committee or the council itself (OParl ``Organization``)."""

    name = models.CharField(_("Name"), max_length=500, blank=True)
    short_name = models.CharField(_("Kurzname"), max_length=200, blank=True)

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")

    def __str__(self) -> str:
        return self.name or self.short_name or self.oparl_id


class Meeting(OParlObject):
    """A sitting of a committee or of the council (OParl ``Meeting``)."""

    name = models.CharField(_("Name"), max_length=500, blank=True)
    start = models.DateTimeField(_("Beginn"), null=True, blank=True)
    cancelled = models.BooleanField(_("abgesagt"), default=False)
    web = models.URLField(
        _("Seite im Ratsinformationssystem"), max_length=OPARL_ID_LENGTH, blank=True
    )

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")

    def __str__(self) -> str:
        return self.name or self.oparl_id


class AgendaItem(OParlObject):
    """An item on a meeting's agenda with its result (OParl ``AgendaItem``)."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("Sitzung"),
    )
    number = models.CharField(_("Nummer"), max_length=50, blank=True)
    name = models.TextField(_("Gegenstand"), blank=True)
    result = models.CharField(_("Ergebnis"), max_length=500, blank=True)

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip() or self.oparl_id


class PaperQuerySet(CurrentQuerySet):
    def with_consultations(self):
        return self.prefetch_related(
            models.Prefetch(
                "consultations",
                queryset=Consultation.objects.current().select_related(
                    "meeting", "organization", "agenda_item"
                ),
                to_attr="current_consultations",
            )
        )


class Paper(OParlObject):
    """A Vorlage of the council (OParl ``Paper``); titles stay in German."""

    reference = models.CharField(_("Aktenzeichen"), max_length=200, blank=True, db_index=True)
    name = models.TextField(_("Titel"), blank=True)
    date = models.DateField(_("Datum"), null=True, blank=True)
    paper_type = models.CharField(_("Art der Vorlage"), max_length=200, blank=True)
    web = models.URLField(
        _("Seite im Ratsinformationssystem"), max_length=OPARL_ID_LENGTH, blank=True
    )
    main_file_url = models.URLField(_("Hauptdatei"), max_length=OPARL_ID_LENGTH, blank=True)

    objects = PaperQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "reference"]
        verbose_name = _("Ratsvorlage")
        verbose_name_plural = _("Ratsvorlagen")

    def __str__(self) -> str:
        return f"{self.reference} {self.name}".strip() or self.oparl_id


class Consultation(OParlObject):
    """One step of a paper's Beratungsfolge (OParl ``Consultation``).

    The URLs of meeting, agenda item and organization are kept as sent, so a
    consultation synced before its meeting is linked to it by a later run.
    """

    paper = models.ForeignKey(
        Paper, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("Vorlage")
    )
    meeting_url = models.URLField(max_length=OPARL_ID_LENGTH, blank=True)
    agenda_item_url = models.URLField(max_length=OPARL_ID_LENGTH, blank=True)
    organization_url = models.URLField(max_length=OPARL_ID_LENGTH, blank=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Sitzung")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("Tagesordnungspunkt"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("Gremium")
    )
    role = models.CharField(_("Rolle"), max_length=200, blank=True)
    authoritative = models.BooleanField(_("beschließend"), default=False)

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__start", "pk"]
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungen")

    def __str__(self) -> str:
        return f"{self.paper.reference} · {self.committee_name}"

    @property
    def committee_name(self) -> str:
        if self.organization is not None and self.organization.name:
            return self.organization.name
        return self.meeting.name if self.meeting is not None else ""

    @property
    def meeting_start(self):
        return self.meeting.start if self.meeting is not None else None

    @property
    def result(self) -> str:
        return self.agenda_item.result if self.agenda_item is not None else ""


class SyncState(models.Model):
    """Where the sync of one list stands: resumable, then incremental.

    ``next_url`` is the page to fetch next while a run over the list is under
    way (kept after every completed page, so an interrupted run resumes there);
    ``completed_at`` is when the last full pass started, sent as
    ``modified_since`` on the next pass.
    """

    list_url = models.URLField(_("Liste"), max_length=OPARL_ID_LENGTH, unique=True)
    next_url = models.URLField(_("nächste Seite"), max_length=2000, blank=True)
    started_at = models.DateTimeField(_("Durchlauf begonnen"), null=True, blank=True)
    completed_at = models.DateTimeField(_("zuletzt vollständig"), null=True, blank=True)

    class Meta:
        verbose_name = _("Stand des Abgleichs")
        verbose_name_plural = _("Stände des Abgleichs")

    def __str__(self) -> str:
        return self.list_url
