"""The open datasets, defined column by column in one place.

The same definitions write the CSV and the JSON files and document them on the
open-data page, so file and documentation cannot drift apart. Only published
measures and published status entries appear; internal notes, drafts, authors
and unpublished measures never do.

Every translated text has one column per language (``title_de``,
``title_<lang>`` for every configured language), named like the database columns, so an
exported file can be read back into the portal's models.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from fields.models import ActionField, Need
from measures.models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    Measure,
    StatusEntry,
)
from measures.progress import ProgressSummary
from measures.status import german_label
from translations.languages import column as localized_column
from translations.languages import language_codes, source_language
from translations.text import neutralise

from .columns import LIST_SEPARATOR, Column, lazy_format, per_language
from .ratsbezug import RATSBEZUG_COLUMNS, link_rows


def german_url(obj) -> str:
    with translation.override(source_language()):
        return obj.get_absolute_url()


def summary_columns(summary: Callable[[Any], ProgressSummary]) -> list[Column]:
    return [
        Column(
            "measures_published",
            _("Zahl der veröffentlichten Maßnahmen"),
            lambda obj: summary(obj).total,
            "integer",
        ),
        Column(
            "measures_reported",
            _("davon mit gemeldetem Sachstand (Status nicht „kein Sachstand gemeldet“)"),
            lambda obj: summary(obj).reported,
            "integer",
        ),
        Column(
            "measures_with_progress",
            _("davon mit Fortschrittsangabe in Prozent"),
            lambda obj: summary(obj).with_progress,
            "integer",
        ),
        Column(
            "average_progress",
            _(
                "Durchschnitt der Fortschrittsangaben in Prozent, eine Nachkommastelle; "
                "leer, wenn keine Maßnahme eine Angabe hat (nie 0 für „keine Meldung“)"
            ),
            lambda obj: summary(obj).average_one_decimal,
            "decimal",
        ),
    ]


@dataclass
class Dataset:
    slug: str
    filename: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[..., Iterable]

    @property
    def url_name(self) -> str:
        return f"data:{self.slug}"


# Measures ---------------------------------------------------------------------


def measure_rows(queryset=None):
    """Published measures with their state (``at()`` annotations), by code."""
    if queryset is None:
        queryset = Measure.objects.published().at().order_by("field__number", "position")
    return queryset.select_related("field", "responsible_unit")


MEASURE_COLUMNS = [
    Column(
        "code",
        _("Kennung der Maßnahme, eindeutig: Nummer des Handlungsfelds und Position, z. B. 3.1"),
        lambda m: m.code,
    ),
    Column(
        "field_number", _("Nummer des Handlungsfelds (1–9)"), lambda m: m.field.number, "integer"
    ),
    Column("field_slug", _("Kürzel des Handlungsfelds"), lambda m: m.field.slug),
    Column("position", _("Position im Handlungsfeld"), lambda m: m.position, "integer"),
    *per_language("title", _("Titel")),
    *per_language("description", _("Beschreibung")),
    *per_language("partners", _("Partner")),
    Column(
        "status",
        _("Status als Schlüssel des Vokabulars (siehe Tabelle der Status)"),
        lambda m: m.status_as_of,
    ),
    Column(
        "status_label_de",
        _("Status in Worten, deutsch"),
        lambda m: german_label(m.status_as_of),
    ),
    Column(
        "progress",
        _("Fortschritt in Prozent (0–100) laut der maßgeblichen Meldung; leer, wenn keine Angabe"),
        lambda m: m.progress_as_of,
        "integer",
    ),
    Column(
        "status_changed_on",
        _("Datum der maßgeblichen Sachstandsmeldung („Sachstand vom“); leer ohne Meldung"),
        lambda m: m.changed_on_as_of,
        "date",
    ),
    Column(
        "responsible_unit",
        _("Kürzel des verantwortlichen Fachbereichs; leer, wenn noch nicht erfasst"),
        lambda m: m.responsible_unit.slug if m.responsible_unit else "",
    ),
    Column(
        "responsible_unit_name_de",
        _("Name des verantwortlichen Fachbereichs, deutsch"),
        lambda m: m.responsible_unit.name_de if m.responsible_unit else "",
    ),
    Column("district", _("Stadtbezirk oder Sozialraum"), lambda m: m.district),
    Column("start_date", _("Beginn"), lambda m: m.start_date, "date"),
    Column("target_date", _("Zieldatum"), lambda m: m.target_date, "date"),
    Column(
        "updated_at",
        _("Letzte Änderung des Datensatzes (ISO 8601, UTC)"),
        lambda m: m.updated_at,
        "datetime",
    ),
    Column("url", _("Seite der Maßnahme im Portal"), german_url, "url"),
]


# Status entries ---------------------------------------------------------------


def status_entry_rows():
    return (
        StatusEntry.objects.public()
        .select_related("measure")
        .order_by("measure__field__number", "measure__position", "reported_on", "created_at", "pk")
    )


STATUS_ENTRY_COLUMNS = [
    Column(
        "id",
        _(
            "Öffentliche Kennung der Meldung (zufällige UUID; sie verrät nichts über "
            "Entwürfe oder andere nicht öffentliche Meldungen); auch der Anker der "
            "Meldung auf der Seite der Maßnahme (#sachstand-<id>)"
        ),
        lambda e: str(e.public_id),
    ),
    Column("measure_code", _("Kennung der Maßnahme"), lambda e: e.measure.code),
    Column("reported_on", _("Stand vom (Datum der Meldung)"), lambda e: e.reported_on, "date"),
    Column("status", _("Status als Schlüssel des Vokabulars"), lambda e: e.status),
    Column("status_label_de", _("Status in Worten, deutsch"), lambda e: german_label(e.status)),
    Column(
        "progress",
        _("Fortschritt in Prozent (0–100); leer, wenn keine Angabe"),
        lambda e: e.progress,
        "integer",
    ),
    *per_language("public_note", _("Öffentliche Notiz")),
    Column(
        "created_at",
        _("Zeitpunkt der Erfassung (ISO 8601, UTC)"),
        lambda e: e.created_at,
        "datetime",
    ),
]


# Fields -----------------------------------------------------------------------


def field_rows():
    summaries = Measure.objects.published().progress_by("field")
    fields = list(
        ActionField.objects.prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("position"))
        )
    )
    for action_field in fields:
        action_field.progress = summaries[action_field.pk].summary
    return fields


def aligned(texts: list) -> list[str]:
    """Keep positions where only some items are translated; nothing if none are."""
    texts = [text or "" for text in texts]
    return texts if any(texts) else []


def needs_per_language() -> list[Column]:
    columns = []
    for code in language_codes():
        column = localized_column("text", code)
        columns.append(
            Column(
                name=localized_column("needs", code),
                description=lazy_format(
                    _("Handlungsbedarfe in ihrer Reihenfolge, einer je Zeile, Sprache „%(code)s“"),
                    code=code,
                ),
                value=lambda f, column=column: aligned([getattr(n, column) for n in f.needs.all()]),
                kind="list",
                separator="\n",
            )
        )
    return columns


FIELD_COLUMNS = [
    Column("number", _("Nummer des Handlungsfelds im Konzept"), lambda f: f.number, "integer"),
    Column("slug", _("Kürzel"), lambda f: f.slug),
    *per_language("name", _("Name")),
    *per_language("summary", _("Kurzbeschreibung")),
    *needs_per_language(),
    *summary_columns(lambda f: f.progress),
    Column("url", _("Seite des Handlungsfelds im Portal"), german_url, "url"),
]


# Commitments ------------------------------------------------------------------


def commitment_rows():
    summaries = Measure.objects.published().progress_by("commitments")
    commitments = list(
        Commitment.objects.prefetch_related(
            Prefetch(
                "commitmentfield_set",
                queryset=CommitmentField.objects.select_related("field").order_by("field__number"),
                to_attr="field_links",
            ),
            Prefetch(
                "commitmentmeasure_set",
                queryset=CommitmentMeasure.objects.filter(measure__is_published=True)
                .select_related("measure")
                .order_by("measure__field__number", "measure__position"),
                to_attr="measure_links",
            ),
        )
    )
    for commitment in commitments:
        commitment.progress = summaries[commitment.pk].summary
    return commitments


COMMITMENT_COLUMNS = [
    Column("position", _("Reihenfolge unter „Wir stehen für“"), lambda c: c.position, "integer"),
    Column("slug", _("Kürzel"), lambda c: c.slug),
    *per_language("title", _("Wortlaut")),
    *per_language("passage", _("Textstelle des Programms, die der Punkt zusammenfasst")),
    Column(
        "field_links",
        _(
            "Zugeordnete Handlungsfelder als „Nummer:Grundlage“, getrennt durch „;“; "
            "Grundlage editorial = redaktionelle Zuordnung, confirmed = von der Stadt bestätigt"
        ),
        lambda c: [f"{link.field.number}:{link.basis}" for link in c.field_links],
        "list",
    ),
    Column(
        "measure_links",
        _("Zugeordnete veröffentlichte Maßnahmen als „Kennung:Grundlage“, getrennt durch „;“"),
        lambda c: [f"{link.measure.code}:{link.basis}" for link in c.measure_links],
        "list",
    ),
    *summary_columns(lambda c: c.progress),
    Column("url", _("Seite der Selbstverpflichtung im Portal"), german_url, "url"),
]


DATASETS = {
    dataset.slug: dataset
    for dataset in [
        Dataset(
            slug="measures",
            filename="massnahmen",
            title=_("Maßnahmen"),
            description=_(
                "Alle veröffentlichten Maßnahmen mit ihrem aktuellen Sachstand. Die Datei "
                "nimmt dieselben Filter an wie die Maßnahmenliste, auch einen Stichtag "
                "(as_of=JJJJ-MM-TT): Status, Fortschritt und „Sachstand vom“ gelten dann an "
                "diesem Tag."
            ),
            columns=MEASURE_COLUMNS,
            rows=measure_rows,
        ),
        Dataset(
            slug="status_entries",
            filename="sachstaende",
            title=_("Sachstandsmeldungen"),
            description=_(
                "Jede veröffentlichte Sachstandsmeldung zu einer veröffentlichten Maßnahme. "
                "Der Sachstand einer Maßnahme an einem Tag ist ihre letzte Meldung bis zu "
                "diesem Tag (nach Datum, dann nach Zeitpunkt der Erfassung)."
            ),
            columns=STATUS_ENTRY_COLUMNS,
            rows=status_entry_rows,
        ),
        Dataset(
            slug="fields",
            filename="handlungsfelder",
            title=_("Handlungsfelder"),
            description=_(
                "Die 9 Handlungsfelder des Integrationskonzepts mit ihrem Handlungsbedarf und "
                "dem Fortschritt ihrer Maßnahmen nach der Regel des Portals."
            ),
            columns=FIELD_COLUMNS,
            rows=field_rows,
        ),
        Dataset(
            slug="commitments",
            filename="selbstverpflichtungen",
            title=_("Selbstverpflichtungen"),
            description=_(
                "Die 11 Punkte unter „Wir stehen für“ mit ihrer Textstelle, ihren "
                "Zuordnungen und dem Fortschritt der zugeordneten Maßnahmen."
            ),
            columns=COMMITMENT_COLUMNS,
            rows=commitment_rows,
        ),
        Dataset(
            slug="ratsbezug",
            filename="ratsbezug",
            title=_("Ratsbezug"),
            description=_(
                "Die Ratsvorlagen, die die Stadtverwaltung einer Maßnahme, einem Handlungsfeld "
                "oder dem Konzept zugeordnet hat, mit ihrer Beratungsfolge aus dem "
                "Ratsinformationssystem (OParl). Leer, solange keine Ratsdaten geladen sind."
            ),
            columns=RATSBEZUG_COLUMNS,
            rows=link_rows,
        ),
    ]
}


def csv_value(value, separator: str = LIST_SEPARATOR) -> str:
    """A cell of a public CSV: text a spreadsheet could run as a formula is neutralised."""
    return neutralise(_csv_text(value, separator))


def _csv_text(value, separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return separator.join(str(item) for item in value)
    return str(value)


def json_value(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
