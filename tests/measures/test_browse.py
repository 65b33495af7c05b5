"""Residents browse: commitments, field and measure pages, sources, navigation."""

import datetime
import re

import pytest

from measures import services
from measures.models import Measure
from tests.pages import listed_codes, page, text_of

pytestmark = pytest.mark.django_db


def test_commitment_list_shows_the_eleven_points_with_their_progress(client, sources):
    html = page(client, "/de/selbstverpflichtungen/")
    titles = re.findall(
        r'<h2><a href="/de/selbstverpflichtungen/[^"]+/"><bdi>([^<]+)</bdi></a></h2>', html
    )
    assert len(titles) == 11
    assert titles[0] == "Bunte Vielfalt auf der Basis gemeinsamer Werte"
    text = text_of(html)
    assert "0 von 1 Maßnahme mit Sachstand, noch keine Fortschrittsangabe" in text
    assert "Noch keine Maßnahme zugeordnet." in text


def test_commitment_page_shows_passage_fields_measures_and_their_status(client, sources):
    services.record_status(
        measure=Measure.objects.get(code="3.1"),
        reported_on=datetime.date(2025, 3, 1),
        status="in_progress",
        progress=25,
        publish=True,
    )
    html = page(client, "/de/selbstverpflichtungen/sozialplanung/")
    text = text_of(html)
    assert "Vernetzte, flächendeckende Sozialplanung" in text
    assert "Die Stärkung des Miteinanders in Aachen beginnt mit einer guten Sozialplanung." in text
    assert 'href="/de/handlungsfelder/wohnen-sozialplanung/"' in html
    assert listed_codes(html) == ["3.1"]
    assert "in Umsetzung" in text and "25 %" in text
    assert "1 von 1 Maßnahme mit Sachstand, Durchschnitt 25 % (1 Fortschrittsangabe)" in text
    assert "redaktionelle Zuordnung" in text
    assert "Quelle: Programm „Wandel menschlich gestalten“" in text


def test_unpublished_measures_stay_off_commitment_pages(client, sources):
    Measure.objects.filter(code="3.1").update(is_published=False)
    html = page(client, "/de/selbstverpflichtungen/sozialplanung/")
    assert "/de/massnahmen/3.1/" not in html
    assert "Diesem Punkt ist noch keine Maßnahme zugeordnet." in text_of(html)


def test_unknown_commitment_is_404(client, sources):
    assert client.get("/de/selbstverpflichtungen/gibt-es-nicht/").status_code == 404


def test_field_page_shows_progress_rule_and_commitments_that_touch_it(client, sources):
    html = page(client, "/de/handlungsfelder/wohnen-sozialplanung/")
    text = text_of(html)
    assert "0 von 6 Maßnahmen mit Sachstand, noch keine Fortschrittsangabe" in text
    commitments = html.split('id="commitments-title"')[1].split("</section>")[0]
    assert 'href="/de/selbstverpflichtungen/sozialplanung/"' in commitments
    assert 'href="/de/selbstverpflichtungen/sozialraeume/"' in commitments
    assert 'href="/de/selbstverpflichtungen/bunte-vielfalt/"' not in commitments
    assert 'href="/de/feeds/handlungsfelder/wohnen-sozialplanung/"' in html


def test_field_page_prints_date_and_source(client, sources):
    html = page(client, "/de/handlungsfelder/wohnen-sozialplanung/")
    assert 'class="print-only print-meta"' in html
    assert "Quelle: Integrationskonzept Aachen 2018 (Vorlage FB 56/0150/WP17)" in html


def test_measure_page_links_its_commitments_and_feed(client, sources):
    html = page(client, "/de/massnahmen/3.6/")
    assert 'href="/de/selbstverpflichtungen/sozialraeume/"' in html
    assert 'type="application/atom+xml" href="/de/feeds/massnahmen/3.6/"' in html


def test_home_shows_the_overall_state_with_the_rule(client, sources):
    html = page(client, "/de/")
    text = text_of(html)
    assert "0 von 6 Maßnahmen mit Sachstand, noch keine Fortschrittsangabe" in text
    assert "Maßnahmen ohne Meldung zählen nicht als 0 %" in text
    assert 'href="/de/selbstverpflichtungen/zwangsprostitution/"' in html


def test_sources_page_tells_deliberation_adoption_financing_and_catalogue(client, sources):
    text = text_of(page(client, "/de/quellen/"))
    assert "FB 56/0150/WP17" in text
    assert "Neuaufstellung des Integrationskonzeptes der Stadt Aachen" in text
    assert "26. April 2018 Ausschuss für Soziales, Integration und Demographie" in text
    assert "11. Juli 2018 Rat der Stadt Aachen Beschluss" in text
    assert "einstimmig" in text
    assert "Stadtteifond" in text
    assert "Landes-Förderung über das Programm KOMM-AN" in text
    assert "6 von 107 Maßnahmen erfasst" in text
    assert "Wandel menschlich gestalten" in text
    assert "die 11 Punkte unter „Wir stehen für“" in text
    assert "Fachbereich Wohnen, Soziales und Integration (federführend)" in text


def test_navigation_links_every_public_section(client, sources):
    html = page(client, "/de/")
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    for href, label in [
        ("/de/massnahmen/", "Maßnahmen"),
        ("/de/sachstand/", "Sachstand"),
        ("/de/selbstverpflichtungen/", "Selbstverpflichtungen"),
        ("/de/quellen/", "Über die Quellen"),
        ("/de/offene-daten/", "Offene Daten"),
    ]:
        assert f'href="{href}"' in nav and label in nav
    dashboard_nav = page(client, "/de/sachstand/").split('class="site-nav"')[1]
    assert 'href="/de/sachstand/" aria-current="page"' in dashboard_nav


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/de/massnahmen/",
        "/de/massnahmen/?status=erfunden",
        "/de/massnahmen/3.1/",
        "/de/sachstand/",
        "/de/sachstand/?since=2020-01-01",
        "/de/selbstverpflichtungen/",
        "/de/selbstverpflichtungen/sozialplanung/",
        "/de/handlungsfelder/wohnen-sozialplanung/",
        "/de/quellen/",
        "/de/offene-daten/",
        "/ar/sachstand/",
    ],
)
def test_public_pages_have_no_script_and_no_inline_style(client, sources, url):
    html = page(client, url)
    assert "<script" not in html
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"
