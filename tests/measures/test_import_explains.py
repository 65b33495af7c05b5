"""Files the import explains instead of crashing on (issue 10, defect 6).

Each gets a German message naming line and column, and nothing is written.
All measures here are synthetic test data.
"""

import io

import openpyxl
import pytest

from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.reading import SpreadsheetError, read_spreadsheet
from tests.factories import MeasureFactory
from tests.spreadsheets import csv_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["code", "field", "title_de", "status", "progress", "status_date", "published"]


def row(code="3.7", title="Synthetische Maßnahme", status="", progress=""):
    return [code, "3", title, status, progress, "01.02.2024" if status else "", "ja"]


def counts():
    return Measure.objects.count(), StatusEntry.objects.count()


def test_a_trailing_separator_on_data_rows_names_line_and_column(sources, redaktion):
    data = "\ufeff" + ";".join(HEADERS) + "\r\n" + ";".join(row()) + ";\r\n"
    with pytest.raises(SpreadsheetError) as error:
        read_spreadsheet(data.encode("utf-8"))
    assert "Zeile 2" in error.value.message
    assert "Spalte 8" in error.value.message
    before = counts()
    with pytest.raises(SpreadsheetError):
        import_catalogue(data=data.encode("utf-8"), file_name="m.csv", user=redaktion)
    assert counts() == before


def xlsx_with_formula(formula: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["3.7", "3", formula, "", "", "", "ja"])
    out = io.BytesIO()
    book.save(out)  # openpyxl stores formulas without a computed value
    return out.getvalue()


def test_a_formula_cell_without_a_stored_value_names_line_and_column(sources, redaktion):
    data = xlsx_with_formula('=CONCATENATE("Synthetische ";"Maßnahme")')
    with pytest.raises(SpreadsheetError) as error:
        read_spreadsheet(data)
    assert "Zeile 2" in error.value.message
    assert "title_de" in error.value.message
    assert "Formel" in error.value.message
    before = counts()
    with pytest.raises(SpreadsheetError):
        import_catalogue(data=data, file_name="m.xlsx", user=redaktion)
    assert counts() == before


@pytest.mark.parametrize("progress", ["1e2", "1_0", "0x10", " 5 0", "١٠"])
def test_lenient_number_forms_are_refused_for_progress(sources, redaktion, progress):
    data = csv_bytes(HEADERS, [row(status="in Umsetzung", progress=progress)])
    before = counts()
    report = import_catalogue(data=data, file_name="m.csv", user=redaktion)
    assert not report.ok
    assert any(line.startswith("Zeile 2, Spalte „progress“") for line in report.error_lines()), (
        report.error_lines()
    )
    assert counts() == before


@pytest.mark.parametrize("progress, read", [("50", 50), ("50 %", 50), ("50,0", 50), ("100", 100)])
def test_plain_progress_forms_are_still_read(sources, redaktion, progress, read):
    data = csv_bytes(HEADERS, [row(status="in Umsetzung", progress=progress)])
    report = import_catalogue(data=data, file_name="m.csv", user=redaktion)
    assert report.ok, report.error_lines()
    assert Measure.objects.get(code="3.7").progress == read


def test_a_code_differing_only_in_case_is_refused_not_created(sources, redaktion):
    from fields.models import ActionField

    MeasureFactory(code="T1.01", field=ActionField.objects.get(number=3), position=41)
    before = counts()
    report = import_catalogue(
        data=csv_bytes([*HEADERS, "position"], [[*row(code="t1.01"), "42"]]),
        file_name="m.csv",
        user=redaktion,
    )
    assert not report.ok
    assert any(
        line.startswith("Zeile 2, Spalte „code“") and "T1.01" in line
        for line in report.error_lines()
    ), report.error_lines()
    assert counts() == before


def test_codes_repeated_in_other_case_within_a_file_are_refused(sources, redaktion):
    report = import_catalogue(
        data=csv_bytes(
            [*HEADERS, "position"], [[*row(code="x1.1"), "42"], [*row(code="X1.1"), "43"]]
        ),
        file_name="m.csv",
        user=redaktion,
    )
    assert not report.ok
    assert not Measure.objects.filter(code__iexact="x1.1").exists()


def test_the_command_explains_an_uneven_row_without_a_traceback(tmp_path, sources, redaktion):
    from django.core.management import CommandError, call_command

    path = tmp_path / "m.csv"
    path.write_text(";".join(HEADERS) + "\n" + ";".join(row()) + ";\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Zeile 2 hat 8 Zellen"):
        call_command("import_measures", str(path), "--user", "redakteurin")


def test_the_admin_explains_an_uneven_row(client, sources, redaktion):
    from tests.spreadsheets import upload

    client.force_login(redaktion)
    data = (";".join(HEADERS) + "\r\n" + ";".join(row()) + ";\r\n").encode("utf-8")
    page = upload(client, data).content.decode()
    assert "Zeile 2 hat 8 Zellen" in page
    assert "InvalidDimensions" not in page
