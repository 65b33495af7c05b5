"""``MeasureResource``: one spreadsheet row per measure, upserted by its code, and the row rules.

Used by the admin's import (with preview) and export through
django-import-export, and by ``import_catalogue``. What an import does with a
row besides writing its columns (which columns change, which status entry it
records) is a ``RowPlan``, held by the resource per measure code and handed to
the report with the ``CatalogueResult``.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields as ie_fields
from import_export import resources
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import Result, RowResult

from council.models import Paper
from translations.text import neutralise

from .. import services
from ..dates import validate_report_date
from ..models import Measure, Status, no_report_progress_message
from .columns import COLUMNS, PAPER_SEPARATOR, PAPERS_COLUMN, STATUS_COLUMNS, localized
from .widgets import (
    ActionFieldWidget,
    BooleanWidget,
    DateWidget,
    PositionWidget,
    ProgressWidget,
    StatusWidget,
    TextWidget,
    UnitWidget,
    cell_text,
)


@dataclass(frozen=True)
class StatusChange:
    """The status entry a row asks for, because it differs from the current status."""

    status: str
    progress: int | None
    reported_on: datetime.date


@dataclass(frozen=True)
class RowPlan:
    """What importing a row does to its measure besides the columns' values."""

    changed_columns: tuple[str, ...]
    status_change: StatusChange | None
    # The council papers the row links (by id); None when the file has no such column.
    paper_ids: frozenset[int] | None = None

    @property
    def changes_nothing(self) -> bool:
        return not self.changed_columns and self.status_change is None


class CatalogueRowResult(RowResult):
    """The library's row result; ``blank`` marks an empty line, which the report leaves out."""

    def __init__(self):
        super().__init__()
        self.blank = False


