"""Files the import should explain, not crash on: a German message naming line and
column, nothing written (synthetic data only)."""

import pytest

from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.reading import SpreadsheetError
from tests.factories import MeasureFactory
from tests.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db


def test_uneven_csv_rows_are_explained_with_line_and_column():
    MeasureFactory(code="1.1")
    data = b"code;title_de\r\n1.1;Titel;\r\n"
    with pytest.raises(SpreadsheetError) as error:
        import_catalogue(data=data, file_name="x.csv")
    assert "Zeile 2, Spalte 3" in error.value.message
    assert Measure.objects.get(code="1.1").title_de != "Titel"


@pytest.mark.parametrize("cell", ["1e2", "1_0", "0x10", " 5e1 %"])
def test_lenient_number_forms_are_refused_as_progress(cell):
    MeasureFactory(code="1.1")
    data = f"code;status;progress\r\n1.1;geplant;{cell}\r\n".encode()
    report = import_catalogue(data=data, file_name="x.csv")
    assert not report.ok
    assert any(line.startswith("Zeile 2, Spalte „progress“") for line in report.error_lines())
    assert not StatusEntry.objects.exists()


@pytest.mark.parametrize("cell", ["40", "40 %", "40,0"])
def test_plain_progress_figures_still_pass(cell):
    MeasureFactory(code="1.1")
    data = f"code;status;progress;status_date\r\n1.1;geplant;{cell};01.02.2025\r\n".encode()
    assert import_catalogue(data=data, file_name="x.csv").ok
    assert StatusEntry.objects.get().progress == 40


def test_a_case_variant_code_is_refused_not_created_beside_the_existing():
    field = MeasureFactory(code="T1.01").field
    data = f"code;field;title_de\r\nt1.01;{field.number};Zwilling\r\n".encode()
    report = import_catalogue(data=data, file_name="x.csv")
    assert not report.ok
    text = " ".join(report.error_lines())
    assert "Zeile 2, Spalte „code“" in text and "„T1.01“" in text
    assert Measure.objects.count() == 1


def test_xlsx_formula_cells_without_stored_values_are_explained():
    MeasureFactory(code="1.1", title_de="Alt")
    data = xlsx_bytes(["code", "title_de"], [["1.1", '=CONCAT("Ne", "u")']])
    with pytest.raises(SpreadsheetError) as error:
        import_catalogue(data=data, file_name="x.xlsx")
    assert "Zeile 2, Spalte „title_de“" in error.value.message
    assert Measure.objects.get(code="1.1").title_de == "Alt"
