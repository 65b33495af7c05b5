"""Admin forms for measures: optimistic locking and the quick status report."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from translations.edits import conflict_message
from translations.languages import column, language_codes

from .dates import (
    DATE_INPUT_FORMATS,
    TWO_DIGIT_YEAR,
    two_digit_year_message,
    validate_report_date,
)
from .models import Measure, no_report_progress_message
from .permissions import can_publish_status
from .status import Status


class MeasureAdminForm(forms.ModelForm):
    """Refuses a save when someone else saved the measure since this form was opened.

    The form carries the version it was opened at. On save, the row is locked
    and its version compared; if it moved on, the save is refused and the
    message lists who changed what meanwhile (from the change history).
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Measure
        fields = [  # the admin's fieldsets decide what is shown and in which language tabs
            "code",
            "field",
            "position",
            "title",
            "description",
            "responsible_unit",
            "partners",
            "district",
            "start_date",
            "target_date",
            "is_published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        expected = cleaned_data.get("expected_version")
        # The admin wraps the whole request in a transaction: the lock holds until
        # this save is committed, so two saves cannot both pass the check.
        current = Measure.objects.select_for_update().get(pk=self.instance.pk)
        if expected is None or expected != current.version:
            raise ValidationError(self.conflict_message(current, expected), code="conflict")
        return cleaned_data

    @staticmethod
    def conflict_message(current: Measure, expected: int | None):
        history = list(current.history.order_by("-history_date", "-history_id"))
        seen = next((r for r in history if expected is not None and r.version == expected), None)
        later = [r for r in history if r.version > (expected or 0)] or history[:1]
        return conflict_message(str(current), seen, later)


class ReportDateField(forms.DateField):
    """A report date: four-digit years only, not after today, not before 2018."""

    input_formats = DATE_INPUT_FORMATS
    default_validators = [validate_report_date]

    def to_python(self, value):
        if isinstance(value, str) and TWO_DIGIT_YEAR.match(value):
            raise ValidationError(two_digit_year_message(), code="two_digit_year")
        return super().to_python(value)


class StatusUpdateForm(forms.Form):
    """A new status report by ``user``: used by the quick action and the bulk action.

    Offers "sofort veröffentlichen" only to those who may publish; the service
    keeps anyone else's entry a draft anyway.
    """

    reported_on = ReportDateField(label=_("Stand vom"), initial=timezone.localdate)
    # No preselected status: a bulk report must never start on "kein Sachstand gemeldet".
    status = forms.ChoiceField(label=_("Status"), choices=[("", "---------"), *Status.choices])
    progress = forms.IntegerField(
        label=_("Fortschritt in Prozent"), min_value=0, max_value=100, required=False
    )
    internal_note = forms.CharField(
        label=_("Interne Notiz"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wird nie öffentlich angezeigt."),
    )
    publish = forms.BooleanField(
        label=_("sofort veröffentlichen"),
        required=False,
        help_text=_("Ohne Haken bleibt der Eintrag ein Entwurf, bis die Redaktion ihn prüft."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[column("public_note", code)] = forms.CharField(
                label=_("Öffentliche Notiz (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # Public notes first, then the internal note and the checkbox.
        self.fields["internal_note"] = self.fields.pop("internal_note")
        self.fields["publish"] = self.fields.pop("publish")
        if can_publish_status(user):
            self.fields["publish"].initial = True  # the Redaktion usually publishes at once
        else:
            del self.fields["publish"]

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == Status.NO_REPORT
            and cleaned_data.get("progress") is not None
        ):
            self.add_error("progress", no_report_progress_message())
        return cleaned_data

    def public_notes(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[column("public_note", code)]
            for code in language_codes()
            if self.cleaned_data.get(column("public_note", code))
        }

    def record_kwargs(self) -> dict:
        """Keyword arguments for ``services.record_status``."""
        return {
            "reported_on": self.cleaned_data["reported_on"],
            "status": self.cleaned_data["status"],
            "progress": self.cleaned_data["progress"],
            "public_notes": self.public_notes(),
            "internal_note": self.cleaned_data["internal_note"],
            "publish": self.cleaned_data.get("publish", False),
        }