class CatalogueResult(Result):
    """The library's import result plus the resource's plan per measure code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plans: dict[str, RowPlan] = {}


def same_text(old: str, new: str) -> bool:
    """Equal but for line endings (CRLF, CR, LF)."""
    return old.replace("\r\n", "\n").replace("\r", "\n") == new.replace("\r\n", "\n").replace(
        "\r", "\n"
    )


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
    # Council papers (Ratsbezug) by reference; linked after the row is saved.
    council_papers = ie_fields.Field(column_name=PAPERS_COLUMN, readonly=True)
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
        self.existing_codes: dict[str, str] = {}
        # The plan of each row of the current import, by measure code. A code
        # the file repeats or lacks rejects its rows, so the plans that are
        # carried out (saved rows) and reported (accepted rows) never collide.
        self.plans: dict[str, RowPlan] = {}

    @classmethod
    def get_result_class(cls):
        return CatalogueResult

    @classmethod
    def get_row_result_class(cls):
        return CatalogueRowResult

    def get_queryset(self):
        return Measure.objects.select_related("field", "responsible_unit").prefetch_related(
            "paper_links__paper"
        )

    # Import ---------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        # Codes are unique regardless of case: "t1.01" beside "T1.01" is a typo.
        lines: dict[str, list[int]] = {}
        written: set[str] = set()
        for number, row in enumerate(dataset.dict, start=1):
            code = cell_text(row.get("code"))
            if code:
                lines.setdefault(code.casefold(), []).append(number + 1)
                written.add(code)
        self.duplicates = {
            code: lines[code.casefold()] for code in written if len(lines[code.casefold()]) > 1
        }
        self.existing_codes = {
            code.casefold(): code for code in Measure.objects.values_list("code", flat=True)
        }
        self.plans = {}

    def after_import(self, dataset, result, **kwargs):
        result.plans = self.plans
        super().after_import(dataset, result, **kwargs)

    def plan_for(self, row) -> RowPlan:
        """The plan ``import_instance`` made for this row."""
        return self.plans[cell_text(row.get("code"))]

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
            attribute = self.fields[name].attribute
            is_text = isinstance(self.fields[name].widget, TextWidget)
            new = getattr(instance, attribute) if is_text else None
            if isinstance(old, str) and isinstance(new, str) and same_text(old, new):
                # XLSX (and some editors) turn CRLF into LF: the same text, kept as stored.
                setattr(instance, attribute, old)
            # Untranslated columns hold NULL; an empty cell means the same.
            if (
                old is None
                and isinstance(self.fields[name].widget, TextWidget)
                and getattr(instance, attribute) == ""
            ):
                setattr(instance, attribute, None)

        code = cell_text(row.get("code"))
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
        elif self.existing_codes.get(code.casefold(), code) != code:
            errors.setdefault("code", []).append(
                _(
                    "Die Kennung „%(code)s“ unterscheidet sich von der vorhandenen Maßnahme "
                    "„%(existing)s“ nur in Groß- und Kleinschreibung. Bitte „%(existing)s“ "
                    "schreiben, wenn diese gemeint ist."
                )
                % {"code": code, "existing": self.existing_codes[code.casefold()]}
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

        status_change = self.status_change(instance, row, errors, is_new)
        paper_ids = self.paper_ids(row, errors)
        changed = tuple(
            name
            for name, old in before.items()
            if name not in errors and self.fields[name].get_value(instance) != old
        )
        if paper_ids is not None and paper_ids != self.linked_paper_ids(instance):
            changed += (PAPERS_COLUMN,)
        self.plans[code] = RowPlan(
            changed_columns=changed, status_change=status_change, paper_ids=paper_ids
        )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def changeable(row) -> list[str]:
        return [
            name
            for name in COLUMNS
            if name in row and name not in STATUS_COLUMNS and name != PAPERS_COLUMN
        ]

    @staticmethod
    def linked_paper_ids(instance) -> frozenset[int]:
        if instance.pk is None:
            return frozenset()
        return frozenset(instance.paper_links.values_list("paper_id", flat=True))

    @staticmethod
    def paper_ids(row, errors) -> frozenset[int] | None:
        """The synced papers the row names by reference; unknown ones are row errors.

        The import only looks up papers already synced (``manage.py sync_council``);
        it never asks the council system.
        """
        if PAPERS_COLUMN not in row:
            return None
        references = [
            ref.strip()
            for ref in cell_text(row.get(PAPERS_COLUMN)).split(PAPER_SEPARATOR)
            if ref.strip()
        ]
        ids: dict[str, set[int]] = {}
        for reference, pk in (
            Paper.objects.current().filter(reference__in=references).values_list("reference", "pk")
        ):
            ids.setdefault(reference, set()).add(pk)
        for reference in references:
            if reference not in ids:
                errors.setdefault(PAPERS_COLUMN, []).append(
                    _(
                        "Die Ratsvorlage „%(reference)s“ ist nicht bekannt. Bitte das "
                        "Aktenzeichen prüfen; bekannt sind nur Vorlagen, die aus dem "
                        "Ratsinformationssystem abgeglichen sind (manage.py sync_council)."
                    )
                    % {"reference": reference}
                )
        return frozenset(pk for pks in ids.values() for pk in pks)

    def status_change(self, instance, row, errors, is_new) -> StatusChange | None:
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
        if reported_on is not None:
            try:
                validate_report_date(reported_on)
            except ValidationError as error:
                errors.setdefault("status_date", []).extend(error.messages)
                reported_on = None
        if status is None:
            if progress is not None and "status" not in errors:
                errors.setdefault("status", []).append(
                    _("Bitte einen Status angeben, wenn ein Fortschritt eingetragen ist.")
                )
            return None
        if status == Status.NO_REPORT and progress is not None:
            errors.setdefault("progress", []).append(no_report_progress_message())
            return None
        current = (
            (Status.NO_REPORT, None, None)
            if is_new
            else (instance.status, instance.progress, instance.status_changed_on)
        )
        if (status, progress) == current[:2] and reported_on in (None, current[2]):
            return None
        if (
            not is_new
            and reported_on is not None
            and instance.status_entries.published()
            .filter(reported_on=reported_on, status=status, progress=progress)
            .exists()
        ):
            return None  # imported (or reported) before: an equal entry is no news
        return StatusChange(
            status=status,
            progress=progress,
            reported_on=reported_on or timezone.localdate(),
        )

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
        return instance.pk is not None and self.plan_for(row).changes_nothing

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and getattr(user, "pk", None):
            instance._history_user = user
        instance._change_reason = "import"

    def after_save_instance(self, instance, row, **kwargs):
        plan = self.plan_for(row)
        user = kwargs.get("user")
        if plan.paper_ids is not None:
            services.set_measure_papers(
                measure=instance,
                paper_ids=set(plan.paper_ids),
                user=user if getattr(user, "pk", None) else None,
            )
        change = plan.status_change
        if change is None:
            return
        services.record_status(
            measure=instance,
            author=user if getattr(user, "pk", None) else None,
            internal_note=_("Aus dem Import der Datei „%(file)s“.")
            % {"file": kwargs.get("file_name") or "?"},
            publish=True,
            status=change.status,
            progress=change.progress,
            reported_on=change.reported_on,
        )

    # Export ---------------------------------------------------------------

    def dehydrate_council_papers(self, measure) -> str:
        links = measure.paper_links.all()  # prefetched with their papers (get_queryset)
        references = {link.paper.reference for link in links if not link.paper.deleted}
        return f"{PAPER_SEPARATOR} ".join(sorted(references))

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))
