"""The operator's four pages: shipped with true text only, gaps named, in every language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from operator_pages.models import OperatorDetails, Page, PageSection
from tests.pages import page, text_of
from tests.public_pages import public_urls
from translations.languages import column

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = {
    "operator_pages:imprint": "Impressum",
    "operator_pages:privacy": "Datenschutzerklärung",
    "operator_pages:contact": "Kontakt",
    "operator_pages:about": "Über dieses Portal",
}
SLUGS = {
    "operator_pages:imprint": "impressum",
    "operator_pages:privacy": "datenschutz",
    "operator_pages:contact": "kontakt",
    "operator_pages:about": "ueber-das-portal",
}
FILLED = {
    "name": "Synthetischer Betreiber",
    "address": "Teststraße 1\n00000 Teststadt",
    "representative": "Test Person",
    "email": "betreiber@example.org",
    "phone": "+49 000 0000",
    "data_protection_officer": "Synthetische Datenschutzbeauftragte",
    "supervisory_authority": "Synthetische Aufsichtsbehörde",
    "log_retention": "Synthetisch: keine Zugriffsprotokolle",
    "accessibility_email": "barrierefrei@example.org",
}


def url(name, language="de"):
    with translation.override(language):
        return reverse(name)


def test_load_sources_ships_the_four_pages_with_their_german_text(sources):
    assert set(Page.objects.values_list("slug", flat=True)) == set(Page.Slug.values)
    assert Page.objects.get(slug="datenschutz").title_de == "Datenschutzerklärung"


def test_load_sources_keeps_what_the_redaktion_edited(sources):
    from django.core.management import call_command

    imprint = Page.objects.get(slug="impressum")
    imprint.body_de = "Von der Redaktion geschrieben."
    imprint.save()
    call_command("load_sources", stdout=None)
    imprint.refresh_from_db()
    assert imprint.body_de == "Von der Redaktion geschrieben."


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_is_shown_in_every_language(client, sources, name, language):
    html = page(client, url(name, language))
    assert f'<html lang="{language}"' in html
    shown = Page.objects.get(slug=SLUGS[name])
    assert getattr(shown, column("title", language)) in text_of(html.split("<h1>")[1])


def test_shipped_translations_are_marked_as_machine_translations(client, sources):
    html = page(client, url("operator_pages:privacy", "en"))
    assert '<span class="machine-translation">Privacy notice</span>' in html
    assert '<p class="translation-notice">' in html


def test_untranslated_text_is_shown_in_german_with_the_fallback_notice(client, sources):
    privacy = Page.objects.get(slug="datenschutz")
    privacy.title_tr = ""
    privacy.save()
    html = page(client, url("operator_pages:privacy", "tr"))
    assert '<span lang="de" dir="ltr" class="fallback">Datenschutzerklärung</span>' in html
    assert '<small class="fallback-hint">' in html


def test_a_translation_written_by_staff_is_shown_without_the_notice(client, sources, staff_user):
    privacy = Page.objects.get(slug="datenschutz")
    privacy.title_en = "Privacy statement"
    privacy._translation_author = staff_user
    privacy.save()
    html = page(client, url("operator_pages:privacy", "en"))
    assert "<h1><bdi>Privacy statement</bdi></h1>" in html
    assert "fallback" not in html.split("<h1>")[1].split("</h1>")[0]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_names_the_operator_details_still_missing(client, sources, name):
    html = page(client, url(name))
    assert "Noch fehlende Angaben" in html
    assert "Name des Betreibers (verantwortliche Stelle)" in html


def test_the_imprint_names_each_missing_item(client, sources):
    text = text_of(page(client, url("operator_pages:imprint")))
    for label in (
        "Name des Betreibers (verantwortliche Stelle)",
        "Postanschrift",
        "vertretungsberechtigte Person",
        "E-Mail-Adresse oder Telefon des Betreibers",
    ):
        assert label in text


@pytest.mark.parametrize("name", PAGES)
def test_filled_details_are_shown_and_no_gap_remains(client, sources, name):
    OperatorDetails.objects.create(**FILLED)
    html = page(client, url(name))
    assert "Noch fehlende Angaben" not in html
    assert "noch nicht angegeben" not in html
    assert "Synthetischer Betreiber" in html


def test_the_privacy_statement_shows_controller_officer_and_authority(client, sources):
    OperatorDetails.objects.create(**FILLED)
    text = text_of(page(client, url("operator_pages:privacy")))
    assert "Synthetische Datenschutzbeauftragte" in text
    assert "Synthetische Aufsichtsbehörde" in text
    assert "Synthetisch: keine Zugriffsprotokolle" in text


def test_the_privacy_statement_gives_a_legal_basis_for_each_purpose(client, sources):
    sections = PageSection.objects.filter(page__slug="datenschutz").exclude(purpose="")
    assert set(sections.values_list("purpose", flat=True)) == {
        "server_access",
        "language",
        "staff_login",
        "change_history",
    }
    assert all(section.legal_basis_de for section in sections)
    text = text_of(page(client, url("operator_pages:privacy")))
    assert text.count("Rechtsgrundlage") >= len(sections)


def test_no_e_mail_subscription_is_described_before_it_exists(client, sources):
    assert not PageSection.objects.filter(purpose="email_subscriptions").exists()


def test_the_contact_page_names_the_accessibility_contact(client, sources):
    OperatorDetails.objects.create(accessibility_email="barrierefrei@example.org")
    html = page(client, url("operator_pages:contact"))
    assert 'href="mailto:barrierefrei@example.org"' in html


def test_an_edit_by_the_redaktion_shows_at_once(client, sources):
    page(client, url("operator_pages:about"))  # cached now
    about = Page.objects.get(slug="ueber-das-portal")
    about.body_de = "Synthetischer neuer Text."
    about.save()
    assert "Synthetischer neuer Text." in page(client, url("operator_pages:about"))


def test_every_public_page_links_the_four_pages_in_its_footer(client, sources):
    for address in public_urls("ar").values():
        footer = page(client, address).split('<footer class="site-footer">')[1]
        for name in PAGES:
            assert f'href="{url(name, "ar")}"' in footer, address


def test_the_sitemap_lists_the_four_pages_in_every_language(client, sources):
    xml = client.get("/sitemap.xml").content.decode()
    for name in PAGES:
        for language in LANGUAGES:
            assert f"{url(name, language)}</loc>" in xml


def test_the_pages_work_without_script(client, sources):
    for name in PAGES:
        html = page(client, url(name))
        assert "<script" not in html and "style=" not in html


def test_filling_a_detail_shows_at_once_on_a_cached_page(client, sources):
    assert "Synthetischer Betreiber" not in page(client, url("operator_pages:imprint"))
    OperatorDetails.objects.create(name="Synthetischer Betreiber")
    assert "Synthetischer Betreiber" in page(client, url("operator_pages:imprint"))
