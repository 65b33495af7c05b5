"""Filters of the public measure list, the dashboard's reporting dates and the exports.

Everything a reader can put in a query string is validated here, so a typo or
a tampered link gets a clear message instead of a server error: unknown
choices, malformed or future dates, and values that must never reach the
database (NUL bytes, overlong text).
"""

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from fields.models import ActionField, OrganisationalUnit
from translations.provenance import ProvenanceLookup
from translations.search import localized_value

from .models import Commitment, Measure
from .status import Status

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
SLUG_SHAPE = re.compile(r"[-a-zA-Z0-9_]{1,120}")


class SlugChoiceField(ModelChoiceField):
    """A choice by slug that checks the slug's shape before asking the database.

    Options are labelled by the display rule (the model's ``label()``), sharing
    one provenance lookup among all of them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookup = ProvenanceLookup()

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.lookup = ProvenanceLookup()  # each form reads the provenance anew
        return copy

    def label_from_instance(self, obj):
        return obj.label(self.lookup)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not SLUG_SHAPE.fullmatch(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField


def date_options(label, help_text) -> dict:
    return {
        "label": label,
        "required": False,
        "input_formats": DATE_INPUT_FORMATS,
        # A plain text field: native date pickers add a focus stop without a
        # visible focus in Chromium and read dates differently per browser locale.
        "widget": forms.DateInput(attrs={"autocomplete": "off", "size": 10}, format="%Y-%m-%d"),
        "help_text": help_text,
    }


AS_OF = date_options(
    _("Stichtag"),
    _("Format JJJJ-MM-TT oder TT.MM.JJJJ. Leer lassen für den aktuellen Stand."),
)
SINCE = date_options(
    _("Veränderungen seit"),
    _(
        "Format JJJJ-MM-TT oder TT.MM.JJJJ. Zeigt nur, was sich zwischen diesem Datum "
        "und dem Stichtag geändert hat."
    ),
)


class ReportingDateForm(forms.Form):
    """A reporting date (Stichtag) and, optionally, an earlier date to compare with."""

    as_of = forms.DateField(**AS_OF)
    since = forms.DateField(**SINCE)

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        as_of, since = cleaned.get("as_of"), cleaned.get("since")
        if as_of and as_of > today:
            self.add_error("as_of", _("Der Stichtag darf nicht in der Zukunft liegen."))
        if since and since >= (as_of or today):
            self.add_error(
                "since", _("Das Vergleichsdatum muss vor dem Stichtag (oder vor heute) liegen.")
            )
        return cleaned


def canonical_query(form: forms.Form) -> list[tuple[str, str]]:
    """The parameters a *valid* form accepted, each in its one canonical spelling.

    Views hand this to the page cache (``request.page_cache_query``), which
    stores a page only when the query string is exactly these pairs: a date
    written another way, a repeated parameter or one the form ignores is
    answered but not stored, so hostile query strings cannot fill the cache.
    """
    if not form.is_valid():
        return []
    pairs = []
    for name, field in form.fields.items():
        if name in form.data:
            value = form.cleaned_data.get(name)
            values = value if isinstance(value, list | tuple) else [value]
            pairs += [(name, text) for text in dict.fromkeys(_canonical(field, v) for v in values)]
    return pairs


def _canonical(field: forms.Field, value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(getattr(value, getattr(field, "to_field_name", None) or "pk"))
    return str(value)


def district_choices():
    districts = (
        Measure.objects.published()
        .exclude(district="")
        .order_by("district")
        .values_list("district", flat=True)
        .distinct()
    )
    return [(district, district) for district in districts]


SORTS = {
    "code": _("Kennung"),
    "title": _("Titel"),
    "status": _("Status"),
    "changed": _("letzte Änderung, neueste zuerst"),
}


class MeasureFilter(django_filters.FilterSet):
    """The measure list's filters; the CSV/JSON export accepts the same parameters."""

    q = django_filters.CharFilter(
        label=_("Suche in Titel und Beschreibung"), method="filter_text", max_length=200
    )
    field = SlugChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=ActionField.objects.all(),
        to_field_name="slug",
        empty_label=_("alle Handlungsfelder"),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        method="filter_status",
        widget=forms.CheckboxSelectMultiple,
    )
    unit = SlugChoiceFilter(
        label=_("Verantwortlicher Fachbereich"),
        queryset=OrganisationalUnit.objects.all(),
        to_field_name="slug",
        field_name="responsible_unit",
        empty_label=_("alle Fachbereiche"),
    )
    commitment = SlugChoiceFilter(
        label=_("Selbstverpflichtung"),
        queryset=Commitment.objects.all(),
        to_field_name="slug",
        field_name="commitments",
        empty_label=_("alle Selbstverpflichtungen"),
    )
    district = django_filters.ChoiceFilter(
        label=_("Stadtbezirk / Sozialraum"),
        choices=district_choices,
        empty_label=_("alle Stadtbezirke und Sozialräume"),
    )
    progress = django_filters.ChoiceFilter(
        label=_("Fortschritt"),
        choices=[
            ("yes", _("mit Fortschrittsangabe")),
            ("no", _("ohne Fortschrittsangabe")),
        ],
        method="filter_progress",
        empty_label=_("alle"),
    )
    as_of = django_filters.DateFilter(method="keep", **AS_OF)
    since = django_filters.DateFilter(method="keep", **SINCE)
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=list(SORTS.items()),
        method="keep",
        empty_label=None,
    )

    class Meta:
        model = Measure
        fields: list[str] = []
        form = ReportingDateForm

    def keep(self, queryset, name, value):
        return queryset

    def filter_text(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value) if value else queryset

    def filter_progress(self, queryset, name, value):
        return queryset.with_progress_reported(value == "yes")

    def reporting_dates(self) -> tuple:
        """(as_of, since) if the input is valid, else (None, None)."""
        if not self.is_valid():
            return None, None
        return self.form.cleaned_data.get("as_of"), self.form.cleaned_data.get("since")

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        queryset = queryset.at(data.get("as_of"))
        if data.get("since"):
            queryset = queryset.changed_since(data["since"])
        queryset = super().filter_queryset(queryset)
        return sort_measures(queryset, data.get("sort") or "code")


def sort_measures(queryset, key: str):
    """Order a state-annotated queryset by one of ``SORTS``; the code breaks ties."""
    if key == "status":
        return queryset.order_by_status()
    if key == "changed":
        return queryset.order_by(
            F("changed_on_as_of").desc(nulls_last=True), "field__number", "position"
        )
    if key == "title":
        return queryset.order_by(localized_value("title"), "field__number", "position")
    return queryset.order_by("field__number", "position")
