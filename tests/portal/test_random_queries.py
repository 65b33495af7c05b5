"""Property: no query string, however odd, makes a public list view fail with a 5xx."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

LIST_VIEWS = [
    "/de/massnahmen/",
    "/ar/massnahmen/",
    "/de/sachstand/",
    "/de/selbstverpflichtungen/",
    "/de/handlungsfelder/feld-a/",
    "/de/",
    "/daten/massnahmen.csv",
    "/daten/massnahmen.json",
    "/daten/sachstaende.json",
    "/de/feeds/sachstaende/",
]

KNOWN_KEYS = ["q", "field", "status", "unit", "commitment", "district", "progress"]
KNOWN_KEYS += ["as_of", "since", "sort", "page"]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
values = st.one_of(
    text,
    st.sampled_from(["planned", "in_progress", "feld-a", "einheit-1", "Nord", "yes", "status"]),
    st.integers().map(str),
    st.integers(min_value=10**20).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.from_regex(r"\d{1,6}-\d{1,3}-\d{1,3}", fullmatch=True),
    st.just("9" * 5000),
)
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), text), values), max_size=8)
raw_query = st.binary(max_size=120).map(lambda b: b.decode("latin-1"))

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("url", LIST_VIEWS)
@SETTINGS
@given(query=pairs)
def test_random_parameters_never_cause_a_server_error(client, synthetic_measures, url, query):
    response = client.get(url, QUERY_STRING=urlencode(query))
    assert response.status_code in (200, 400), (url, query, response.status_code)


@pytest.mark.parametrize("url", ["/de/massnahmen/", "/de/sachstand/", "/daten/massnahmen.csv"])
@SETTINGS
@given(query=raw_query)
def test_malformed_query_strings_never_cause_a_server_error(client, synthetic_measures, url, query):
    response = client.get(url, QUERY_STRING=query)
    assert response.status_code in (200, 400), (url, query, response.status_code)
