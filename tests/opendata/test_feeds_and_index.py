"""Atom feeds of published status changes, sitemap.xml and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import record

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    return root


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "id": entry.findtext(f"{ATOM}id"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_portal_feed_is_valid_atom_with_published_changes_newest_first(client, synthetic_measures):
    root = atom(client, "/de/feeds/sachstaende/")
    assert root.findtext(f"{ATOM}title") == "Integrationsportal Aachen: neue Sachstände"
    items = entries(root)
    assert [item["title"] for item in items] == [
        "102.2 Zentrum für Sport: geplant",
        "102.1 Beratungsstelle: umgesetzt, 100 %",
        "102.1 Beratungsstelle: in Umsetzung, 60 %",
        "101.1 Sprachcafé im Quartier: in Umsetzung, 40 %",
        "101.1 Sprachcafé im Quartier: geplant, 10 %",
    ]
    assert len({item["id"] for item in items}) == 5, "every entry has its own id"
    assert items[1]["link"].startswith("http://testserver/de/massnahmen/102.1/#sachstand-")
    assert items[1]["summary"] == "Stand vom 1. Juni 2025. Fertig"
    assert all(item["updated"] for item in items)


def test_feeds_never_carry_drafts_or_unpublished_measures(client, synthetic_measures):
    body = client.get("/de/feeds/sachstaende/").content.decode()
    assert "Entwurf" not in body and "Elternschule" not in body
    assert "Geheim" not in body and "101.9" not in body


def test_field_feed_holds_only_that_fields_changes(client, synthetic_measures):
    root = atom(client, "/de/feeds/handlungsfelder/feld-a/")
    assert "Feld A" in root.findtext(f"{ATOM}title")
    assert {item["title"].split()[0] for item in entries(root)} == {"101.1"}


def test_measure_feed_holds_only_that_measures_changes(client, synthetic_measures):
    root = atom(client, "/de/feeds/massnahmen/102.1/")
    assert [item["title"] for item in entries(root)] == [
        "102.1 Beratungsstelle: umgesetzt, 100 %",
        "102.1 Beratungsstelle: in Umsetzung, 60 %",
    ]


def test_a_new_published_entry_appears_in_the_feed(client, synthetic_measures):
    record(synthetic_measures["measures"]["101.2"], datetime.date(2025, 7, 1), "preparing", 5)
    titles = [item["title"] for item in entries(atom(client, "/de/feeds/sachstaende/"))]
    assert titles[0] == "101.2 Lotsenprojekt: in Vorbereitung, 5 %"


def test_feeds_of_unknown_or_unpublished_things_are_404(client, synthetic_measures):
    assert client.get("/de/feeds/handlungsfelder/gibt-es-nicht/").status_code == 404
    assert client.get("/de/feeds/massnahmen/101.9/").status_code == 404
    assert client.get("/de/feeds/massnahmen/9.99/").status_code == 404


def test_feed_speaks_the_language_of_its_address(client, synthetic_measures):
    root = atom(client, "/en/feeds/sachstaende/")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_sitemap_lists_public_pages_in_every_language_but_no_unpublished_measure(
    client, synthetic_measures
):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    for language in ("de", "en", "tr", "ar", "zh-hans"):
        assert f"http://testserver/{language}/sachstand/" in locations
        assert f"http://testserver/{language}/massnahmen/101.1/" in locations
        assert f"http://testserver/{language}/handlungsfelder/feld-a/" in locations
        assert f"http://testserver/{language}/selbstverpflichtungen/verpflichtung/" in locations
    assert not any("101.9" in location for location in locations)
    assert 'hreflang="x-default"' in response.content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_names_every_public_page_without_arguments(client, sources):
    from tests.public_pages import public_pattern_names, public_urls

    xml = client.get("/sitemap.xml").content.decode()
    pages = [
        url
        for name, url in public_urls("de").items()
        if not public_pattern_names()[name]  # pages with arguments come from objects
    ]
    assert len(pages) >= 9
    for url in pages:
        assert f"<loc>http://testserver{url}</loc>" in xml, url


def test_a_draft_published_later_leads_the_feed_with_its_publication_time(
    client, synthetic_measures, monkeypatch
):
    from django.utils import timezone

    from measures import services
    from measures.models import StatusEntry

    draft = StatusEntry.objects.get(is_published=False, measure__code="102.3")
    later = timezone.now() + datetime.timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    services.publish_status_entry(entry=draft)
    draft.refresh_from_db()
    assert draft.published_at == later

    items = entries(atom(client, "/de/feeds/sachstaende/"))
    assert items[0]["title"] == "102.3 Elternschule: umgesetzt, 100 %"
    assert items[0]["updated"].startswith(later.strftime("%Y-%m-%d"))


def test_unpublishing_clears_the_publication_time(synthetic_measures):
    from measures.models import StatusEntry

    entry = StatusEntry.objects.filter(is_published=True).first()
    assert entry.published_at is not None
    entry.is_published = False
    entry.save()
    entry.refresh_from_db()
    assert entry.published_at is None
