"""The public pages of the foundation: home, field and measure pages."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from fields.models import ActionField
from measures import services
from measures.models import CommitmentMeasure, Measure
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_root_redirects_to_the_language_the_browser_asks_for(client, sources):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar").url == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").url == "/de/"


def test_home_lists_the_nine_fields_in_order_with_catalogued_counts(client, sources):
    html = page(client, "/de/")
    names = re.findall(
        r'<h3><a href="/de/handlungsfelder/[^"]+/"><bdi>([^<]+)</bdi></a></h3>', html
    )
    assert names == [
        "Arbeit / Weiterbildung",
        "Sprache / Bildung",
        "Wohnen / Sozialplanung",
        "Sport",
        "Gesundheit",
        "Kultur",
        "Religion",
        "Sicherheit / Rassismus / Extremismus",
        "Öffentlichkeitsarbeit / Presse",
    ]
    text = text_of(html)
    assert text.count("0 Maßnahmen erfasst") == 8
    assert "6 Maßnahmen erfasst" in text


def test_home_shows_honestly_how_much_of_the_catalogue_is_recorded(client, sources):
    html = page(client, "/de/")
    assert '<progress max="107" value="6"' in html
    assert "6 von 107 Maßnahmen erfasst" in text_of(html)


def test_catalogue_count_follows_the_database(client, sources):
    Measure.objects.filter(code="3.6").update(is_published=False)
    assert "5 von 107 Maßnahmen erfasst" in text_of(page(client, "/de/"))


def test_home_shows_the_key_figures_in_german_number_format(client, sources):
    text = text_of(page(client, "/de/"))
    assert "über 150" in text
    assert "32,4 %" in text
    assert "36,4 %" in text
    assert "etwa 250.000" in text
    assert "Am 11. Juli 2018 hat der Rat der Stadt Aachen einstimmig" in text


def test_home_lists_the_eleven_commitments(client, sources):
    html = page(client, "/de/")
    section = html.split('id="selbstverpflichtungen"')[1].split("</section>")[0]
    assert section.count("<li>") == 11
    assert "Kampf gegen Zwangsprostitution" in section


def test_field_page_lists_its_needs_and_measures(client, sources):
    html = page(client, reverse("measures:field", kwargs={"slug": "wohnen-sozialplanung"}))
    text = text_of(html)
    assert "Handlungsfeld 3" in text
    assert "Grundversorgung mit bezahlbarem Wohnraum" in text
    for code in ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]:
        assert f'href="/de/massnahmen/{code}/"' in html
    assert text.count("kein Sachstand gemeldet") == 6
    assert "Vorlage FB 56/0150/WP17" in text


def test_field_without_catalogued_measures_says_so(client, sources):
    text = text_of(page(client, "/de/handlungsfelder/sport/"))
    assert "noch keine Maßnahmen erfasst" in text
    assert "noch keinen Handlungsbedarf" in text


def test_unpublished_measures_stay_off_the_field_page(client, sources):
    Measure.objects.filter(code="3.2").update(is_published=False)
    html = page(client, "/de/handlungsfelder/wohnen-sozialplanung/")
    assert "/de/massnahmen/3.2/" not in html
    assert client.get("/de/massnahmen/3.2/").status_code == 404


def test_measure_page_shows_status_timeline_and_commitments(client, sources):
    measure = Measure.objects.get(code="3.6")
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 5, 1),
        status="in_progress",
        progress=40,
        public_notes={"de": "Öffentliche Notiz zum Test"},
        internal_note="Nur intern",
        publish=True,
    )
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 6, 1),
        status="implemented",
        public_notes={"de": "Entwurf, noch nicht geprüft"},
        publish=False,
    )
    text = text_of(page(client, "/de/massnahmen/3.6/"))
    assert "in Umsetzung" in text
    assert "40 %" in text
    assert "Öffentliche Notiz zum Test" in text
    assert "Nur intern" not in text
    assert "Entwurf, noch nicht geprüft" not in text
    assert "Stärkung der Sozialräume durch Quartiersmanagements und Stadtteilbüros" in text


def test_measure_page_shows_the_basis_of_each_commitment_link(client, sources):
    html = page(client, "/de/massnahmen/3.6/")
    section = text_of(html.split('id="commitments-title"')[1].split("</section>")[0])
    assert section.count("(redaktionelle Zuordnung)") == 2
    assert "Redaktionelle Zuordnung des Portals" not in html
    link = CommitmentMeasure.objects.get(commitment__slug="bushof", measure__code="3.6")
    link.basis = "confirmed"
    link.save()
    html = page(client, "/de/massnahmen/3.6/")
    section = text_of(html.split('id="commitments-title"')[1].split("</section>")[0])
    assert (
        "Stärkung der Sozialräume durch Quartiersmanagements und Stadtteilbüros "
        "(redaktionelle Zuordnung)"
    ) in section
    assert (
        "Soziale Quartiersarbeit am Bushof in Kooperation mit Ordnungsamt und Polizei "
        "(von der Stadt bestätigt)"
    ) in section


def test_status_chart_counts_one_measure_in_the_singular(client, sources):
    MeasureFactory(field=ActionField.objects.get(slug="sport"), position=1)
    html = page(client, "/de/sachstand/")
    svg = html.split('<svg class="chart__svg"')[1].split("</svg>")[0]
    desc = text_of(svg.split("<desc")[1].split("</desc>")[0].split(">", 1)[1])
    assert "4. Sport: 1 Maßnahme, davon kein Sachstand gemeldet 1." in desc
    assert "3. Wohnen / Sozialplanung: 6 Maßnahmen, davon" in desc


def test_unknown_field_and_measure_are_404(client, sources):
    assert client.get("/de/handlungsfelder/gibt-es-nicht/").status_code == 404
    assert client.get("/de/massnahmen/9.99/").status_code == 404


@pytest.mark.parametrize(
    ("language", "direction"),
    [("de", "ltr"), ("en", "ltr"), ("tr", "ltr"), ("ar", "rtl"), ("zh-hans", "ltr")],
)
def test_every_page_declares_its_language_and_direction(client, sources, language, direction):
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("measures:field", kwargs={"slug": "wohnen-sozialplanung"}),
            reverse("measures:detail", kwargs={"code": "3.1"}),
        ]
    for url in urls:
        assert url.startswith(f"/{language}/")
        html = page(client, url)
        assert f'<html lang="{language}" dir="{direction}">' in html


def test_untranslated_content_falls_back_to_german_marked_as_german(client, sources):
    Measure.objects.filter(code="3.1").update(title_en="")
    html = page(client, "/en/massnahmen/3.1/")
    assert (
        '<span lang="de" dir="ltr" class="fallback">'
        "Verschränkung von Wohnraum- und Sozialentwicklungsplanung</span>"
    ) in html


def test_language_switcher_links_to_the_same_page_in_every_language(client, sources):
    html = page(client, "/de/massnahmen/3.1/")
    for code, name in [
        ("de", "Deutsch"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
    ]:
        assert f'href="/{code}/massnahmen/3.1/" hreflang="{code}" lang="{code}"' in html
        assert f">{name}</a>" in html


def test_a_second_concept_document_does_not_break_the_home_page(client, sources):
    from fields.models import SourceDocument

    SourceDocument.objects.create(
        slug="integrationskonzept-2006",
        kind=SourceDocument.Kind.CONCEPT,
        title_de="Erstes Integrationskonzept",
        position=9,
    )
    html = page(client, "/de/")
    assert "6 von 107 Maßnahmen erfasst" in text_of(html)
