"""The public measure list: filters narrow and combine, sorting, paging, reporting dates."""

import re

import pytest

from measures import views
from tests.factories import MeasureFactory
from tests.pages import listed_codes, page, text_of

pytestmark = pytest.mark.django_db

LIST = "/de/massnahmen/"
PUBLISHED = ["101.1", "101.2", "102.1", "102.2", "102.3"]


def codes(client, **params):
    return listed_codes(page(client, LIST, params))


def test_list_shows_every_published_measure_with_status_and_progress(client, synthetic_measures):
    html = page(client, LIST)
    assert listed_codes(html) == PUBLISHED
    text = text_of(html)
    assert "5 Maßnahmen gefunden" in text
    assert "Sprachcafé im Quartier" in text
    assert "in Umsetzung" in text and "40 %" in text
    assert "Unveröffentlichte" not in text


def test_drafts_never_show_in_the_list(client, synthetic_measures):
    html = page(client, LIST, {"q": "Elternschule"})
    assert listed_codes(html) == ["102.3"]
    assert "kein Sachstand gemeldet" in text_of(html)
    assert "umgesetzt" not in text_of(html).split("gefunden")[1]


def test_filter_by_field(client, synthetic_measures):
    assert codes(client, field="feld-a") == ["101.1", "101.2"]
    assert codes(client, field="feld-b") == ["102.1", "102.2", "102.3"]


def test_filter_by_several_statuses_at_once(client, synthetic_measures):
    assert codes(client, status="in_progress") == ["101.1"]
    assert codes(client, status=["in_progress", "implemented"]) == ["101.1", "102.1"]
    assert codes(client, status="no_report") == ["101.2", "102.3"]


def test_filter_by_responsible_unit(client, synthetic_measures):
    assert codes(client, unit="einheit-1") == ["101.1", "102.1"]
    assert codes(client, unit="einheit-2") == ["101.2"]


def test_filter_by_commitment(client, synthetic_measures):
    assert codes(client, commitment="verpflichtung") == ["101.1", "102.1"]


def test_filter_by_district_offers_only_districts_of_published_measures(client, synthetic_measures):
    html = page(client, LIST)
    assert '<option value="Nord">Nord</option>' in html
    assert '<option value="Süd">Süd</option>' in html
    assert codes(client, district="Süd") == ["101.2"]
    assert codes(client, district="Nord") == ["101.1", "102.1"]


def test_filter_by_progress_reported_or_not(client, synthetic_measures):
    assert codes(client, progress="yes") == ["101.1", "102.1"]
    assert codes(client, progress="no") == ["101.2", "102.2", "102.3"]


def test_free_text_searches_title_and_description_in_every_language(client, synthetic_measures):
    assert codes(client, q="sprachcafé") == ["101.1"]
    assert codes(client, q="Mietrecht") == ["102.1"]
    assert codes(client, q="Language café") == ["101.1"]
    assert codes(client, q="gibt es nirgends") == []


def test_filters_combine(client, synthetic_measures):
    assert codes(client, district="Nord", field="feld-b") == ["102.1"]
    assert codes(client, unit="einheit-1", status="in_progress") == ["101.1"]
    assert codes(client, commitment="verpflichtung", progress="yes", q="Beratung") == ["102.1"]
    assert codes(client, field="feld-a", status="implemented") == []


def test_an_empty_result_says_so(client, synthetic_measures):
    text = text_of(page(client, LIST, {"field": "feld-a", "status": "implemented"}))
    assert "0 Maßnahmen gefunden" in text
    assert "Keine Maßnahme passt zu diesen Filtern." in text


def test_filter_state_lives_in_the_url_and_the_form_shows_it(client, synthetic_measures):
    html = page(client, LIST, {"field": "feld-b", "status": ["planned", "implemented"]})
    assert '<option value="feld-b" selected>' in html
    assert 'value="planned" id="id_status_1" checked' in html
    assert 'value="implemented" id="id_status_4" checked' in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("code", ["101.1", "101.2", "102.1", "102.2", "102.3"]),
        ("title", ["102.1", "102.3", "101.2", "101.1", "102.2"]),
        ("status", ["101.2", "102.3", "102.2", "101.1", "102.1"]),
        ("changed", ["102.1", "102.2", "101.1", "101.2", "102.3"]),
    ],
)
def test_sorting(client, synthetic_measures, sort, expected):
    assert codes(client, sort=sort) == expected


def test_title_sort_follows_the_reading_language(client, synthetic_measures):
    html = page(client, "/en/massnahmen/", {"sort": "title", "field": "feld-a"})
    assert listed_codes(html) == ["101.1", "101.2"]  # "Language café" < "Lotsenprojekt"


def test_status_codes_order_numerically_not_as_text(client, synthetic_measures):
    field = synthetic_measures["fields"][0]
    MeasureFactory(field=field, position=10, code="101.10")
    assert codes(client, field="feld-a") == ["101.1", "101.2", "101.10"]


