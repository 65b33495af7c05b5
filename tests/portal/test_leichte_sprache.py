"""The Leichte Sprache page (BITV 2.0): linked from every page, honest about the data."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from measures import services
from tests.factories import MeasureFactory
from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_page_links_to_leichte_sprache_in_its_header(client, sources):
    for language in ("de", "ar"):
        with translation.override(language):
            target = reverse("leichte_sprache")
        for url in public_urls(language).values():
            html = client.get(url).content.decode()
            header = html.split("<header")[1].split("</header>")[0]
            assert f'href="{target}"' in header, url


def test_leichte_sprache_explains_content_navigation_and_accessibility(client, sources):
    html = client.get("/de/leichte-sprache/").content.decode()
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert headings == [
        "Worum geht es auf dieser Seite?",
        "Was wir wissen und was noch fehlt",
        "So finden Sie sich zurecht",
        "Texte in anderen Sprachen",
        "Barriere-Freiheit",
    ]
    assert 'aria-current="page">Leichte Sprache</a>' in html


def test_leichte_sprache_says_honestly_how_much_is_recorded(client, sources):
    text = text_of(client.get("/de/leichte-sprache/").content.decode())
    assert "In dem Plan stehen 107 Maßnahmen." in text
    assert "Von 107 Maßnahmen stehen erst 6 Maßnahmen hier." in text
    assert "Zu keiner Maßnahme gibt es schon einen Sach-Stand." in text
    assert "Die Maßnahmen gehören zu 9 Themen." in text


def test_leichte_sprache_numbers_follow_the_database(client, sources):
    measure = MeasureFactory(field__concept__slug="integrationskonzept-2018")
    services.record_status(
        measure=measure, reported_on=measure.created_at.date(), status="planned", publish=True
    )
    text = text_of(client.get("/de/leichte-sprache/").content.decode())
    assert "Von 107 Maßnahmen stehen erst 7 Maßnahmen hier." in text
    assert "Zu 1 Maßnahme gibt es einen Sach-Stand." in text


def test_leichte_sprache_uses_short_sentences(client, sources):
    html = client.get("/de/leichte-sprache/").content.decode()
    main = html.split('<div class="leichte-sprache"')[1].split("</main>")[0]
    sentences = re.split(r"(?<=[.?!:])\s+", text_of(main))
    long_ones = [s for s in sentences if len(s.split()) > 15]
    assert long_ones == []


def test_untranslated_leichte_sprache_page_is_marked_as_german(client, sources, settings, tmp_path):
    # A language whose interface catalogue lacks the page (here: no catalogue at all).
    settings.LOCALE_PATHS = [tmp_path]
    html = client.get("/en/leichte-sprache/").content.decode()
    assert '<div class="leichte-sprache" lang="de" dir="ltr">' in html
    assert 'class="fallback-hint"' in html
    assert "Hier erklären wir diese Internet-Seite in Leichter Sprache." in html


def test_translated_leichte_sprache_page_is_in_its_language(client, sources):
    html = client.get("/en/leichte-sprache/").content.decode()
    assert '<div class="leichte-sprache">' in html
    assert "Hier erklären wir" not in html


def test_german_leichte_sprache_page_needs_no_language_marking(client, sources):
    html = client.get("/de/leichte-sprache/").content.decode()
    assert '<div class="leichte-sprache">' in html
