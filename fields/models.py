"""The concept and what it is made of: source documents, Handlungsfelder, needs.

Everything here is quoted from the public sources (see ``fields/source_data.py``);
city staff may add what the sources do not contain. Translated fields and the
change history of every model are registered in ``fields/translation.py``
(history after translation, so the history tables keep every language).
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from translations.display import shown_text
from translations.text import CleanTextMixin


class SourceDocumentQuerySet(models.QuerySet):
    def concept(self):
        """The concept the portal tracks; others (e.g. a predecessor) may exist beside it.

        The first by position: the Integrationskonzept 2018 as loaded.
        """
        return self.filter(kind=SourceDocument.Kind.CONCEPT).order_by("position", "pk").first()

    def programme(self):
        """The programme of the commitments ("Wir stehen für"): a candidate's, not the city's."""
        return self.filter(kind=SourceDocument.Kind.PROGRAMME).order_by("position", "pk").first()


class SourceDocument(CleanTextMixin, models.Model):
    """A public document the portal's content comes from."""

    class Kind(models.TextChoices):
        CONCEPT = "concept", _("Konzept der Stadt")
        PROGRAMME = "programme", _("Programm")

    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("Titel"), max_length=255)
    subtitle = models.CharField(_("Untertitel"), max_length=255, blank=True)
    publisher = models.CharField(_("Herausgeber"), max_length=255, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    document_date = models.DateField(_("Datum des Dokuments"), null=True, blank=True)
    council_reference = models.CharField(_("Ratsvorlage"), max_length=80, blank=True)
    council_reference_title = models.CharField(
        _("Titel der Ratsvorlage"), max_length=255, blank=True
    )
    adopted_on = models.DateField(_("Beschlossen am"), null=True, blank=True)
    adopted_by = models.CharField(_("Beschlossen von"), max_length=255, blank=True)
    adoption_note = models.CharField(_("Art des Beschlusses"), max_length=255, blank=True)
    url = models.URLField(_("Link"), blank=True)
    declared_measure_count = models.PositiveSmallIntegerField(
        _("Angekündigte Zahl der Maßnahmen"),
        null=True,
        blank=True,
        help_text=_("Wie viele Maßnahmen das Dokument selbst nennt (beim Konzept 2018: 107)."),
    )
    financing_note = models.TextField(_("Hinweis zur Finanzierung"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = SourceDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("Quelldokument")
        verbose_name_plural = _("Quelldokumente")

    def __str__(self) -> str:
        return self.title


class Deliberation(CleanTextMixin, models.Model):
    """One step of a document's Beratungsfolge (committee, then council)."""

    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="deliberations",
        verbose_name=_("Dokument"),
    )
    date = models.DateField(_("Datum"))
    body = models.CharField(_("Gremium"), max_length=255)
    is_decision = models.BooleanField(_("Beschluss"), default=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("Beratungsschritt")
        verbose_name_plural = _("Beratungsfolge")

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.body}"


class OrganisationalUnit(CleanTextMixin, models.Model):
    """A Fachbereich or office of the city that can be responsible for measures."""

    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=255)
    number = models.CharField(
        _("Nummer"), max_length=20, blank=True, help_text=_("z. B. „56“ für FB 56")
    )
    involved_in = models.ManyToManyField(
        SourceDocument,
        through="UnitInvolvement",
        related_name="units",
        blank=True,
        verbose_name=_("beteiligt an"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisationseinheit")
        verbose_name_plural = _("Organisationseinheiten")

    def __str__(self) -> str:
        return f"FB {self.number} {self.name}" if self.number else self.name

    def label(self, lookup=None) -> str:
        """The unit as residents read it, by the display rule (``translations.display``)."""
        name = shown_text(self, "name", lookup=lookup)
        return f"FB {self.number} {name}" if self.number else name


class UnitInvolvement(CleanTextMixin, models.Model):
    """A unit named in a document: as its lead or as involved."""

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE)
    unit = models.ForeignKey(OrganisationalUnit, on_delete=models.CASCADE)
    is_lead = models.BooleanField(_("federführend"), default=False)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["-is_lead", "position", "pk"]
        verbose_name = _("Beteiligung")
        verbose_name_plural = _("Beteiligungen")
        constraints = [
            models.UniqueConstraint(fields=["document", "unit"], name="involvement_unique"),
        ]

    def __str__(self) -> str:
        try:
            return str(self.unit)
        except OrganisationalUnit.DoesNotExist:  # its history outlives the unit
            return f"#{self.unit_id}"


class ActionField(CleanTextMixin, models.Model):
    """A Handlungsfeld of the concept."""

    concept = models.ForeignKey(
        SourceDocument,
        on_delete=models.PROTECT,
        related_name="fields",
        verbose_name=_("Konzept"),
    )
    number = models.PositiveSmallIntegerField(
        _("Nummer"), unique=True, help_text=_("Position im Konzept (1–9).")
    )
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=255)
    summary = models.TextField(_("Kurzbeschreibung"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="actionfield_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("measures:field", kwargs={"slug": self.slug})

    def label(self, lookup=None) -> str:
        """Number and name as residents read them, by the display rule."""
        return f"{self.number}. {shown_text(self, 'name', lookup=lookup)}"


class Need(CleanTextMixin, models.Model):
    """A Handlungsbedarf: what a field needs, in the concept's order."""

    field = models.ForeignKey(
        ActionField,
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("Handlungsfeld"),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"))
    text = models.CharField(_("Text"), max_length=500)

    class Meta:
        ordering = ["field__number", "position"]
        verbose_name = _("Handlungsbedarf")
        verbose_name_plural = _("Handlungsbedarfe")
        constraints = [
            models.UniqueConstraint(fields=["field", "position"], name="need_unique_position"),
        ]

    def __str__(self) -> str:
        return self.text


class KeyFigure(CleanTextMixin, models.Model):
    """A figure a source states, e.g. "über 150 Nationen"."""

    class Unit(models.TextChoices):
        COUNT = "count", _("Anzahl")
        PERCENT = "percent", _("Prozent")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("genau")
        OVER = "over", _("über")
        ABOUT = "about", _("etwa")

    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("Quelle"),
    )
    slug = models.SlugField(_("Kürzel"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    label = models.CharField(_("Bezeichnung"), max_length=255)
    value = models.DecimalField(_("Wert"), max_digits=12, decimal_places=1)
    unit = models.CharField(_("Einheit"), max_length=10, choices=Unit.choices)
    qualifier = models.CharField(
        _("Genauigkeit"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    year = models.PositiveSmallIntegerField(_("Bezugsjahr"), null=True, blank=True)
    source_quote = models.CharField(
        _("Wortlaut der Quelle"),
        max_length=500,
        help_text=_("Die Stelle der Quelle, der die Zahl entnommen ist, im Wortlaut."),
    )

    class Meta:
        ordering = ["document__position", "position"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(value__gte=0, value__lte=100),
                name="keyfigure_percent_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class FundingLine(CleanTextMixin, models.Model):
    """A financing line of the concept: a budget line or a state programme."""

    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("bisherige Haushaltsansätze")
        STATE = "state", _("zusätzliche Mittel des Landes")

    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="funding_lines",
        verbose_name=_("Dokument"),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    name = models.CharField(_("Bezeichnung"), max_length=255)

    class Meta:
        ordering = ["document", "kind", "position"]
        verbose_name = _("Finanzierungslinie")
        verbose_name_plural = _("Finanzierungslinien")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "kind", "position"], name="fundingline_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.name
