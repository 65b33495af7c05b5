"""Catalogue import and export: the city's spreadsheet in and out of the admin.

All measures here are synthetic test data.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.columns import COLUMNS
from measures.spreadsheet.reading import SpreadsheetError
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

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


# A good file ---------------------------------------------------------------------


def test_good_catalogue_of_107_rows_is_previewed_then_imported_in_the_admin(
    client, sources, redaktion
):
    client.force_login(redaktion)
    before = snapshot()
    preview = upload(client, csv_bytes(GOOD_HEADERS, good_rows()))

    assert preview.status_code == 200
    assert "confirm_form" in preview.context
    report = preview.context["report"]
    assert report.summary() == "101 neu, 6 geändert, 0 unverändert, 0 abgelehnt."
    assert snapshot() == before, "the preview writes nothing"

    response = confirm(client, preview)
    assert response.status_code == 302
    assert Measure.objects.count() == 107
    measure = Measure.objects.get(code="7.1")
    assert (measure.field.number, measure.title_de, measure.title_en) == (
        7,
        "Synthetische Testmaßnahme 7.1",
        "Synthetic test measure 7.1",
    )
    assert measure.is_published
    entries = StatusEntry.objects.all()
    assert entries.count() == 36
    assert {(e.author, e.is_published, e.reported_on) for e in entries} == {
        (redaktion, True, datetime.date(2025, 3, 15))
    }
    updated = Measure.objects.get(code="1.1")
    assert (updated.status, updated.progress) == ("in_progress", 0)
    assert updated.history.latest().history_user == redaktion


def test_good_catalogue_imports_from_xlsx_with_the_command(sources, redaktion):
    path = io.BytesIO(xlsx_bytes(GOOD_HEADERS, good_rows()))
    report = import_catalogue(data=path.getvalue(), file_name="massnahmen.xlsx", user=redaktion)
    assert report.ok
    assert Measure.objects.count() == 107
    assert StatusEntry.objects.filter(author=redaktion).count() == 36


def test_command_imports_a_file_and_reports_per_row(tmp_path, sources, redaktion):
    path = tmp_path / "massnahmen.csv"
    path.write_bytes(csv_bytes(GOOD_HEADERS, good_rows(10)))
    out = io.StringIO()
    call_command("import_measures", str(path), "--user", "redakteurin", stdout=out)
    assert "9 neu, 1 geändert" in out.getvalue()
    assert Measure.objects.filter(code="4.1").exists()


def test_command_dry_run_writes_nothing(tmp_path, sources):
    path = tmp_path / "massnahmen.csv"
    path.write_bytes(csv_bytes(GOOD_HEADERS, good_rows()))
    before = snapshot()
    out = io.StringIO()
    call_command("import_measures", str(path), "--dry-run", stdout=out)
    assert "101 neu, 6 geändert" in out.getvalue()
    assert "nothing was saved" in out.getvalue()
    assert snapshot() == before


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


def test_import_keeps_staff_edits_in_columns_the_file_lacks(sources):
    Measure.objects.filter(code="3.1").update(district="Testbezirk", title_en="Staff text")
    data = csv_bytes(["code", "title_de"], [["3.1", "Neuer Titel"]])
    assert import_catalogue(data=data, file_name="x.csv").ok
    measure = Measure.objects.get(code="3.1")
    assert (measure.title_de, measure.district, measure.title_en) == (
        "Neuer Titel",
        "Testbezirk",
        "Staff text",
    )


def test_unchanged_status_in_the_file_creates_no_entry(sources, redaktion):
    data = csv_bytes(["code", "status", "progress"], [["3.2", "geplant", "10"]])
    import_catalogue(data=data, file_name="x.csv", user=redaktion)
    import_catalogue(data=data, file_name="x.csv", user=redaktion)
    assert StatusEntry.objects.count() == 1
    entry = StatusEntry.objects.get()
    assert (entry.status, entry.progress, entry.author) == ("planned", 10, redaktion)
    assert entry.reported_on == datetime.date.today()


# Bad files: a clear message per row and column, and nothing written -------------


@pytest.fixture
def field_two(db):
    from tests.factories import ActionFieldFactory

    return ActionFieldFactory(number=2, name_de="Synthetisches Feld 2")


def rows_with(bad_row):
    good = [["2.1", "2", "Synthetische Testmaßnahme 2.1", "", "", ""]]
    return good + [bad_row] + [["2.3", "2", "Synthetische Testmaßnahme 2.3", "", "", ""]]


ROW_HEADERS = ["code", "field", "title_de", "status", "progress", "published"]
BAD_ROWS = {
    "unknown field": (
        ["2.2", "Raumfahrt", "Synthetisch", "", "", ""],
        "Zeile 3, Spalte „field“: Unbekanntes Handlungsfeld „Raumfahrt“",
    ),
    "progress 140": (
        ["2.2", "2", "Synthetisch", "in Umsetzung", "140", ""],
        "Zeile 3, Spalte „progress“: Fortschritt muss zwischen 0 und 100 liegen, gelesen: 140.",
    ),
    "duplicate code": (
        ["2.1", "2", "Synthetisch", "", "", ""],
        "Zeile 2, Spalte „code“: Die Kennung „2.1“ steht mehrfach in der Datei (Zeilen 2, 3).",
    ),
    "missing title": (
        ["2.2", "2", "", "", "", ""],
        "Zeile 3, Spalte „title_de“: Der deutsche Titel fehlt",
    ),
    "unknown status": (
        ["2.2", "2", "Synthetisch", "fast fertig", "", ""],
        "Zeile 3, Spalte „status“: Unbekannter Status „fast fertig“",
    ),
    "bad published flag": (
        ["2.2", "2", "Synthetisch", "", "", "vielleicht"],
        "Zeile 3, Spalte „published“",
    ),
}


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_a_bad_row_rejects_the_whole_file(field_two, redaktion, case):
    bad_row, expected = BAD_ROWS[case]
    before = snapshot()
    report = import_catalogue(
        data=csv_bytes(ROW_HEADERS, rows_with(bad_row)), file_name="x.csv", user=redaktion
    )
    assert not report.ok
    assert any(line.startswith(expected) for line in report.error_lines()), report.error_lines()
    assert snapshot() == before
    assert not Measure.objects.filter(code__in=["2.1", "2.3"]).exists()


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_admin_preview_of_a_bad_file_shows_the_error_and_offers_no_confirmation(
    client, field_two, redaktion, case
):
    bad_row, expected = BAD_ROWS[case]
    client.force_login(redaktion)
    before = snapshot()
    response = upload(client, csv_bytes(ROW_HEADERS, rows_with(bad_row)))
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert any(line.startswith(expected) for line in response.context["report"].error_lines())
    assert "Die Datei hat Fehler – es wird nichts gespeichert" in response.content.decode()
    assert snapshot() == before


def test_a_conflict_arising_between_preview_and_confirmation_writes_nothing(
    client, field_two, redaktion
):
    client.force_login(redaktion)
    rows = [["2.1", "2", "Synthetische Testmaßnahme 2.1", "", "", ""]]
    rows += [["2.2", "2", "Synthetische Testmaßnahme 2.2", "in Umsetzung", "20", ""]]
    preview = upload(client, csv_bytes(ROW_HEADERS, rows))
    assert "confirm_form" in preview.context
    MeasureFactory(field=field_two, position=2, code="2.X", title_de="Inzwischen angelegt")
    before = snapshot()

    response = confirm(client, preview)

    assert response.status_code == 302
    assert response.url == IMPORT_URL
    assert snapshot() == before
    shown = [str(m) for m in list(response.wsgi_request._messages)]
    assert "Der Import wurde abgebrochen; es wurde nichts gespeichert." in shown


def test_command_refuses_a_bad_file_and_writes_nothing(tmp_path, field_two):
    path = tmp_path / "x.csv"
    path.write_bytes(csv_bytes(ROW_HEADERS, rows_with(BAD_ROWS["progress 140"][0])))
    before = snapshot()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_measures", str(path), stdout=io.StringIO(), stderr=err)
    assert "Zeile 3, Spalte „progress“" in err.getvalue()
    assert snapshot() == before


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


# Export and the round trip ---------------------------------------------------------


@pytest.fixture
def rich_catalogue(sources, redaktion):
    """Synthetic measures using every column, with text a spreadsheet could misread."""
    from fields.models import ActionField, OrganisationalUnit

    unit = OrganisationalUnit.objects.get(slug="fb-56")
    first = MeasureFactory(
        field=ActionField.objects.get(number=1),
        position=1,
        code="1.1",
        title_de='=HYPERLINK("http://example.org";"Klick")',
        title_en="Synthetic measure",
        title_tr="Sentetik önlem",
        title_ar="إجراء اصطناعي",
        title_zh_hans="合成措施",
        description_de='Zeile eins\nZeile zwei; mit "Anführungszeichen", Komma',
        partners_de="+49 241 Testpartner",
        partners_en="-minus",
        district="@bezirk",
        responsible_unit=unit,
        start_date=datetime.date(2024, 1, 31),
        target_date=datetime.date(2026, 12, 1),
        is_published=True,
    )
    services.record_status(
        measure=first,
        reported_on=datetime.date(2025, 2, 3),
        status="in_progress",
        progress=45,
        publish=True,
    )
    services.record_status(
        measure=first,
        reported_on=datetime.date(2025, 9, 9),
        status="dropped",
        progress=99,
        public_notes={"de": "Entwurf"},
    )
    MeasureFactory(
        field=ActionField.objects.get(number=2),
        position=4,
        code="2.4",
        title_de="Zweite synthetische Maßnahme",
        is_published=False,
    )
    return Measure.objects.exclude(code__startswith="3.")


def export(client, file_format):
    index = {"csv": "0", "xlsx": "1"}[file_format]
    response = client.post(EXPORT_URL, {"format": index, "resource": "0"})
    assert response.status_code == 200
    return response.content


def test_csv_export_has_the_import_columns_and_neutralises_formulas(
    client, redaktion, rich_catalogue
):
    client.force_login(redaktion)
    content = export(client, "csv")
    assert content.startswith(b"\xef\xbb\xbf"), "BOM, so Excel reads UTF-8"
    rows = read_csv_export(content)
    assert rows[0] == COLUMNS
    first = dict(zip(rows[0], next(r for r in rows if r[0] == "1.1"), strict=True))
    assert first["title_de"].startswith("'=HYPERLINK")
    assert first["partners_de"] == "'+49 241 Testpartner"
    assert first["partners_en"] == "'-minus"
    assert first["district"] == "'@bezirk"
    assert (first["status"], first["progress"], first["status_date"]) == (
        "in Umsetzung",
        "45",
        "2025-02-03",
    )
    assert first["responsible_unit"] == "FB 56 Fachbereich Wohnen, Soziales und Integration"
    assert "entfallen" not in content.decode("utf-8-sig"), "drafts stay out of exports"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_xlsx_export_has_no_formula_cells(client, redaktion, rich_catalogue):
    client.force_login(redaktion)
    book = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx")))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert '\'=HYPERLINK("http://example.org";"Klick")' in [cell.value for cell in cells]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_is_lossless(client, redaktion, rich_catalogue, file_format):
    client.force_login(redaktion)
    exported = export(client, file_format)

    # Re-importing onto the same data changes nothing.
    report = import_catalogue(data=exported, file_name=f"x.{file_format}", user=redaktion)
    assert report.ok, report.error_lines()
    assert {row.action_label for row in report.rows} == {"unverändert"}, [
        row.changes for row in report.rows
    ]

    # Into an empty catalogue, it recreates the same measures.
    StatusEntry.objects.all().delete()
    Measure.objects.all().delete()
    report = import_catalogue(data=exported, file_name=f"x.{file_format}", user=redaktion)
    assert report.ok, report.error_lines()
    reader = read_csv_export if file_format == "csv" else read_xlsx_export
    assert reader(export(client, file_format)) == reader(exported)
    first = Measure.objects.get(code="1.1")
    assert first.title_de == '=HYPERLINK("http://example.org";"Klick")'
    assert first.description_de == 'Zeile eins\nZeile zwei; mit "Anführungszeichen", Komma'
    assert (first.status, first.progress, first.status_changed_on) == (
        "in_progress",
        45,
        datetime.date(2025, 2, 3),
    )
    assert not Measure.objects.get(code="2.4").is_published


def test_fachbereich_exports_only_own_units_measures(
    client, fachbereich, own_measure, foreign_measure
):
    client.force_login(fachbereich)
    rows = read_csv_export(export(client, "csv"))
    assert [row[0] for row in rows[1:]] == [own_measure.code]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_import_template_has_every_column(client, redaktion, file_format):
    client.force_login(redaktion)
    url = reverse("admin:measures_measure_import_template", args=[file_format])
    response = client.get(url)
    assert response.status_code == 200
    reader = read_csv_export if file_format == "csv" else read_xlsx_export
    assert reader(response.content) == [COLUMNS]


def test_import_page_documents_the_columns(client, redaktion):
    client.force_login(redaktion)
    html = client.get(IMPORT_URL).content.decode()
    for column in COLUMNS:
        assert f"<code>{column}</code>" in html


@pytest.mark.parametrize("language", ["tr", "ar", "zh-hans", "en"])
def test_export_from_an_admin_in_another_language_imports_unchanged(
    client, redaktion, rich_catalogue, language
):
    client.force_login(redaktion)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    exported = export(client, "csv")
    report = import_catalogue(data=exported, file_name="x.csv", user=redaktion)
    assert report.ok, report.error_lines()
    assert {row.action for row in report.rows} == {"skip"}, [row.changes for row in report.rows]
