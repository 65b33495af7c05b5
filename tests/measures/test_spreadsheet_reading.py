"""Reading catalogue files: Excel's CSV dialects, and clear messages for files that cannot be read.

All measures here are synthetic test data.
"""

import io

import pytest

from measures.models import Measure
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.columns import COLUMNS
from measures.spreadsheet.reading import SpreadsheetError
from tests.spreadsheets import GOOD_HEADERS, csv_bytes, good_rows, snapshot, upload

pytestmark = pytest.mark.django_db


# Files from Excel ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1252", ";"), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-8", ","), ("cp1252", ",")],
)
def test_excel_csv_files_are_read_correctly(sources, encoding, delimiter):
    data = csv_bytes(
        ["code", "field", "title_de", "partners_de"],
        [["5.1", "5", "Gesundheitsförderung für Ältere – Übergänge", "Träger; Vereine, Ämter"]],
        delimiter=delimiter,
        encoding=encoding,
    )
    assert import_catalogue(data=data, file_name="excel.csv").ok
    measure = Measure.objects.get(code="5.1")
    assert measure.title_de == "Gesundheitsförderung für Ältere – Übergänge"
    assert measure.partners_de == "Träger; Vereine, Ämter"
    assert measure.position == 1


# Files that cannot be read: a clear message, and nothing written -------------------


def zip_that_is_no_workbook() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notiz.txt", "kein Arbeitsblatt")
    return out.getvalue()


BAD_FILES = {
    "UTF-16 text": (
        "code\ttitle_de\r\n3.1\tTitel\r\n".encode("utf-16"),
        "Die Datei ist in UTF-16",
    ),
    "neither UTF-8 nor cp1252": (
        b"code;title_de\r\n3.1;Ma\x81\x8dnahme\r\n",
        "Die Zeichenkodierung der Datei ist weder UTF-8 noch Windows-1252",
    ),
    "an image": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        "Die Datei ist keine Tabelle",
    ),
    "a zip that is no workbook": (zip_that_is_no_workbook(), "keine lesbare Excel-Tabelle"),
    "old xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "(.xls)"),
    "prose": (
        b"Liebe Kolleginnen,\nanbei die Liste.\n",
        "Die Datei ist keine Maßnahmentabelle",
    ),
    "unknown column": (
        csv_bytes(["code", "titel"], [["3.1", "x"]]),
        "Unbekannte Spalte(n): „titel“",
    ),
    "empty": (b"", "Die Datei ist leer."),
    "headers only": (csv_bytes(COLUMNS, []), "nur Spaltennamen"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_unreadable_files_get_a_clear_message_and_write_nothing(db, case):
    data, expected = BAD_FILES[case]
    before = snapshot()
    with pytest.raises(SpreadsheetError) as error:
        import_catalogue(data=data, file_name="x.csv")
    assert expected in error.value.message
    assert snapshot() == before


@pytest.mark.parametrize("case", ["UTF-16 text", "an image", "unknown column"])
def test_admin_shows_unreadable_file_errors_on_the_form(client, redaktion, case):
    data, expected = BAD_FILES[case]
    client.force_login(redaktion)
    response = upload(client, data)
    assert response.status_code == 200
    assert expected in str(response.context["form"].errors["import_file"])
    assert "confirm_form" not in response.context


def test_oversized_file_is_refused_before_reading(client, redaktion, settings):
    settings.MEASURE_IMPORT_MAX_BYTES = 1024
    data = csv_bytes(GOOD_HEADERS, good_rows())
    assert len(data) > 1024
    before = snapshot()
    with pytest.raises(SpreadsheetError, match="zu groß"):
        import_catalogue(data=data, file_name="x.csv")
    client.force_login(redaktion)
    response = upload(client, data)
    assert "Die Datei ist zu groß" in str(response.context["form"].errors["import_file"])
    assert snapshot() == before
