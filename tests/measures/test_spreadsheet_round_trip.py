"""An exported catalogue imports back unchanged, also with CRLF line breaks (synthetic data)."""

import pytest

from measures.models import Measure
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.formats import ExcelCSV, ExcelXLSX
from measures.spreadsheet.resource import MeasureResource
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_text_with_crlf_survives_the_round_trip_unchanged(file_format):
    MeasureFactory(code="5.1", description_de="Zeile eins\r\nZeile zwei", partners_de="A\r\nB")
    dataset = MeasureResource().export()
    if file_format == "xlsx":
        data = ExcelXLSX().export_data(dataset)
    else:
        data = ExcelCSV().export_data(dataset).encode("utf-8-sig")
    report = import_catalogue(data=data, file_name=f"export.{file_format}")
    assert report.ok
    assert report.summary() == "0 neu, 0 geändert, 1 unverändert, 0 abgelehnt."
    assert Measure.objects.get(code="5.1").description_de == "Zeile eins\r\nZeile zwei"
