"""The measure catalogue as a spreadsheet: columns, reading, import and export.

django-import-export does the work (``MeasureResource``; the admin's import with
preview and the export use it directly, ``manage.py import_measures`` through
``services.import_measures``). This module adds what the city's spreadsheets
need: CSV from Excel in UTF-8 (with or without BOM) or cp1252, separated by
semicolons or commas, and XLSX; clear messages per row and column in German;
status changes recorded as status entries; and formula-injection-safe export
that imports back without loss.
"""

import csv
import datetime
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields as ie_fields
from import_export import resources, widgets
from import_export.formats import base_formats
from import_export.forms import ImportForm
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import RowResult
from modeltranslation.utils import build_localized_fieldname

from fields.models import ActionField, OrganisationalUnit

from . import services
from .models import Measure
from .status import Status

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized(name: str) -> list[str]:
    return [build_localized_fieldname(name, code) for code in LANGUAGE_CODES]


# The columns, in file order, with what staff write into them (shown on the
# import page and in the README). German title is required for new measures.
COLUMN_DOCS: list[tuple[str, str]] = [
    (
        "code",
        gettext_lazy(
            "Kennung der Maßnahme, z. B. „3.1“ "
            "(Pflicht; bestimmt, welche Maßnahme aktualisiert wird)"
        ),
    ),
    (
        "field",
        gettext_lazy(
            "Handlungsfeld: Nummer (1–9) oder Name, z. B. „3“ oder "
            "„Wohnen / Sozialplanung“ (Pflicht bei neuen Maßnahmen)"
        ),
    ),
    ("position", gettext_lazy("Position im Handlungsfeld; leer: aus der Kennung (3.1 → 1)")),
    *[
        (
            name,
            format_lazy(
                "{} ({}); {}",
                gettext_lazy("Titel"),
                code,
                gettext_lazy("Deutsch ist Pflicht bei neuen Maßnahmen"),
            ),
        )
        for name, code in zip(localized("title"), LANGUAGE_CODES, strict=True)
    ],
    *[
        (name, format_lazy("{} ({})", gettext_lazy("Beschreibung"), code))
        for name, code in zip(localized("description"), LANGUAGE_CODES, strict=True)
    ],
    (
        "responsible_unit",
        gettext_lazy(
            "Verantwortlicher Fachbereich: Name, Nummer (z. B. „FB 56“) oder Kürzel; "
            "muss im Portal angelegt sein"
        ),
    ),
    *[
        (name, format_lazy("{} ({})", gettext_lazy("Partner"), code))
        for name, code in zip(localized("partners"), LANGUAGE_CODES, strict=True)
    ],
    ("district", gettext_lazy("Stadtbezirk / Sozialraum")),
    ("start_date", gettext_lazy("Beginn: TT.MM.JJJJ oder JJJJ-MM-TT")),
    ("target_date", gettext_lazy("Zieldatum: TT.MM.JJJJ oder JJJJ-MM-TT")),
    (
        "status",
        gettext_lazy("Status, wie im Portal benannt, z. B. „in Umsetzung“; leer: unverändert"),
    ),
    ("progress", gettext_lazy("Fortschritt in Prozent, 0–100; nur zusammen mit einem Status")),
    ("status_date", gettext_lazy("Sachstand vom (Datum); leer: Tag des Imports")),
    (
        "published",
        gettext_lazy(
            "öffentlich sichtbar: ja oder nein; leer: neue Maßnahmen bleiben unveröffentlicht"
        ),
    ),
]
COLUMNS = [name for name, _doc in COLUMN_DOCS]
STATUS_COLUMNS = ("status", "progress", "status_date")

# Cells starting with these may be run as formulas by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"


def neutralise(value):
    """Prefix a text cell that a spreadsheet could run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + value
    return value


def restore(value):
    """Undo ``neutralise`` on import, so export → import is lossless."""
    if (
        isinstance(value, str)
        and value.startswith(NEUTRALISER)
        and value[1:].startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value


# Reading files ------------------------------------------------------------


class SpreadsheetError(Exception):
    """The file cannot be read as a catalogue; ``message`` says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def max_bytes() -> int:
    return settings.MEASURE_IMPORT_MAX_BYTES


