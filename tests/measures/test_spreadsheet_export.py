"""Catalogue export: the import's columns, formula-safe cells, and a lossless round trip.

All measures here are synthetic test data.
"""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from measures.spreadsheet.columns import COLUMNS
from tests.factories import MeasureFactory
from tests.spreadsheets import EXPORT_URL, IMPORT_URL, read_csv_export, read_xlsx_export

pytestmark = pytest.mark.django_db


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
