"""No lost edits: one mechanism for every model staff edit in the admin.

A form opened on an object carries the id of the object's newest change-history
record (django-simple-history) as the version it was opened at. When the form
would change the object, the row is locked (the admin wraps the request in a
transaction, so the lock holds until the save is committed) and the newest
record compared: if someone else saved a real change meanwhile, the save is
refused with one German message naming who changed which field from what to
what. Saves that changed nothing (e.g. an unchanged form saved again) are not
news and do not block. Measures compare their own ``version`` column the same
way (``measures.forms.MeasureAdminForm``) and use the same message.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

SEEN = "seen_history"
# Bookkeeping columns every save changes; they are not news to the reader.
QUIET_FIELDS = {"version", "updated_at"}


def _display(field, value) -> str:
    """A field value as staff read it: choice labels, dates, "leer" for blanks."""
    if value in (None, ""):
        return str(_("leer"))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, bool):
        return str(_("ja") if value else _("nein"))
    return str(value)


def _related(field, pk):
    if pk is None:
        return None
    return field.related_model._default_manager.filter(pk=pk).first() or f"#{pk}"


def _same(old, new) -> bool:
    # An untranslated column is NULL before and "" after a form saved it: no change.
    return old == new or (old in (None, "") and new in (None, ""))


def describe_changes(older, newer) -> list[tuple[str, str, str]]:
    """(field label, old value, new value) between two historical records.

    ``older`` may be ``None`` (a creation: every filled field) and ``newer`` the
    last record of a deleted object. Covers every tracked column, including
    those staff cannot edit directly (status, progress, "Sachstand vom"),
    which simple-history's own diff skips; never lists a blank that stayed blank.
    """
    model = newer.instance_type
    # A translated field's original column mirrors its German column: show it once.
    try:
        mirrored = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        mirrored = set()
    rows = []
    for field in newer.tracked_fields:
        if field.name in QUIET_FIELDS or field.name in mirrored or field.primary_key:
            continue
        old = getattr(older, field.attname) if older is not None else None
        new = getattr(newer, field.attname)
        if _same(old, new):
            continue
        if field.is_relation:
            old, new = _related(field, old), _related(field, new)
        rows.append((str(field.verbose_name), _display(field, old), _display(field, new)))
    return rows


def history_of(obj):
    """The change history of ``obj``, newest first."""
    return obj.__class__.history.filter(**{obj._meta.pk.attname: obj.pk}).order_by(
        "-history_date", "-history_id"
    )


def newest_history_id(obj) -> int | None:
    return history_of(obj).values_list("history_id", flat=True).first()


def conflict_message(label: str, seen, later: list):
    """The refusal: ``label`` was saved by others (``later``, newest first) since ``seen``."""
    newest = later[0]
    editors = sorted({str(r.history_user) for r in later if r.history_user_id is not None})
    intro = _(
        "„%(object)s“ wurde gespeichert, während Sie es bearbeitet haben "
        "(zuletzt am %(date)s von %(editors)s). Ihre Änderungen wurden nicht "
        "gespeichert, damit nichts überschrieben wird. Bitte öffnen Sie die Seite "
        "neu und tragen Sie Ihre Änderungen erneut ein."
    ) % {
        "object": label,
        "date": date_format(timezone.localtime(newest.history_date), "SHORT_DATETIME_FORMAT"),
        "editors": ", ".join(editors) or _("einem automatischen Vorgang"),
    }
    changes = describe_changes(seen, newest) if seen is not None else []
    if not changes:
        return intro
    return format_html(
        "{} {} <ul>{}</ul>",
        intro,
        _("Inzwischen geändert:"),
        format_html_join("", "<li>{}: „{}“ → „{}“</li>", changes),
    )


class ConflictCheckedForm(forms.ModelForm):
    """A model form that refuses to overwrite a change saved since it was opened."""

    seen_history = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance.__class__, "history"):
            self.fields[SEEN].initial = newest_history_id(self.instance)

    def has_changed(self) -> bool:
        return any(name != SEEN for name in self.changed_data)

    def clean(self):
        cleaned_data = super().clean()
        obj = self.instance
        if obj.pk is None or not hasattr(obj.__class__, "history") or not self.has_changed():
            return cleaned_data  # new, untracked, or saving it writes nothing new
        # Lock the row until this save is committed: two saves cannot both pass.
        obj.__class__._default_manager.select_for_update().filter(pk=obj.pk).exists()
        seen_id = cleaned_data.get(SEEN)
        history = list(history_of(obj)[:50])
        if not history or history[0].history_id == seen_id:
            return cleaned_data
        later = [r for r in history if seen_id is None or r.history_id > seen_id]
        seen = next((r for r in history if r.history_id == seen_id), None)
        if seen is not None and not describe_changes(seen, history[0]):
            return cleaned_data  # only saves that changed nothing
        raise ValidationError(conflict_message(str(obj), seen, later), code="conflict")