def test_paging_keeps_the_filters(client, synthetic_measures, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    html = page(client, LIST, {"field": "feld-b"})
    assert listed_codes(html) == ["102.1", "102.2"]
    assert 'href="?field=feld-b&amp;page=2"' in html
    assert listed_codes(page(client, LIST, {"field": "feld-b", "page": "2"})) == ["102.3"]


def test_a_huge_page_number_shows_the_last_page(client, synthetic_measures, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    html = page(client, LIST, {"page": "999999999999"})
    assert listed_codes(html) == ["102.3"]
    assert "angezeigt wird Seite 3" in text_of(html)


@pytest.mark.parametrize("bad_page", ["999999999999", "abc", "-1", "0", "1e9", "9" * 5000])
def test_a_page_that_does_not_exist_shows_a_real_page_and_says_so(
    client, synthetic_measures, bad_page
):
    html = page(client, LIST, {"page": bad_page})
    assert listed_codes(html) == PUBLISHED
    assert "gibt es nicht; angezeigt wird Seite 1" in text_of(html)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "erfunden"}, "Status:"),
        ({"field": "gibt-es-nicht"}, "Handlungsfeld:"),
        ({"field": "a b\x00"}, "Handlungsfeld:"),
        ({"unit": "x" * 500}, "Verantwortlicher Fachbereich:"),
        ({"district": "Atlantis"}, "Stadtbezirk / Sozialraum:"),
        ({"progress": "vielleicht"}, "Fortschritt:"),
        ({"sort": "random()"}, "Sortierung:"),
        ({"as_of": "2025-02-30"}, "Stichtag:"),
        ({"as_of": "gestern"}, "Stichtag:"),
        ({"as_of": "2999-01-01"}, "Stichtag: Der Stichtag darf nicht in der Zukunft liegen."),
        ({"as_of": "2025-01-01", "since": "2025-06-01"}, "Veränderungen seit:"),
        ({"q": "x" * 300}, "Suche in Titel und Beschreibung:"),
        ({"q": "nul\x00byte"}, "Suche in Titel und Beschreibung:"),
    ],
)
def test_invalid_filters_show_a_clear_message_and_an_empty_list(
    client, synthetic_measures, params, message
):
    html = page(client, LIST, params)
    text = text_of(html)
    assert "Bitte prüfen Sie Ihre Angaben" in text
    assert message in text
    assert listed_codes(html) == []


def test_the_list_at_a_reporting_date_reads_the_history(client, synthetic_measures):
    html = page(client, LIST, {"as_of": "2025-02-15"})
    text = text_of(html)
    assert "Sachstand am Stichtag 15. Februar 2025" in text
    rows = dict(re.findall(r"massnahmen/([\d.]+)/.*?status--(\w+)", html, flags=re.S))
    assert rows == {
        "101.1": "planned",
        "101.2": "no_report",
        "102.1": "in_progress",
        "102.2": "no_report",
        "102.3": "no_report",
    }
    assert "10 %" in text and "60 %" in text
    assert "100 %" not in text


def test_status_filter_applies_to_the_reporting_date(client, synthetic_measures):
    assert codes(client, as_of="2025-02-15", status="in_progress") == ["102.1"]
    assert codes(client, as_of="2025-07-01", status="in_progress") == ["101.1"]
    assert codes(client, as_of="2024-12-31", status="no_report") == PUBLISHED


def test_changes_between_two_dates(client, synthetic_measures):
    assert codes(client, since="2025-02-15", as_of="2025-04-15") == ["101.1", "102.2"]
    assert codes(client, since="2025-04-15") == ["102.1"]
    html = page(client, LIST, {"since": "2025-02-15", "as_of": "2025-04-15"})
    text = text_of(html)
    assert "seit dem 15. Februar 2025 geändert" in text
    assert "Status am 15.02.2025" in text


def test_german_date_format_is_accepted_too(client, synthetic_measures):
    assert codes(client, as_of="15.02.2025", status="planned") == ["101.1"]


def test_export_links_carry_the_filters(client, synthetic_measures):
    html = page(client, LIST, {"field": "feld-a", "page": "1"})
    assert 'href="/daten/massnahmen.csv?field=feld-a"' in html
    assert 'href="/daten/massnahmen.json?field=feld-a"' in html


@pytest.mark.parametrize("sort", ["code", "title", "status", "changed"])
def test_every_sort_combines_with_every_filter(client, synthetic_measures, sort):
    params = {
        "commitment": "verpflichtung",
        "unit": "einheit-1",
        "field": "feld-b",
        "district": "Nord",
        "status": ["implemented", "in_progress"],
        "progress": "yes",
        "q": "Beratung",
        "as_of": "2025-07-01",
        "since": "2025-01-01",
        "sort": sort,
    }
    assert codes(client, **params) == ["102.1"]


def test_on_arrival_only_the_search_is_open_and_further_filters_are_folded(
    client, synthetic_measures
):
    html = page(client, "/de/massnahmen/")
    assert '<details class="filter-form__more">' in html
    assert html.index('name="q"') < html.index("<details")
    assert html.index("<details") < html.index('name="field"')


def test_folded_filters_stay_open_while_one_is_in_use(client, synthetic_measures):
    html = page(client, "/de/massnahmen/", {"field": "feld-a"})
    assert '<details class="filter-form__more" open>' in html
