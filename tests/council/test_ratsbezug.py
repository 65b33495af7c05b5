"""Ratsbezug: synced council papers linked to measures through the catalogue spreadsheet
and shown on the public pages. Papers come from the synthetic OParl server only."""

import pytest

from council.models import Paper
from measures.models import CouncilPaperLink, Measure
from measures.spreadsheet import import_catalogue
from tests.spreadsheets import EXPORT_URL, csv_bytes, read_csv_export

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]

PAPER = "FB 56/0150/WP17"


def import_rows(rows, headers=("code", "council_papers")):
    return import_catalogue(data=csv_bytes(list(headers), rows), file_name="ratsbezug.csv")


def test_spreadsheet_row_links_the_synced_paper(sources, sync):
    sync()

    report = import_rows([["3.1", PAPER]])

    assert report.ok, report.error_lines()
    assert report.rows[0].changes == ["council_papers"]
    link = CouncilPaperLink.objects.get()
    assert (link.measure.code, link.paper.reference) == ("3.1", PAPER)
    assert link.history.count() == 1


def test_semicolon_separates_several_papers_and_a_repeat_changes_nothing(sources, sync):
    sync()
    import_rows([["3.1", f"{PAPER}; FB 56/0065/WP18"]])

    report = import_rows([["3.1", f"FB 56/0065/WP18;{PAPER}"]])

    assert report.summary() == "0 neu, 0 geändert, 1 unverändert, 0 abgelehnt."
    assert CouncilPaperLink.objects.filter(measure__code="3.1").count() == 2


def test_empty_cell_removes_the_links(sources, sync):
    sync()
    import_rows([["3.1", PAPER]])

    import_rows([["3.1", ""]])

    assert not CouncilPaperLink.objects.exists()


def test_unknown_reference_is_a_row_error_naming_line_and_column(sources, sync):
    sync()

    report = import_rows([["3.2", PAPER], ["3.1", "FB 99/9999/WP99"]])

    assert not report.ok
    assert any(
        line.startswith("Zeile 3, Spalte „council_papers“:") and "FB 99/9999/WP99" in line
        for line in report.error_lines()
    ), report.error_lines()
    assert not CouncilPaperLink.objects.exists(), "a rejected file writes nothing"


def test_import_never_fetches_a_paper_that_was_not_synced(sources):
    report = import_rows([["3.1", PAPER]])

    assert not report.ok
    assert not Paper.objects.exists()


def test_export_writes_the_linked_references(sources, sync, redaktion, client):
    sync()
    import_rows([["3.1", PAPER]])
    client.force_login(redaktion)

    response = client.post(EXPORT_URL, {"format": "0", "resource": "0"})

    rows = read_csv_export(response.content)
    column = rows[0].index("council_papers")
    by_code = {row[0]: row[column] for row in rows[1:]}
    assert by_code["3.1"] == PAPER
    assert by_code["3.2"] == ""


def test_measure_page_shows_the_papers_consultations_with_results(sources, sync, client):
    sync()
    import_rows([["3.1", PAPER]])

    page = client.get("/de/massnahmen/3.1/").content.decode()

    assert "Ratsbezug" in page
    assert PAPER in page
    assert 'lang="de"' in page
    assert "Synthetische Vorlage Eins" in page
    assert "Testrat" in page
    assert "Testausschuss für Integration" in page
    assert "ungeändert beschlossen" in page
    assert "Entscheidung" in page


def test_without_a_sync_the_section_says_no_council_data_is_loaded(sources, client):
    page = client.get("/de/massnahmen/3.1/").content.decode()

    assert "Ratsbezug" in page
    assert "noch keine Daten aus dem Ratsinformationssystem geladen" in page


def test_deleted_paper_is_no_longer_shown(sources, sync, oparl, client):
    sync()
    import_rows([["3.1", PAPER]])
    oparl.world.touch(oparl.world.papers, f"{oparl.base}/paper/1", deleted=True)
    sync()

    page = client.get("/de/massnahmen/3.1/").content.decode()

    assert "Synthetische Vorlage Eins" not in page
    assert Measure.objects.get(code="3.1").paper_links.count() == 1  # kept, not shown


def test_field_page_shows_papers_linked_to_the_field(sources, sync, client):
    from fields.models import ActionField

    sync()
    field = ActionField.objects.get(slug="wohnen-sozialplanung")
    CouncilPaperLink.objects.create(paper=Paper.objects.get(reference="TEST/0005"), field=field)

    page = client.get(field.get_absolute_url()).content.decode()

    assert "Ratsbezug" in page
    assert "Vorlage Fünf" in page


def test_sources_page_shows_the_concepts_own_paper_and_its_consultations(sources, sync, client):
    sync()  # the synthetic server has a paper under the concept's reference

    page = client.get("/de/quellen/").content.decode()

    assert "Ratsbezug" in page
    assert "Synthetische Vorlage Eins" in page
    assert "ungeändert beschlossen" in page


def test_ratsbezug_labels_are_translated_and_titles_stay_german(sources, sync, client):
    sync()
    import_rows([["3.1", PAPER]])

    page = client.get("/en/massnahmen/3.1/").content.decode()

    assert '<bdi class="council-paper__title" lang="de">Synthetische Vorlage Eins</bdi>' in page
    assert "Beratungsfolge" not in page


def test_open_dataset_lists_the_links_with_their_consultations(sources, sync, client):
    sync()
    import_rows([["3.1", PAPER]])

    rows = client.get("/daten/ratsbezug.json").json()["items"]
    csv_text = client.get("/daten/ratsbezug.csv").content.decode("utf-8-sig")

    assert len(rows) == 1
    row = rows[0]
    assert (row["target_type"], row["target"], row["paper_reference"]) == ("measure", "3.1", PAPER)
    assert row["paper_name_de"] == "Synthetische Vorlage Eins"
    assert row["consultations"] == [
        "2030-06-16 | Testausschuss für Integration | Vorberatung | zur Kenntnis genommen",
        "2030-07-11 | Testrat | Entscheidung | authoritative | ungeändert beschlossen",
    ]
    assert "FB 56/0150/WP17" in csv_text


def test_open_dataset_leaves_out_unpublished_measures(sources, sync, client):
    sync()
    import_rows([["3.1", PAPER]])
    Measure.objects.filter(code="3.1").update(is_published=False)

    assert client.get("/daten/ratsbezug.json").json()["items"] == []


def test_sachstandsbericht_shows_the_papers_of_each_field(sources, sync, client):
    sync()
    import_rows([["3.1", PAPER]])

    page = client.get("/de/sachstand/bericht/").content.decode()

    assert "Synthetische Vorlage Eins" in page
    assert "ungeändert beschlossen" in page


def test_sachstandsbericht_says_when_no_council_data_is_loaded(sources, client):
    page = client.get("/de/sachstand/bericht/").content.decode()

    assert "noch keine Daten aus dem Ratsinformationssystem geladen" in page


def test_a_sync_that_changes_a_shown_paper_changes_the_pages_validators(
    sources, sync, oparl, client
):
    sync()
    import_rows([["3.1", PAPER]])
    first = client.get("/de/massnahmen/3.1/")
    oparl.world.touch(oparl.world.papers, f"{oparl.base}/paper/1", name="Neuer Titel")
    sync()

    again = client.get("/de/massnahmen/3.1/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert "Neuer Titel" in again.content.decode()
