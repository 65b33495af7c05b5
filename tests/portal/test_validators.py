"""Repeat visits cost a 304; any edit, new status entry or publication changes the validators."""

import datetime

import pytest

from measures import services
from measures.models import Commitment, Measure
from tests.conftest import record
from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db

URLS = [
    "/de/",
    "/de/massnahmen/",
    "/de/massnahmen/101.1/",
    "/de/sachstand/?as_of=2025-02-15",
    "/de/selbstverpflichtungen/",
    "/de/handlungsfelder/feld-a/",
    "/de/quellen/",
    "/de/offene-daten/",
    "/de/feeds/sachstaende/",
    "/daten/massnahmen.csv",
    "/daten/handlungsfelder.json",
    "/sitemap.xml",
]


def validators(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"], response["Last-Modified"]


@pytest.mark.parametrize("url", URLS)
def test_repeat_visit_gets_304(client, synthetic_measures, url):
    etag, last_modified = validators(client, url)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_every_public_page_sends_both_validators(client, synthetic_measures, operator_pages):
    for url in public_urls("de").values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.has_header("ETag") and response.has_header("Last-Modified"), url


@pytest.mark.parametrize(
    "url", ["/robots.txt", "/admin/login/", "/de/gibt-es-nicht/", "/de/massnahmen/9.99/"]
)
def test_the_admin_robots_txt_and_missing_pages_get_no_content_validators(
    client, synthetic_measures, url
):
    assert not client.get(url).has_header("Last-Modified")


def changes_etag(client, synthetic_measures, change) -> bool:
    etag, _last_modified = validators(client, "/de/massnahmen/")
    change()
    response = client.get("/de/massnahmen/", HTTP_IF_NONE_MATCH=etag)
    return response.status_code == 200 and response["ETag"] != etag


def test_a_new_published_status_entry_changes_the_validators(client, synthetic_measures):
    measure = synthetic_measures["measures"]["101.2"]
    assert changes_etag(
        client, synthetic_measures, lambda: record(measure, datetime.date(2025, 8, 1), "planned", 5)
    )


def test_publishing_an_old_draft_changes_the_validators(client, synthetic_measures):
    measure = synthetic_measures["measures"]["101.1"]
    draft = record(measure, datetime.date(2024, 12, 1), "planned", 5, publish=False)

    assert changes_etag(
        client, synthetic_measures, lambda: services.publish_status_entry(entry=draft)
    )


def test_editing_a_measure_changes_the_validators(client, synthetic_measures):
    def edit():
        measure = Measure.objects.get(code="101.2")
        measure.title_de = "Lotsenprojekt (neu)"
        measure.save()

    assert changes_etag(client, synthetic_measures, edit)


def test_editing_other_content_changes_the_validators(client, synthetic_measures):
    def edit():
        commitment = Commitment.objects.get(slug="verpflichtung")
        commitment.title_de = "Neuer Wortlaut"
        commitment.save()

    assert changes_etag(client, synthetic_measures, edit)


def test_deleting_an_entry_changes_the_validators(client, synthetic_measures):
    measure = synthetic_measures["measures"]["101.1"]
    first = measure.status_entries.order_by("reported_on").first()
    assert changes_etag(
        client, synthetic_measures, lambda: services.delete_status_entry(entry=first)
    )


def test_each_language_has_its_own_etag(client, synthetic_measures):
    german, _ = validators(client, "/de/massnahmen/")
    english, _ = validators(client, "/en/massnahmen/")
    assert german != english
