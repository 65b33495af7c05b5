"""A bounded page cache: hostile traffic stores no more pages than the site has."""

import subprocess

import pytest
from django.core.cache import caches
from django.core.checks import run_checks

from aachen_portal import page_cache
from measures.models import Measure
from measures.views import PAGE_SIZE
from tests.portal.redis_servers import redis_cache

pytestmark = pytest.mark.django_db

LIST = "/de/massnahmen/"


def page_keys() -> int:
    cache = caches["default"]
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):  # memory cache
        return sum(":portal:page:" in key for key in cache._cache)
    client = cache._cache.get_client()
    return len(client.keys(f"{cache.key_prefix}*portal:page:*"))


def stored(rf, url, **headers) -> bool:
    request = rf.get(url, **headers)
    return caches["default"].get(page_cache.page_key(request)) is not None


def test_hostile_traffic_stores_only_real_pages(client, sources):
    pages = -(-Measure.objects.published().count() // PAGE_SIZE)
    for number in range(1, 401):
        client.get(LIST, {"page": number})
    for junk in ["junk", "2025-13-01", "9" * 40, "2025-02-30", "0000-00-00"]:
        for suffix in range(5):
            client.get("/de/sachstand/", {"as_of": f"{junk}{suffix}"})
            client.get(LIST, {"as_of": f"{junk}{suffix}"})
    for port in range(20000, 20030):
        client.get(LIST, HTTP_HOST=f"testserver:{port}")
    assert page_keys() <= pages + 1, "one key per real page (and the list without ?page)"


def test_a_page_number_that_does_not_exist_is_answered_but_not_stored(client, sources, rf):
    assert client.get(LIST, {"page": "400"}).status_code == 200
    assert not stored(rf, f"{LIST}?page=400")
    client.get(LIST, {"page": "1"})
    assert stored(rf, f"{LIST}?page=1")


def test_other_spellings_of_a_valid_query_are_not_stored(client, sources, rf):
    for query in ["page=01", "as_of=01.02.2025", "page=1&page=1", "status=planned&status=planned"]:
        assert client.get(f"{LIST}?{query}").status_code == 200
        assert not stored(rf, f"{LIST}?{query}"), query
    client.get(f"{LIST}?as_of=2025-02-01")
    assert stored(rf, f"{LIST}?as_of=2025-02-01")


def test_invalid_dates_are_answered_but_not_stored(client, sources, rf):
    for url in ["/de/sachstand/?as_of=junk", "/de/sachstand/bericht/?as_of=2025-13-01"]:
        client.get(url)
        assert not stored(rf, url), url


def test_parameters_a_page_ignores_are_not_stored(client, sources, rf):
    for url in ["/de/?page=2", "/de/massnahmen/3.1/?as_of=2025-01-01", "/sitemap.xml?page=1"]:
        assert client.get(url).status_code == 200
        assert not stored(rf, url), url


def test_the_order_of_parameters_makes_no_new_copy(client, sources, rf):
    client.get(f"{LIST}?status=planned&sort=title")
    assert stored(rf, f"{LIST}?sort=title&status=planned")


def test_a_host_with_a_port_of_its_own_is_answered_but_not_stored(client, sources):
    assert client.get(LIST, HTTP_HOST="testserver:31337").status_code == 200
    assert page_keys() == 0
    client.get(LIST, HTTP_HOST="TestServer:80")
    client.get(LIST)
    assert page_keys() == 1, "host names are compared as the domain system does"


def set_policy(redis, policy):
    subprocess.run(
        ["redis-cli", "-p", str(redis.port), "CONFIG", "SET", "maxmemory-policy", policy],
        check=True,
        capture_output=True,
    )


def portal_checks():
    return [message.id for message in run_checks() if message.id.startswith("portal.")]


def test_start_up_warns_when_redis_never_evicts(settings, own_redis):
    redis_cache(settings, own_redis.url)
    set_policy(own_redis, "noeviction")
    assert "portal.W010" in portal_checks()
    set_policy(own_redis, "allkeys-lru")
    assert "portal.W010" not in portal_checks()


def test_start_up_checks_pass_when_redis_is_down(settings, own_redis):
    redis_cache(settings, own_redis.url)
    own_redis.stop()
    assert "portal.W010" not in portal_checks()
