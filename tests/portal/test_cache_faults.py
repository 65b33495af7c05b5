"""Fail open: a Redis that is down or stalls never takes the public site or the admin down."""

import datetime
import time

import pytest
from django.core.cache import caches
from django.db import DatabaseError
from django.urls import reverse

from aachen_portal import cache_guard, page_cache
from measures.models import Measure, StatusEntry
from tests.conftest import record
from tests.portal.redis_servers import redis_cache

pytestmark = pytest.mark.django_db

MEASURE = "/de/massnahmen/3.1/"
PUBLIC_PAGES = [
    "/de/",
    "/de/massnahmen/",
    MEASURE,
    "/daten/massnahmen.csv",
    "/sitemap.xml",
    "/de/feeds/sachstaende/",
]


def visit_all(client) -> float:
    started = time.monotonic()
    for url in PUBLIC_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
    return time.monotonic() - started


def report_in_admin(client, measure):
    url = reverse("admin:measures_measure_report_status", args=[measure.pk])
    return client.post(
        url, {"reported_on": "2025-05-01", "status": "implemented", "progress": "100",
              "publish": "on"},
    )  # fmt: skip


def test_public_pages_answer_when_redis_is_down(client, sources, settings, own_redis):
    redis_cache(settings, own_redis.url)
    visit_all(client)  # cached while Redis runs
    own_redis.stop()
    assert visit_all(client) < 5
    assert cache_guard.health.errors >= 1


def test_public_pages_answer_quickly_when_redis_stalls(client, sources, settings, silent_port):
    redis_cache(settings, f"redis://127.0.0.1:{silent_port}/0")
    elapsed = visit_all(client)
    assert elapsed < 3, f"a stalled Redis cost {elapsed:.1f} s"
    assert cache_guard.health.errors == 1, "the breaker skips the cache after the first timeout"


def test_an_admin_status_report_is_saved_when_redis_is_down(
    client, sources, settings, staff_user, own_redis
):
    redis_cache(settings, own_redis.url)
    own_redis.stop()
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    assert report_in_admin(client, measure).status_code == 302
    assert StatusEntry.objects.get(measure=measure).is_published


def test_an_admin_status_report_is_saved_when_redis_stalls(
    client, sources, settings, staff_user, own_redis
):
    redis_cache(settings, own_redis.url)
    client.get(MEASURE)
    own_redis.stall()
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    started = time.monotonic()
    assert report_in_admin(client, measure).status_code == 302
    assert time.monotonic() - started < 3
    assert StatusEntry.objects.get(measure=measure).is_published


def test_no_stale_page_after_a_stalled_redis_returns(client, sources, settings, own_redis):
    settings.PORTAL_CACHE_BREAKER_SECONDS = 0.2
    redis_cache(settings, own_redis.url)
    assert "kein Sachstand gemeldet" in client.get(MEASURE).content.decode()
    own_redis.stall()
    record(Measure.objects.get(code="3.1"), datetime.date(2025, 5, 1), "implemented", 100)
    own_redis.resume()  # with its old content: the page and the old version
    time.sleep(0.3)
    assert "umgesetzt" in client.get(MEASURE).content.decode()


def test_a_process_that_missed_the_outage_serves_no_stale_page_either(
    client, sources, settings, own_redis
):
    settings.PORTAL_CACHE_BREAKER_SECONDS = 0.2
    settings.PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS = 1
    redis_cache(settings, own_redis.url)
    client.get(MEASURE)
    own_redis.stall()
    record(Measure.objects.get(code="3.1"), datetime.date(2025, 5, 1), "implemented", 100)
    own_redis.resume()
    cache_guard.reset()  # another server process, which saw no error
    time.sleep(1.1)
    assert "umgesetzt" in client.get(MEASURE).content.decode()


def test_stored_pages_are_still_served_while_the_database_is_down(client, sources, monkeypatch):
    first = client.get(MEASURE)
    caches["default"].delete(page_cache.CHECKED_KEY)  # the version is due for a check

    def database_down():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(page_cache, "stored_version", database_down)
    again = client.get(MEASURE)
    assert again.status_code == 200
    assert again.content == first.content
