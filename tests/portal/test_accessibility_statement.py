"""The Erklärung zur Barrierefreiheit: linked from every page, with what the law asks for."""

import re

import pytest

from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db


def test_every_public_page_links_the_statement_in_its_footer(client, sources):
    for url in public_urls("de").values():
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert 'href="/de/barrierefreiheit/"' in footer, url


def test_statement_names_conformity_gaps_feedback_and_enforcement(client, sources):
    html = client.get("/de/barrierefreiheit/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "teilweise vereinbar" in text
    assert "Deutscher Gebärdensprache" in text
    assert "maschinell erstellt und noch nicht von Menschen geprüft" in text
    assert "Diese Erklärung wurde am 21. November 2026 erstellt" in text
    assert "in allen 5 Sprachen" in text
    assert "Feedback und Kontakt" in text
    assert (
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen" in text
    )


def test_statement_says_no_contact_is_named_yet_until_one_is_configured(client, sources):
    html = client.get("/de/barrierefreiheit/").content.decode()
    assert "noch keine Kontaktstelle benannt" in html
    assert 'href="https://www.aachen.de/integration"' in html
    assert "mailto:" not in html


def test_statement_shows_the_contact_from_the_operator_details(client, sources):
    from operator_pages.models import OperatorDetails

    OperatorDetails.objects.create(
        accessibility_email="barrierefrei@example.org", accessibility_phone="+49 241 000000"
    )
    html = client.get("/de/barrierefreiheit/").content.decode()
    assert 'href="mailto:barrierefrei@example.org"' in html
    assert "+49 241 000000" in html


def test_unknown_pages_get_a_helpful_404_in_the_visitors_language(client, sources):
    response = client.get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/massnahmen/"' in html


def test_server_errors_get_a_page_in_the_language_of_the_request(rf):
    from aachen_portal.views import server_error

    response = server_error(rf.get("/ar/massnahmen/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/"' in html
