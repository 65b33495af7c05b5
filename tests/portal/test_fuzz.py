"""Fuzzing every public URL: random paths, query strings, form posts and Accept-Language
headers never cause a server error, and nothing a visitor sends comes back unescaped."""

from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public_pages import feed_pattern_names, public_urls

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
UNPREFIXED = [
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/daten/massnahmen.csv",
    "/daten/massnahmen.json",
    "/daten/sachstaende.csv",
    "/daten/handlungsfelder.json",
    "/daten/selbstverpflichtungen.csv",
]
FEEDS = ["/de/feeds/sachstaende/", "/ar/feeds/handlungsfelder/wohnen-sozialplanung/"]
FEEDS += ["/tr/feeds/massnahmen/3.1/"]
MARKER = "<x-fuzz onmouseover=alert(1)>"

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@pytest.fixture
def every_public_url(sources):
    urls = [url for language in LANGUAGES for url in public_urls(language).values()]
    assert len(feed_pattern_names()) == 3, "a new feed needs a sample URL here"
    return urls + UNPREFIXED + FEEDS


def test_the_inventory_covers_every_kind_of_public_url(every_public_url):
    assert len(every_public_url) >= 5 * 10 + len(UNPREFIXED) + len(FEEDS)


MARKUP_TYPES = ("text/html", "application/xml", "application/atom+xml", "image/svg+xml")


def assert_safe(response, label):
    assert response.status_code < 500, (label, response.status_code)
    content_type = response.get("Content-Type", "")
    if content_type.startswith(MARKUP_TYPES):
        body = response.content.decode("utf-8", errors="replace")
        assert MARKER not in body, f"{label} reflects input unescaped"
    else:
        # Plain text, CSV and JSON are never rendered as markup: nosniff forbids it.
        assert content_type.startswith(("text/plain", "text/csv", "application/json")), label
        assert response["X-Content-Type-Options"] == "nosniff"


@SETTINGS
@given(data=st.data())
def test_random_query_strings_on_every_public_url(client, every_public_url, data):
    url = data.draw(st.sampled_from(every_public_url))
    keys = st.one_of(st.sampled_from(["q", "status", "as_of", "since", "page", "sort"]), text)
    values = st.one_of(text, st.just(MARKER), st.integers().map(str))
    query = data.draw(st.lists(st.tuples(keys, values), max_size=6))
    response = client.get(url, QUERY_STRING=urlencode(query))
    assert_safe(response, (url, query))


@SETTINGS
@given(data=st.data())
def test_random_paths_below_every_prefix(client, data):
    below = ["", "massnahmen/", "feeds/massnahmen/", "handlungsfelder/", "selbstverpflichtungen/"]
    prefixes = [f"/{code}/{route}" for code in LANGUAGES for route in below]
    prefix = data.draw(st.sampled_from([*prefixes, "/", "/daten/", "/admin/measures/measure/"]))
    special = st.sampled_from([MARKER, "\x00", "3.1\x00", "%00", "..", "3.1/../../x", "ä" * 30])
    segments = data.draw(st.lists(st.one_of(text, special), min_size=1, max_size=4))
    trailing = "/" if data.draw(st.booleans()) else ""
    path = prefix + "/".join(quote(segment, safe="") for segment in segments) + trailing
    response = client.get(path)
    assert response.status_code in (200, 301, 302, 404), (path, response.status_code)
    assert_safe(response, path)


@SETTINGS
@given(data=st.data())
def test_random_form_posts_are_refused_cleanly(every_public_url, data):
    url = data.draw(st.sampled_from(every_public_url))
    form = data.draw(st.dictionaries(text, st.one_of(text, st.just(MARKER)), max_size=5))
    response = Client(enforce_csrf_checks=True).post(url, form)
    # Public pages are read-only: POST is not allowed (405) or, without a CSRF
    # token, forbidden (403); "/" only redirects to a language. Never a change,
    # never a server error.
    allowed = (302, 403, 405) if url == "/" else (403, 405)
    assert response.status_code in allowed, (url, response.status_code)
    assert_safe(response, (url, form))


@SETTINGS
@given(data=st.data())
def test_random_accept_language_headers(client, every_public_url, data):
    url = data.draw(st.sampled_from(["/", *every_public_url[:12]]))
    header = data.draw(
        st.one_of(
            text,
            st.just("ar;q=0.9, zh-CN;q=0.8, *;q=0.1"),
            st.just("x" * 500),
            st.just("de-DE;q=abc, ,,;q="),
        )
    )
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=header)
    assert_safe(response, (url, header))
    if url == "/":
        assert response.status_code == 302
        assert response.url.split("/")[1] in LANGUAGES
