"""Catalogue import: preview and confirmation in the admin, the command, row rules.

All measures here are synthetic test data.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from tests.factories import MeasureFactory
from tests.spreadsheets import (
    GOOD_HEADERS,
    IMPORT_URL,
    confirm,
    csv_bytes,
    good_rows,
    snapshot,
    upload,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


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
