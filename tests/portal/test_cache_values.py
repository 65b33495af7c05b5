"""The page cache stores plain data and never unpickles what it finds in Redis."""

import pickle

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import translation

from aachen_portal import page_cache
from tests.portal.redis_servers import redis_cache

pytestmark = pytest.mark.django_db

URL = "/de/massnahmen/3.1/"
PLANTED = []


def planted_code_ran():
    PLANTED.append(True)


class Exploit:
    def __reduce__(self):
        return (planted_code_ran, ())


def raw_redis():
    return caches["default"]._cache.get_client()


def raw_key(url) -> str:
    with translation.override("de"):
        return caches["default"].make_key(page_cache.page_key(RequestFactory().get(url)))


def test_pages_are_stored_as_json_not_pickle(client, sources, settings, own_redis):
    redis_cache(settings, own_redis.url)
    first = client.get(URL)
    stored = raw_redis().get(raw_key(URL))
    assert stored.startswith(b"{") and b'"body":' in stored
    assert not stored.startswith(b"\x80"), "no pickle"
    again = client.get(URL)
    assert again.content == first.content and again["ETag"] == first["ETag"]


def test_a_pickled_value_planted_in_redis_is_never_unpickled(client, sources, settings, own_redis):
    redis_cache(settings, own_redis.url)
    client.get(URL)
    client_ = raw_redis()
    for key in [raw_key(URL), caches["default"].make_key(page_cache.VERSION_KEY)]:
        client_.set(key, pickle.dumps(Exploit()))
    response = client.get(URL)
    assert response.status_code == 200
    assert PLANTED == []


def test_a_planted_entry_of_the_wrong_shape_is_a_miss(client, sources, settings, own_redis):
    redis_cache(settings, own_redis.url)
    client.get(URL)
    version = caches["default"].get(page_cache.VERSION_KEY)
    forged = {"version": version, "status": 200, "headers": "x", "body": 5}
    caches["default"].set(page_cache.page_key(RequestFactory().get(URL)), forged)
    response = client.get(URL)
    assert response.status_code == 200
    assert b"3.1" in response.content
