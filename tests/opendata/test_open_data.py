"""Open data: CSV and JSON match the database, document every column, can be read back."""

import csv
import datetime
import io
import json

import pytest
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from fields.models import ActionField
from measures.models import Commitment, Measure, StatusEntry
from opendata.datasets import DATASETS
from tests.pages import page, text_of

pytestmark = pytest.mark.django_db

LANGUAGE_COLUMNS = [build_localized_fieldname("title", code) for code, _n in settings.LANGUAGES]


def csv_rows(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff"), "byte order mark for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(content[1:])))


def json_items(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_measures_csv_has_one_row_per_published_measure_and_every_language(
    client, synthetic_measures
):
    rows = csv_rows(client, "/daten/massnahmen.csv")
    assert [row["code"] for row in rows] == ["101.1", "101.2", "102.1", "102.2", "102.3"]
    assert set(LANGUAGE_COLUMNS) <= set(rows[0])
    first = rows[0]
    assert first["title_de"] == "Sprachcafé im Quartier"
    assert first["title_en"] == "Language café in the neighbourhood"
    assert first["title_ar"] == ""


def test_measures_csv_matches_the_database_column_by_column(client, synthetic_measures):
    rows = {row["code"]: row for row in csv_rows(client, "/daten/massnahmen.csv")}
    for measure in Measure.objects.published().select_related("field", "responsible_unit"):
        row = rows[measure.code]
        assert row["field_number"] == str(measure.field.number)
        assert row["position"] == str(measure.position)
        assert row["status"] == measure.status
        assert row["progress"] == ("" if measure.progress is None else str(measure.progress))
        assert row["status_changed_on"] == (
            measure.status_changed_on.isoformat() if measure.status_changed_on else ""
        )
        assert row["responsible_unit"] == (
            measure.responsible_unit.slug if measure.responsible_unit else ""
        )
        assert row["district"] == measure.district
        assert datetime.datetime.fromisoformat(row["updated_at"]) == measure.updated_at
        assert row["url"] == f"http://testserver/de/massnahmen/{measure.code}/"
    assert rows["102.1"]["status_label_de"] == "umgesetzt"
    assert rows["102.3"]["status"] == "no_report", "a draft never leaks into the export"


def test_json_and_csv_carry_the_same_measures(client, synthetic_measures):
    data = json_items(client, "/daten/massnahmen.json")
    rows = csv_rows(client, "/daten/massnahmen.csv")
    assert data["dataset"] == "measures"
    assert data["count"] == len(rows) == 5
    assert data["columns"] == list(rows[0])
    for item, row in zip(data["items"], rows, strict=True):
        assert list(item) == list(row)
        for name, value in item.items():
            assert ("" if value is None else str(value)) == row[name], name
    b1 = data["items"][2]
    assert b1["progress"] == 100 and b1["start_date"] is None


def test_measures_export_reads_back_into_equal_measures(client, synthetic_measures):
    rows = csv_rows(client, "/daten/massnahmen.csv")
    fields = {f.number: f for f in ActionField.objects.all()}
    translated = [
        build_localized_fieldname(name, code)
        for name in ("title", "description", "partners")
        for code, _n in settings.LANGUAGES
    ]
    for row in rows:
        copy = Measure(
            code=row["code"],
            field=fields[int(row["field_number"])],
            position=int(row["position"]),
            district=row["district"],
            start_date=datetime.date.fromisoformat(row["start_date"])
            if row["start_date"]
            else None,
            target_date=(
                datetime.date.fromisoformat(row["target_date"]) if row["target_date"] else None
            ),
            status=row["status"],
            progress=int(row["progress"]) if row["progress"] else None,
            **{name: row[name] for name in translated},
        )
        original = Measure.objects.get(code=row["code"])
        for name in ["field_id", "position", "district", "status", "progress"]:
            assert getattr(copy, name) == getattr(original, name), (row["code"], name)
        for name in translated:  # an empty column and NULL both mean "not translated yet"
            assert (getattr(copy, name) or "") == (getattr(original, name) or ""), name


def test_status_entries_export_holds_every_published_entry_and_nothing_else(
    client, synthetic_measures
):
    rows = csv_rows(client, "/daten/sachstaende.csv")
    expected = StatusEntry.objects.public().count()
    assert len(rows) == expected == 5
    notes = {row["public_note_de"] for row in rows}
    assert "Workshops laufen" in notes
    assert "Entwurf" not in notes and "Geheim" not in notes
    assert "internal_note" not in rows[0]
    assert [(r["measure_code"], r["reported_on"]) for r in rows[:2]] == [
        ("101.1", "2025-01-10"),
        ("101.1", "2025-03-10"),
    ]


def test_fields_export_applies_the_progress_rule(client, synthetic_measures):
    rows = {row["slug"]: row for row in csv_rows(client, "/daten/handlungsfelder.csv")}
    assert rows["feld-a"]["name_de"] == "Feld A"
    assert (
        rows["feld-a"]["measures_published"],
        rows["feld-a"]["measures_reported"],
        rows["feld-a"]["measures_with_progress"],
        rows["feld-a"]["average_progress"],
    ) == ("2", "1", "1", "40.0")
    assert rows["feld-b"]["average_progress"] == "100.0"
    data = json_items(client, "/daten/handlungsfelder.json")
    assert data["count"] == ActionField.objects.count()


def test_field_needs_are_exported_one_per_line(client, sources):
    rows = {row["slug"]: row for row in csv_rows(client, "/daten/handlungsfelder.csv")}
    assert rows["wohnen-sozialplanung"]["needs_de"].split("\n")[0] == (
        "Grundversorgung mit bezahlbarem Wohnraum"
    )
    assert rows["sport"]["needs_de"] == ""
    assert rows["sport"]["average_progress"] == "", "no report is not 0 %"
    data = json_items(client, "/daten/handlungsfelder.json")
    sport = next(item for item in data["items"] if item["slug"] == "sport")
    assert sport["average_progress"] is None and sport["needs_de"] == []


def test_commitments_export_lists_links_with_their_basis(client, sources):
    data = json_items(client, "/daten/selbstverpflichtungen.json")
    assert data["count"] == Commitment.objects.count() == 11
    social = next(item for item in data["items"] if item["slug"] == "sozialplanung")
    assert social["field_links"] == ["3:editorial"]
    assert social["measure_links"] == ["3.1:editorial"]
    assert social["passage_de"].startswith("Die Stärkung des Miteinanders")
    rows = csv_rows(client, "/daten/selbstverpflichtungen.csv")
    assert next(r for r in rows if r["slug"] == "sozialplanung")["measure_links"] == "3.1:editorial"


def test_unpublished_measures_never_appear_in_any_dataset(client, synthetic_measures):
    for dataset in DATASETS.values():
        for fmt in ("csv", "json"):
            body = client.get(f"/daten/{dataset.filename}.{fmt}").content.decode()
            assert "101.9" not in body, (dataset.slug, fmt)
            assert "Unveröffentlichte" not in body
            assert "Geheim" not in body


def test_measure_export_accepts_the_list_filters_and_reporting_date(client, synthetic_measures):
    rows = csv_rows(client, "/daten/massnahmen.csv", {"field": "feld-a", "as_of": "2025-02-15"})
    assert [(r["code"], r["status"], r["progress"]) for r in rows] == [
        ("101.1", "planned", "10"),
        ("101.2", "no_report", ""),
    ]


def test_invalid_export_filters_are_a_400_with_an_explanation(client, synthetic_measures):
    response = client.get("/daten/massnahmen.json", {"status": "erfunden"})
    assert response.status_code == 400
    assert "Status" in response.content.decode()


def test_unknown_dataset_or_format_is_404(client, synthetic_measures):
    assert client.get("/daten/massnahmen.xlsx").status_code == 404
    assert client.get("/daten/geheim.csv").status_code == 404


def test_open_data_page_documents_every_column_of_every_dataset(client, synthetic_measures):
    html = page(client, "/de/offene-daten/")
    for dataset in DATASETS.values():
        section = html.split(f'id="{dataset.slug}"')[1].split("</section>")[0]
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in section, (dataset.slug, column.name)
        assert f'href="/daten/{dataset.filename}.csv"' in section
        assert f'href="/daten/{dataset.filename}.json"' in section
    text = text_of(html)
    assert "title_zh_hans Titel, Sprache „zh-hans“" in text
    assert "in_progress in Umsetzung" in text
    assert "Maßnahmen ohne Meldung zählen nicht als 0 %" in text
