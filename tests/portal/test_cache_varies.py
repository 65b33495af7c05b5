"""The page cache varies exactly as the views do."""

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db

SORTED = "/daten/massnahmen.csv?sort=title"


def fresh(client, url, **headers):
    caches["default"].clear()
    return client.get(url, **headers)


@pytest.mark.parametrize("url", [SORTED, "/daten/massnahmen.json?sort=title"])
def test_data_files_are_cached_per_language(client, synthetic_measures, url):
    german = fresh(client, url, HTTP_ACCEPT_LANGUAGE="de")
    english = fresh(client, url, HTTP_ACCEPT_LANGUAGE="en")
    assert german.content != english.content, "sorting by title differs between the languages"
    caches["default"].clear()
    client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    served = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert served.content == english.content
    assert served["ETag"] == english["ETag"] != german["ETag"]


def test_the_remembered_language_choice_is_followed_on_data_files(client, synthetic_measures):
    english = fresh(client, SORTED, HTTP_ACCEPT_LANGUAGE="en")
    caches["default"].clear()
    client.get(SORTED)  # no preference, no choice: German
    client.get("/en/")  # remembers English
    served = client.get(SORTED)
    assert served.content == english.content


def test_the_sitemap_is_cached_per_scheme_and_host(client, sources, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    client.get("/sitemap.xml")
    other = client.get("/sitemap.xml", HTTP_HOST="portal.example").content.decode()
    secure = client.get("/sitemap.xml", secure=True).content.decode()
    assert "http://portal.example/" in other
    assert "https://testserver/" in secure
