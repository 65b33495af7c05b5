"""The Ratsbezug dataset: which council paper concerns which measure, field or the concept.

One row per link. Papers the council system marked as deleted, and links to
unpublished measures, are left out. Titles, committees, roles and results are
the council system's German text (OParl 1.1, synced by ``manage.py sync_council``).
"""

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models import Consultation
from measures.models import CouncilPaperLink

from .columns import Column


def link_rows():
    return (
        CouncilPaperLink.objects.public()
        .filter(Q(measure__isnull=True) | Q(measure__is_published=True))
        .select_related("paper", "measure", "field", "document")
        .prefetch_related(
            Prefetch(
                "paper__consultations",
                queryset=Consultation.objects.current().select_related(
                    "meeting", "organization", "agenda_item"
                ),
                to_attr="current_consultations",
            )
        )
        .order_by("paper__date", "paper__reference", "pk")
    )


def target_kind(link) -> str:
    if link.measure_id:
        return "measure"
    return "field" if link.field_id else "document"


def target_key(link) -> str:
    if link.measure_id:
        return link.measure.code
    return str(link.field.number) if link.field_id else link.document.slug


def consultation_text(consultation) -> str:
    start = consultation.meeting_start
    day = timezone.localtime(start).date().isoformat() if start else ""
    parts = [day, consultation.committee_name, consultation.role]
    if consultation.authoritative:
        parts.append("authoritative")
    return " | ".join([*parts, consultation.result])


RATSBEZUG_COLUMNS = [
    Column(
        "target_type",
        _("Wozu die Vorlage gehört: measure (Maßnahme), field (Handlungsfeld), document (Konzept)"),
        target_kind,
    ),
    Column(
        "target",
        _("Kennung der Maßnahme, Nummer des Handlungsfelds oder Kürzel des Dokuments"),
        target_key,
    ),
    Column(
        "paper_reference",
        _("Aktenzeichen der Ratsvorlage, z. B. FB 56/0150/WP17"),
        lambda link: link.paper.reference,
    ),
    Column(
        "paper_name_de",
        _("Titel der Ratsvorlage, deutsch wie im Ratsinformationssystem"),
        lambda link: link.paper.name,
    ),
    Column(
        "paper_date",
        _("Datum der Vorlage; leer, wenn unbekannt"),
        lambda link: link.paper.date,
        "date",
    ),
    Column("paper_type_de", _("Art der Vorlage, deutsch"), lambda link: link.paper.paper_type),
    Column(
        "paper_web",
        _("Seite der Vorlage im Ratsinformationssystem"),
        lambda link: link.paper.web,
        "url",
    ),
    Column(
        "paper_oparl_id", _("OParl-ID der Vorlage (URL)"), lambda link: link.paper.oparl_id, "url"
    ),
    Column(
        "consultations",
        _(
            "Beratungsfolge, eine Beratung je Eintrag: „Datum | Gremium | Rolle | "
            "[authoritative, wenn beschließend |] Ergebnis“, getrennt durch „;“"
        ),
        lambda link: [consultation_text(c) for c in link.paper.current_consultations],
        "list",
    ),
    Column(
        "paper_modified",
        _("Letzte Änderung der Vorlage laut Ratsinformationssystem (ISO 8601, UTC)"),
        lambda link: link.paper.modified,
        "datetime",
    ),
]
