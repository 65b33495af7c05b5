"""Helpers for the catalogue spreadsheet tests: files to upload, exports to read back.

All measures here are synthetic test data.
"""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures.models import Measure, StatusEntry

IMPORT_URL = reverse("admin:measures_measure_import")
CONFIRM_URL = reverse("admin:measures_measure_process_import")
EXPORT_URL = reverse("admin:measures_measure_export")


def csv_bytes(headers, rows, *, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(headers, rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_csv_export(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx_export(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


GOOD_HEADERS = [
    "code",
    "field",
    "title_de",
    "title_en",
    "responsible_unit",
    "status",
    "progress",
    "status_date",
    "published",
]
FIELD_NAMES = {3: "Wohnen / Sozialplanung", 7: "Religion"}


def good_rows(count=107):
    """107 synthetic rows over the nine fields; 3.1–3.6 already exist (updates)."""
    rows = []
    for index in range(count):
        number, position = index % 9 + 1, index // 9 + 1
        code = f"{number}.{position}"
        with_status = index % 3 == 0
        rows.append(
            [
                code,
                FIELD_NAMES.get(number, str(number)),
                f"Synthetische Testmaßnahme {code}",
                f"Synthetic test measure {code}",
                "FB 56" if index % 4 == 0 else "",
                "in Umsetzung" if with_status else "",
                str(index % 10 * 10) if with_status else "",
                "15.03.2025" if with_status else "",
                "ja",
            ]
        )
    return rows


def upload(client, data: bytes, name="massnahmen.csv"):
    return client.post(
        IMPORT_URL, {"format": "0", "resource": "0", "import_file": SimpleUploadedFile(name, data)}
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(CONFIRM_URL, {name: form.initial.get(name, "") for name in form.fields})


def snapshot():
    return (
        sorted(Measure.objects.values_list("code", "title_de", "status", "version")),
        StatusEntry.objects.count(),
    )
