"""The status vocabulary of a measure and its labels.

The vocabulary is stored by key (``in_progress``) and shown by label in the
active language (``in Umsetzung``). Exports and the catalogue spreadsheet name
statuses in German whatever language the request is in: ``german_label()``.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    """The status vocabulary, in the order a council member reads it."""

    NO_REPORT = "no_report", _("kein Sachstand gemeldet")
    PLANNED = "planned", _("geplant")
    PREPARING = "preparing", _("in Vorbereitung")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    IMPLEMENTED = "implemented", _("umgesetzt")
    ESTABLISHED = "established", _("dauerhaft etabliert")
    DEFERRED = "deferred", _("zurückgestellt")
    DROPPED = "dropped", _("entfallen")


def known(value: str) -> Status:
    """A stored value as a status; anything outside the vocabulary reads as no report."""
    return Status(value) if value in Status.values else Status.NO_REPORT


def german_label(value: str) -> str:
    """The status named in German (the portal's source language), as exports name it."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(Status(value).label)


# Short forms for narrow table headers (the Handlungsfeld × status matrix), each
# shown in an <abbr> with the full label and explained in a key under the table.
ABBREVIATIONS = {
    Status.NO_REPORT: pgettext_lazy("status abbreviation", "k. S."),
    Status.PLANNED: pgettext_lazy("status abbreviation", "gepl."),
    Status.PREPARING: pgettext_lazy("status abbreviation", "Vorb."),
    Status.IN_PROGRESS: pgettext_lazy("status abbreviation", "Ums."),
    Status.IMPLEMENTED: pgettext_lazy("status abbreviation", "umges."),
    Status.ESTABLISHED: pgettext_lazy("status abbreviation", "etabl."),
    Status.DEFERRED: pgettext_lazy("status abbreviation", "zur."),
    Status.DROPPED: pgettext_lazy("status abbreviation", "entf."),
}


def abbreviated() -> list[tuple[str, str, str]]:
    """(value, label, short form) for every status, in vocabulary order."""
    return [(status.value, status.label, ABBREVIATIONS[status]) for status in Status]
