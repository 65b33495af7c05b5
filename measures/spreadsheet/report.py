"""What an import did or would do, per spreadsheet line, for the admin and the command."""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.results import RowResult

from ..status import german_label
from .columns import COLUMNS
from .resource import CatalogueResult, MeasureResource, RowPlan, StatusChange
from .widgets import cell_text

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
    def from_result(cls, result: CatalogueResult) -> "ImportReport":
        rows = []
        invalid = {row.number: row for row in result.invalid_rows}
        errors = dict(result.row_errors())
        for number, row_result in enumerate(result.rows, start=1):
            if row_result.blank:
                continue
            rows.append(
                cls.row_for(
                    number, row_result, invalid.get(number), errors.get(number), result.plans
                )
            )
        file_errors = [str(error.error) for error in result.base_errors]
        return cls(rows=rows, file_errors=file_errors)

    @classmethod
    def row_for(
        cls, number, row_result, invalid_row, row_errors, plans: dict[str, RowPlan]
    ) -> ReportRow:
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
            report.code = report.code or cell_text(
                dict(zip(COLUMNS, values, strict=False)).get("code")
            )
        for error in row_errors or []:
            report.errors.append(("", str(error.error)))
        instance = row_result.instance
        if instance is not None and not report.rejected:
            plan = plans.get(instance.code)
            if plan is not None:
                report.changes = list(plan.changed_columns)
                if plan.status_change is not None:
                    report.changes.append(cls.describe(plan.status_change))
        return report

    @staticmethod
    def describe(change: StatusChange) -> str:
        label = german_label(change.status)
        progress = "" if change.progress is None else f", {change.progress} %"
        return _("neuer Sachstand: %(status)s%(progress)s vom %(date)s") % {
            "status": label,
            "progress": progress,
            "date": date_format(change.reported_on, "SHORT_DATE_FORMAT"),
        }

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
