"""Text cannot break an output: cleaned at input, and harmless at output if stored before.

All measures here are synthetic test data.
"""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from measures import services
from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from tests.factories import MeasureFactory
from tests.spreadsheets import EXPORT_URL, csv_bytes

pytestmark = pytest.mark.django_db

WORD_BREAK = "Zeile eins\x0bZeile zwei"


@pytest.fixture
def stored_before(db):
    """Rows written before the input rule existed: straight into the database."""
    measure = MeasureFactory(title_de="Sprachcafé")
    entry = services.record_status(
        measure=measure,
        reported_on=datetime.date(2024, 3, 1),
        status="planned",
        publish=True,
        public_notes={"de": "Notiz"},
    )
    StatusEntry.objects.filter(pk=entry.pk).update(public_note_de=WORD_BREAK + "\x01")
    Measure.objects.filter(pk=measure.pk).update(title_de="Titel\x0bmit Umbruch")
    return measure


def test_every_feed_answers_with_text_stored_before_the_rule(client, stored_before):
    urls = [
        "/de/feeds/sachstaende/",
        f"/de/feeds/handlungsfelder/{stored_before.field.slug}/",
        f"/de/feeds/massnahmen/{stored_before.code}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Zeile eins\nZeile zwei" in response.content.decode(), url


def test_xlsx_export_works_with_text_stored_before_the_rule(client, redaktion, stored_before):
    client.force_login(redaktion)
    response = client.post(EXPORT_URL, {"format": "1", "resource": "0"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert "Titel\nmit Umbruch" in [cell.value for row in sheet.iter_rows() for cell in row]


def test_a_status_note_is_cleaned_when_recorded(db):
    measure = MeasureFactory()
    entry = services.record_status(
        measure=measure,
        reported_on=datetime.date(2024, 3, 1),
        status="planned",
        publish=True,
        public_notes={"de": WORD_BREAK + "\x07"},
    )
    entry.refresh_from_db()
    assert entry.public_note_de == "Zeile eins\nZeile zwei"


def test_a_title_with_a_word_line_break_becomes_one_line(db):
    measure = MeasureFactory()
    measure.title_de = "Titel\x0bmit Umbruch\u202e"
    measure.full_clean()
    assert measure.title_de == "Titel mit Umbruch\u202e\u202c"


def test_a_nul_in_a_form_is_a_field_error(db):
    measure = MeasureFactory()
    measure.district = "Brand\x00"
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "Nullzeichen" in str(error.value.message_dict["district"])


def test_admin_form_stores_the_cleaned_text(client, staff_user, sources):
    from django.urls import reverse

    from tests.admin_forms import change_form_data

    measure = MeasureFactory()
    client.force_login(staff_user)
    url = reverse("admin:measures_measure_change", args=[measure.pk])
    data = change_form_data(client.get(url))
    data["description_de"] = "Absatz\x0bzwei\x1b"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    measure.refresh_from_db()
    assert measure.description_de == "Absatz\nzwei"


HEADERS = ["code", "field", "title_de", "status", "progress", "status_date", "published"]


def row(title):
    return ["3.7", "3", title, "", "", "", "ja"]


def test_import_stores_a_word_line_break_as_one_line(sources, redaktion):
    report = import_catalogue(
        data=csv_bytes(HEADERS, [row("Titel\x0bmit Umbruch")]),
        file_name="massnahmen.x",
        user=redaktion,
    )
    assert report.ok, report.error_lines()
    assert Measure.objects.get(code="3.7").title_de == "Titel mit Umbruch"


def test_import_refuses_a_nul_past_the_first_4_kb_naming_line_and_column(sources, redaktion):
    rows = [[f"3.{n}", "3", f"Synthetische Maßnahme {n} " + "x" * 80, "", "", "", "ja"]
            for n in range(7, 67)]  # fmt: skip
    rows[50][2] = "Titel mit\x00Nullzeichen"
    before = Measure.objects.count()
    report = import_catalogue(data=csv_bytes(HEADERS, rows), file_name="m.csv", user=redaktion)
    assert not report.ok
    assert any(
        line.startswith("Zeile 52, Spalte „title_de“") and "Nullzeichen" in line
        for line in report.error_lines()
    ), report.error_lines()
    assert Measure.objects.count() == before
