"""Cell widgets: how one spreadsheet cell becomes a measure's value and back.

Messages for unreadable cells are in German (through gettext); status names
and yes/no are written in German whatever the admin language, so an export
always imports again.
"""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import widgets

from fields.models import ActionField, OrganisationalUnit

from ..dates import DATE_INPUT_FORMATS, TWO_DIGIT_YEAR, two_digit_year_message
from ..status import Status, german_label
from .columns import localized


def cell_text(value) -> str:
    """A cell as stripped text; a whole number read from XLSX as float loses its ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    FORMATS = DATE_INPUT_FORMATS  # four-digit years only (measures/dates.py)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        text = text.split(" ")[0]  # "2025-04-01 00:00:00" from some exports
        if TWO_DIGIT_YEAR.match(text):
            raise ValueError(
                _("„%(value)s“: %(message)s") % {"value": text, "message": two_digit_year_message()}
            )
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
        text = cell_text(value)
        if not text:
            code = cell_text((row or {}).get("code"))
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
        text = cell_text(value).rstrip("%").strip().replace(",", ".")
        if not text:
            return None
        # Digits only (with an optional ",0"): float() would also take "1e2" and "1_0".
        number = float(text) if re.fullmatch(r"\d{1,3}(\.0+)?", text) else None
        if number is None or not number.is_integer():
            raise ValueError(
                _("„%(value)s“ ist keine ganze Zahl; Fortschritt in Prozent, 0–100.")
                % {"value": cell_text(value)}
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
        named = {german_label(value).casefold(): value for value in Status.values}
        return {**named, **{value: value for value in Status.values}}

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        try:
            return self.names()[text.casefold()]
        except KeyError:
            allowed = ", ".join(f"„{german_label(value)}“" for value in Status.values)
            raise ValueError(
                _("Unbekannter Status „%(value)s“. Erlaubt: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return german_label(value)


class BooleanWidget(widgets.Widget):
    TRUE = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
    FALSE = {"nein", "n", "no", "false", "falsch", "0"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).casefold()
        if not text:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("„%(value)s“: bitte „ja“ oder „nein“.") % {"value": cell_text(value)})

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
        text = cell_text(value)
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
        text = cell_text(value)
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