def _size_label(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def check_size(size: int) -> None:
    if size > max_bytes():
        raise SpreadsheetError(
            _("Die Datei ist zu groß (%(size)s); erlaubt sind höchstens %(limit)s.")
            % {"size": _size_label(size), "limit": _size_label(max_bytes())}
        )


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, as Excel writes on German Windows, cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SpreadsheetError(
            _(
                "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert. Bitte in Excel als "
                "„CSV UTF-8 (durch Trennzeichen getrennt)“ oder als XLSX speichern."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            _(
                "Die Zeichenkodierung der Datei ist weder UTF-8 noch Windows-1252 "
                "(Byte %(position)d). Bitte als „CSV UTF-8“ oder als XLSX speichern."
            )
            % {"position": error.start + 1}
        ) from error
    return text


def _looks_binary(text: str) -> bool:
    return any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x1a\x1b")


def read_csv(data: bytes) -> tablib.Dataset:
    text = decode_text(data)
    if _looks_binary(text[:4096]):
        raise SpreadsheetError(_("Die Datei ist keine Tabelle (CSV oder XLSX)."))
    header_line = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ","
    return base_formats.CSV().create_dataset(text, delimiter=delimiter)


def read_xlsx(data: bytes) -> tablib.Dataset:
    try:
        return base_formats.XLSX().create_dataset(data)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise SpreadsheetError(_("Die Datei ist keine lesbare Excel-Tabelle (XLSX).")) from error


def normalise_header(value) -> str:
    return re.sub(r"[\s\-]+", "_", str(value or "").strip().lstrip("\ufeff").lower())


def read_spreadsheet(data: bytes) -> tablib.Dataset:
    """Turn uploaded bytes into a dataset with checked headers, or raise SpreadsheetError."""
    check_size(len(data))
    if not data.strip():
        raise SpreadsheetError(_("Die Datei ist leer."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _("Das alte Excel-Format (.xls) wird nicht gelesen. Bitte als XLSX oder CSV speichern.")
        )
    dataset = read_xlsx(data) if zipfile.is_zipfile(io.BytesIO(data)) else read_csv(data)

    headers = [normalise_header(h) for h in (dataset.headers or [])]
    while (
        headers
        and headers[-1] == ""
        and all(row[len(headers) - 1] in (None, "") for row in dataset)
    ):
        # Trailing unnamed empty columns, as Excel sometimes leaves them.
        del dataset[dataset.headers[len(headers) - 1]]
        headers.pop()
    if "code" not in headers:
        raise SpreadsheetError(
            _(
                "Die Datei ist keine Maßnahmentabelle: Die erste Zeile muss die "
                "Spaltennamen enthalten, mindestens „code“. Gefunden: %(found)s. "
                "Eine Vorlage gibt es auf der Import-Seite."
            )
            % {"found": ", ".join(f"„{h}“" for h in headers[:8]) or _("nichts")}
        )
    unknown = [h for h in headers if h not in COLUMNS]
    if unknown:
        raise SpreadsheetError(
            _("Unbekannte Spalte(n): %(unknown)s. Erlaubt sind: %(allowed)s.")
            % {
                "unknown": ", ".join(f"„{h}“" for h in unknown),
                "allowed": ", ".join(COLUMNS),
            }
        )
    duplicated = [h for h, n in Counter(headers).items() if n > 1]
    if duplicated:
        raise SpreadsheetError(
            _("Spalte(n) doppelt: %(columns)s.")
            % {"columns": ", ".join(f"„{h}“" for h in duplicated)}
        )
    rows = [[restore(cell) for cell in row] for row in dataset]
    if not any(any(cell not in (None, "") for cell in row) for row in rows):
        raise SpreadsheetError(_("Die Datei enthält keine Maßnahmen, nur Spaltennamen."))
    return tablib.Dataset(*rows, headers=headers)


class SpreadsheetFormat(base_formats.Format):
    """The one import format of the admin: CSV or XLSX, recognised from the content."""

    def __init__(self, encoding=None):
        self.encoding = encoding  # unused: the content decides (see decode_text)

    def get_title(self):
        return "CSV / XLSX"

    def create_dataset(self, in_stream):
        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        return read_spreadsheet(in_stream)

    def can_import(self):
        return True

    def get_extension(self):
        return "csv"


class ExcelCSV(base_formats.CSV):
    """CSV as German Excel opens it by double-click: semicolons (BOM set by the admin)."""

    def export_data(self, dataset, **kwargs):
        return dataset.export("csv", delimiter=";")


class ExcelXLSX(base_formats.XLSX):
    pass


class CatalogueImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            check_size(upload.size)
        except SpreadsheetError as error:
            raise ValidationError(error.message) from error
        return upload


# Cell values --------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return _text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        text = text.split(" ")[0]  # "2025-04-01 00:00:00" from some exports
        for fmt in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            _("„%(value)s“ ist kein Datum; bitte TT.MM.JJJJ oder JJJJ-MM-TT.") % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else value.isoformat()


class PositionWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            code = _text((row or {}).get("code"))
            match = re.fullmatch(r"\d+\.(\d+)", code)
            if match:
                return int(match.group(1))
            return None
        if not text.isdigit() or int(text) < 1:
            raise ValueError(
                _("„%(value)s“ ist keine Position; bitte eine ganze Zahl ab 1.") % {"value": text}
            )
        return int(text)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


class ProgressWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value).rstrip("%").strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None or not number.is_integer():
            raise ValueError(
                _("„%(value)s“ ist keine ganze Zahl; Fortschritt in Prozent, 0–100.")
                % {"value": _text(value)}
            )
        if not 0 <= number <= 100:
            raise ValueError(
                _("Fortschritt muss zwischen 0 und 100 liegen, gelesen: %(value)s.")
                % {"value": int(number)}
            )
        return int(number)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


class StatusWidget(widgets.Widget):
    """German status names as shown in the portal, or their internal keys."""

    @staticmethod
    def names() -> dict[str, str]:
        with translation.override("de"):
            named = {str(label).casefold(): value for value, label in Status.choices}
        return {**named, **{value: value for value in Status.values}}

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        try:
            return self.names()[text.casefold()]
        except KeyError:
            with translation.override("de"):
                allowed = ", ".join(f"„{label}“" for _value, label in Status.choices)
            raise ValueError(
                _("Unbekannter Status „%(value)s“. Erlaubt: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        with translation.override("de"):
            return str(Status(value).label)


class BooleanWidget(widgets.Widget):
    TRUE = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
    FALSE = {"nein", "n", "no", "false", "falsch", "0"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = _text(value).casefold()
        if not text:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("„%(value)s“: bitte „ja“ oder „nein“.") % {"value": _text(value)})

    def render(self, value, obj=None, **kwargs):
        # Like status names, the file speaks German whatever the staff member's
        # admin language, so an export always imports again.
        return "ja" if value else "nein"


class ActionFieldWidget(widgets.Widget):
    """A Handlungsfeld by number, by name, or as "3. Wohnen / Sozialplanung"."""

    def __init__(self):
        super().__init__()
        self._fields = None

    def lookup(self):
        if self._fields is None:
            self._fields = list(ActionField.objects.all())
        return self._fields

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        match = re.fullmatch(r"(\d+)\.?(?:\s+.*)?", text)
        for action_field in self.lookup():
            if match and action_field.number == int(match.group(1)):
                return action_field
            names = {getattr(action_field, n) for n in localized("name")} - {None, ""}
            if text.casefold() in {name.casefold() for name in names}:
                return action_field
        raise ValueError(
            _(
                "Unbekanntes Handlungsfeld „%(value)s“. Erlaubt sind die Nummern "
                "%(numbers)s oder die Namen der Handlungsfelder."
            )
            % {
                "value": text,
                "numbers": ", ".join(str(f.number) for f in self.lookup()),
            }
        )

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value.number if kwargs.get("force_native_type") else str(value.number)


class UnitWidget(widgets.Widget):
    """A responsible unit by name, "FB 56 Name", number ("56", "FB 56") or slug."""

    def __init__(self):
        super().__init__()
        self._units = None

    def lookup(self):
        if self._units is None:
            self._units = list(OrganisationalUnit.objects.all())
        return self._units

    @staticmethod
    def keys(unit) -> set[str]:
        keys = {str(unit), unit.slug, *(getattr(unit, n) for n in localized("name"))}
        if unit.number:
            keys |= {unit.number, f"FB {unit.number}", f"FB{unit.number}"}
        return {k.casefold() for k in keys if k}

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        found = [unit for unit in self.lookup() if text.casefold() in self.keys(unit)]
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(
                _("„%(value)s“ passt auf mehrere Fachbereiche; bitte das Kürzel angeben.")
                % {"value": text}
            )
        raise ValueError(
            _(
                "Unbekannter Fachbereich „%(value)s“. Bitte zuerst unter "
                "„Organisationseinheiten“ anlegen oder den Namen prüfen."
            )
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


# The resource -------------------------------------------------------------


def text_field(name: str) -> ie_fields.Field:
    return ie_fields.Field(attribute=name, column_name=name, widget=TextWidget())


class MeasureResource(resources.ModelResource):
    """One spreadsheet row per measure, upserted by its code."""

    code = text_field("code")
    field = ie_fields.Field(
        attribute="field",
        column_name="field",
        widget=ActionFieldWidget(),
        saves_null_values=False,  # a blank cell keeps the measure's field
    )
    position = ie_fields.Field(
        attribute="position", column_name="position", widget=PositionWidget()
    )
    responsible_unit = ie_fields.Field(
        attribute="responsible_unit", column_name="responsible_unit", widget=UnitWidget()
    )
    district = text_field("district")
    start_date = ie_fields.Field(
        attribute="start_date", column_name="start_date", widget=DateWidget()
    )
    target_date = ie_fields.Field(
        attribute="target_date", column_name="target_date", widget=DateWidget()
    )
    # Status columns are exported from the measure's current (published) status;
    # on import they become a status entry, never a direct write (readonly here).
    status = ie_fields.Field(
        attribute="status", column_name="status", widget=StatusWidget(), readonly=True
    )
    progress = ie_fields.Field(
        attribute="progress", column_name="progress", widget=ProgressWidget(), readonly=True
    )
    status_date = ie_fields.Field(
        attribute="status_changed_on", column_name="status_date", widget=DateWidget(), readonly=True
    )
    published = ie_fields.Field(
        attribute="is_published",
        column_name="published",
        widget=BooleanWidget(),
        saves_null_values=False,
    )

    class Meta:
        model = Measure
        fields = COLUMNS
        import_order = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["code"]
        instance_loader_class = CachedInstanceLoader
        skip_diff = True
        skip_html_diff = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name in (*localized("title"), *localized("description"), *localized("partners")):
            self.fields[name] = text_field(name)
        self.duplicates: dict[str, list[int]] = {}

    def get_queryset(self):
        return Measure.objects.select_related("field", "responsible_unit")

    # Import ---------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        lines: dict[str, list[int]] = {}
        for number, row in enumerate(dataset.dict, start=1):
            code = _text(row.get("code"))
            if code:
                lines.setdefault(code, []).append(number + 1)
        self.duplicates = {code: found for code, found in lines.items() if len(found) > 1}

    def import_row(self, row, instance_loader, **kwargs):
        if all(value in (None, "") for value in row.values()):
            result = self.get_row_result_class()()
            result.import_type = RowResult.IMPORT_TYPE_SKIP
            result.blank = True
            return result
        return super().import_row(row, instance_loader, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        is_new = instance.pk is None
        before = {name: self.fields[name].get_value(instance) for name in self.changeable(row)}
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)

        for name, old in before.items():
            # Untranslated columns hold NULL; an empty cell means the same.
            attribute = self.fields[name].attribute
            if (
                old is None
                and isinstance(self.fields[name].widget, TextWidget)
                and getattr(instance, attribute) == ""
            ):
                setattr(instance, attribute, None)

        code = _text(row.get("code"))
        derived = re.fullmatch(r"\d+\.(\d+)", code)
        if instance.position is None and derived and "position" not in errors:
            instance.position = int(derived.group(1))
        if not code:
            errors.setdefault("code", []).append(_("Die Kennung fehlt."))
        elif code in self.duplicates:
            errors.setdefault("code", []).append(
                _("Die Kennung „%(code)s“ steht mehrfach in der Datei (Zeilen %(lines)s).")
                % {"code": code, "lines": ", ".join(map(str, self.duplicates[code]))}
            )
        if is_new:
            if not instance.title_de:
                errors.setdefault("title_de", []).append(
                    _("Der deutsche Titel fehlt; er ist für neue Maßnahmen Pflicht.")
                )
            if instance.field_id is None and "field" not in errors:
                errors.setdefault("field", []).append(
                    _("Das Handlungsfeld fehlt; es ist für neue Maßnahmen Pflicht.")
                )
            if instance.position is None and "position" not in errors:
                errors.setdefault("position", []).append(
                    _("Die Position fehlt und lässt sich nicht aus der Kennung ablesen.")
                )
        elif "title_de" in row and not instance.title_de:
            errors.setdefault("title_de", []).append(_("Der deutsche Titel darf nicht leer sein."))

        instance._pending_status = self.pending_status(instance, row, errors, is_new)
        instance._changed_columns = [
            name
            for name, old in before.items()
            if name not in errors and self.fields[name].get_value(instance) != old
        ]
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def changeable(row) -> list[str]:
        return [name for name in COLUMNS if name in row and name not in STATUS_COLUMNS]

    def pending_status(self, instance, row, errors, is_new):
        """The status entry a row asks for, if it differs from the current status."""
        values = {}
        for name in STATUS_COLUMNS:
            if name not in row:
                values[name] = None
                continue
            try:
                values[name] = self.fields[name].clean(row)
            except ValueError as error:
                errors.setdefault(name, []).append(str(error))
                values[name] = None
        status, progress, reported_on = values["status"], values["progress"], values["status_date"]
        if status is None:
            if progress is not None and "status" not in errors:
                errors.setdefault("status", []).append(
                    _("Bitte einen Status angeben, wenn ein Fortschritt eingetragen ist.")
                )
            return None
        current = (
            (Status.NO_REPORT, None, None)
            if is_new
            else (instance.status, instance.progress, instance.status_changed_on)
        )
        if (status, progress) == current[:2] and reported_on in (None, current[2]):
            return None
        return {
            "status": status,
            "progress": progress,
            "reported_on": reported_on or timezone.localdate(),
        }

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The German title is checked as "title_de" above; "title" would repeat it.
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errors, "title"], validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        return (
            instance.pk is not None
            and not instance._changed_columns
            and instance._pending_status is None
        )

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and getattr(user, "pk", None):
            instance._history_user = user
        instance._change_reason = "import"

    def after_save_instance(self, instance, row, **kwargs):
        pending = instance._pending_status
        if pending is None:
            return
        user = kwargs.get("user")
        services.record_status(
            measure=instance,
            author=user if getattr(user, "pk", None) else None,
            internal_note=_("Aus dem Import der Datei „%(file)s“.")
            % {"file": kwargs.get("file_name") or "?"},
            publish=True,
            **pending,
        )

    # Export ---------------------------------------------------------------

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))


# Reporting --------------------------------------------------------------


ACTION_LABELS = {
    RowResult.IMPORT_TYPE_NEW: gettext_lazy("neu"),
    RowResult.IMPORT_TYPE_UPDATE: gettext_lazy("geändert"),
    RowResult.IMPORT_TYPE_SKIP: gettext_lazy("unverändert"),
    RowResult.IMPORT_TYPE_INVALID: gettext_lazy("abgelehnt"),
    RowResult.IMPORT_TYPE_ERROR: gettext_lazy("abgelehnt"),
}


@dataclass
class ReportRow:
    line: int
    code: str
    action: str
    changes: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def rejected(self) -> bool:
        return self.action in (RowResult.IMPORT_TYPE_INVALID, RowResult.IMPORT_TYPE_ERROR)


@dataclass
class ImportReport:
    """What an import did or would do, per spreadsheet line (header = line 1)."""

    rows: list[ReportRow]
    file_errors: list[str] = field(default_factory=list)

    @classmethod
    def from_result(cls, result) -> "ImportReport":
        rows = []
        invalid = {row.number: row for row in result.invalid_rows}
        errors = dict(result.row_errors())
        for number, row_result in enumerate(result.rows, start=1):
            if getattr(row_result, "blank", False):
                continue
            rows.append(cls.row_for(number, row_result, invalid.get(number), errors.get(number)))
        file_errors = [str(error.error) for error in result.base_errors]
        return cls(rows=rows, file_errors=file_errors)

    @staticmethod
    def row_for(number, row_result, invalid_row, row_errors) -> ReportRow:
        values = invalid_row.values if invalid_row else ()
        code = ""
        if row_result.instance is not None:
            code = row_result.instance.code
        elif row_result.object_repr:
            code = row_result.object_repr.split(" ")[0]
        report = ReportRow(line=number + 1, code=code, action=row_result.import_type)
        if invalid_row is not None:
            columns = {f.attribute: f.column_name for f in MeasureResource().fields.values()}
            for name, messages in invalid_row.field_specific_errors.items():
                column = columns.get(name, name)
                report.errors += [(column, str(message)) for message in messages]
            report.errors += [("", str(m)) for m in invalid_row.non_field_specific_errors]
            report.code = report.code or _text(dict(zip(COLUMNS, values, strict=False)).get("code"))
        for error in row_errors or []:
            report.errors.append(("", str(error.error)))
        instance = row_result.instance
        if instance is not None and not report.rejected:
            report.changes = list(getattr(instance, "_changed_columns", []))
            pending = getattr(instance, "_pending_status", None)
            if pending:
                with translation.override("de"):
                    label = Status(pending["status"]).label
                progress = "" if pending["progress"] is None else f", {pending['progress']} %"
                report.changes.append(
                    _("neuer Sachstand: %(status)s%(progress)s vom %(date)s")
                    % {
                        "status": label,
                        "progress": progress,
                        "date": date_format(pending["reported_on"], "SHORT_DATE_FORMAT"),
                    }
                )
        return report

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(row.rejected for row in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def summary(self) -> str:
        text = _(
            "%(new)d neu, %(updated)d geändert, %(unchanged)d unverändert, %(rejected)d abgelehnt."
        ) % {
            "new": self.count(RowResult.IMPORT_TYPE_NEW),
            "updated": self.count(RowResult.IMPORT_TYPE_UPDATE),
            "unchanged": self.count(RowResult.IMPORT_TYPE_SKIP),
            "rejected": sum(1 for row in self.rows if row.rejected),
        }
        return text

    def error_lines(self) -> list[str]:
        lines = list(self.file_errors)
        for row in self.rows:
            for column, message in row.errors:
                where = (
                    _("Zeile %(line)d, Spalte „%(column)s“") % {"line": row.line, "column": column}
                    if column
                    else _("Zeile %(line)d") % {"line": row.line}
                )
                lines.append(f"{where}: {message}")
        return lines


def import_catalogue(*, data: bytes, file_name: str, user=None, dry_run: bool) -> ImportReport:
    """Read and import a catalogue file in one transaction; nothing is kept on any error.

    Raises ``SpreadsheetError`` when the file itself cannot be read.
    """
    dataset = read_spreadsheet(data)
    result = MeasureResource().import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        user=user,
        file_name=file_name,
    )
    return ImportReport.from_result(result)


def attach_report(response) -> None:
    """Give the admin's import page our per-row report next to the library's result."""
    if isinstance(response, TemplateResponse) and response.context_data.get("result"):
        response.context_data["report"] = ImportReport.from_result(response.context_data["result"])


def template_response(file_format: str) -> HttpResponse:
    """An empty catalogue with just the column names, to fill in."""
    dataset = tablib.Dataset(headers=COLUMNS)
    if file_format == "xlsx":
        fmt = ExcelXLSX()
        content = fmt.export_data(dataset)
    elif file_format == "csv":
        fmt = ExcelCSV()
        content = fmt.export_data(dataset).encode("utf-8-sig")
    else:
        raise Http404
    response = HttpResponse(content, content_type=fmt.get_content_type())
    response["Content-Disposition"] = f'attachment; filename="massnahmen-vorlage.{file_format}"'
    return response
