"""Public freshness follows public content only (rule: measures/visibility.py).

Saving a draft, an internal note or an unpublished measure must neither move
ETag/Last-Modified (which would tell anyone when staff worked) nor empty the
page cache; publishing, withdrawing or editing what is public must.
"""

import datetime

import pytest
from django.core.cache import caches

from aachen_portal import page_cache
from measures import services
from measures.models import Measure
from tests.conftest import record

pytestmark = pytest.mark.django_db

URLS = ["/de/massnahmen/", "/de/massnahmen/101.1/", "/daten/massnahmen.csv", "/sitemap.xml"]


def freshness(client):
    seen = {}
    for url in URLS:
        response = client.get(url)
        seen[url] = (response.status_code, response.get("ETag"), response.get("Last-Modified"))
    return seen, caches["default"].get(page_cache.VERSION_KEY)


def unchanged(client, change) -> bool:
    before = freshness(client)
    change()
    return freshness(client) == before


def test_a_draft_status_report_changes_nothing_public(client, synthetic_measures):
    measure = synthetic_measures["measures"]["101.1"]
    assert unchanged(
        client,
        lambda: record(measure, datetime.date(2025, 8, 1), "implemented", 100, publish=False),
    )


def test_editing_a_draft_changes_nothing_public(client, synthetic_measures):
    measure = synthetic_measures["measures"]["101.1"]
    draft = record(measure, datetime.date(2025, 8, 1), "planned", 5, publish=False)

    def edit():
        draft.public_note_de = "Noch nicht geprüft"
        services.save_status_entry(entry=draft)

    assert unchanged(client, edit)


def test_an_internal_note_changes_nothing_public(client, synthetic_measures):
    entry = synthetic_measures["measures"]["101.1"].status_entries.published().first()

    def edit():
        entry.internal_note = "Rückfrage beim Träger"
        services.save_status_entry(entry=entry)

    assert unchanged(client, edit)


def test_editing_an_unpublished_measure_changes_nothing_public(client, synthetic_measures):
    hidden = Measure.objects.filter(is_published=False).first()

    def edit():
        hidden.title_de = "Noch intern"
        hidden.save()

    assert unchanged(client, edit)


def test_a_status_report_on_an_unpublished_measure_changes_nothing_public(
    client, synthetic_measures
):
    hidden = Measure.objects.filter(is_published=False).first()
    assert unchanged(client, lambda: record(hidden, datetime.date(2025, 8, 1), "planned", 5))


def test_publishing_a_measure_is_a_public_change(client, synthetic_measures):
    hidden = Measure.objects.filter(is_published=False).first()

    def publish():
        hidden.is_published = True
        hidden.save()

    assert not unchanged(client, publish)


def test_withdrawing_a_measure_is_a_public_change(client, synthetic_measures):
    def withdraw():
        measure = Measure.objects.get(code="101.1")
        measure.is_published = False
        measure.save()

    assert not unchanged(client, withdraw)


def test_a_new_public_note_is_a_public_change(client, synthetic_measures):
    entry = synthetic_measures["measures"]["101.1"].status_entries.published().first()

    def edit():
        entry.public_note_de = "Neue öffentliche Notiz"
        services.save_status_entry(entry=entry)

    assert not unchanged(client, edit)


def test_last_modified_is_the_time_of_the_last_public_change(client, synthetic_measures):
    first = client.get("/de/massnahmen/")["Last-Modified"]
    measure = synthetic_measures["measures"]["101.1"]
    record(measure, datetime.date(2025, 8, 1), "implemented", 100, publish=False)
    assert client.get("/de/massnahmen/")["Last-Modified"] == first
