"""The admin's import and export formats, its import form, the template and the report hook."""

import tablib
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from import_export.formats import base_formats
from import_export.forms import ImportForm

from translations.text import xml_safe

from .columns import COLUMNS
from .reading import SpreadsheetError, check_size, read_spreadsheet
from .report import ImportReport


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
    """XLSX is XML: text stored before the input rule (``clean_text``) cannot break it."""

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(
            *[[xml_safe(cell) for cell in row] for row in dataset], headers=dataset.headers
        )
        return super().export_data(safe, **kwargs)


class CatalogueImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            check_size(upload.size)
        except SpreadsheetError as error:
            raise ValidationError(error.message) from error
        return upload


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
