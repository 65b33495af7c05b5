"""``/healthz``: what the load balancer asks each instance."""

import pytest

from aachen_portal import health
from tests.portal.redis_servers import redis_cache

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_a_cache_outage_is_degraded_and_counted_but_still_serving(client, settings, own_redis):
    redis_cache(settings, own_redis.url)
    own_redis.stop()
    client.get("/de/massnahmen/")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache_errors"] >= 1


def test_a_database_outage_answers_503(client, monkeypatch):

    monkeypatch.setattr(health, "database_answers", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert set(response.json()) == {"status", "database", "cache", "cache_errors", "cache_skipped"}


def test_health_is_never_stored_in_the_page_cache(client):
    client.get("/healthz")
    assert client.get("/healthz")["Cache-Control"].startswith("max-age=0")
