"""The measure catalogue as a spreadsheet: columns, reading, import and export.

django-import-export does the work (``resource.MeasureResource``): the admin's
import with preview and its export use it through the library's admin views
(formats in ``formats``), and ``manage.py import_measures`` through
``import_catalogue`` below, the one entry point for importing a file. The
modules add what the city's spreadsheets need: CSV from Excel in UTF-8 (with or
without BOM) or cp1252, separated by semicolons or commas, and XLSX
(``reading``); clear messages per row and column in German (``widgets``,
``resource``, ``report``); status changes recorded as status entries; and
formula-injection-safe export that imports back without loss (``columns``).
"""

from .reading import read_spreadsheet
from .report import ImportReport
from .resource import MeasureResource

__all__ = ["import_catalogue"]


def import_catalogue(
    *, data: bytes, file_name: str, user=None, dry_run: bool = False
) -> ImportReport:
    """Read and import a catalogue file (CSV or XLSX) in one transaction.

    Upserts by code; when any row is rejected nothing is written. Returns the
    per-row ``ImportReport``; raises ``reading.SpreadsheetError`` when the file
    cannot be read at all.
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
