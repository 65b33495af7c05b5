"""The whole-page cache: a repeat visit costs no query, and any content change is seen at once."""

import datetime
import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from aachen_portal import page_cache
from measures import services
from measures.models import Measure

pytestmark = pytest.mark.django_db

URL = "/de/massnahmen/3.1/"


def test_a_repeat_visit_is_served_without_a_database_query(
    client, sources, django_assert_num_queries
):
    first = client.get(URL)
    with django_assert_num_queries(0):
        again = client.get(URL)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]


def test_each_language_and_query_is_its_own_page(client, sources):
    german = client.get("/de/massnahmen/").content
    arabic = client.get("/ar/massnahmen/").content
    filtered = client.get("/de/massnahmen/?status=planned").content
    assert german != arabic and german != filtered
    assert b'lang="ar"' in client.get("/ar/massnahmen/").content


def test_a_new_status_report_is_shown_at_once(client, sources):
    assert "kein Sachstand gemeldet" in client.get(URL).content.decode()
    services.record_status(
        measure=Measure.objects.get(code="3.1"),
        reported_on=datetime.date(2025, 5, 1),
        status="implemented",
        progress=100,
        publish=True,
    )
    html = client.get(URL).content.decode()
    assert "umgesetzt" in html


def test_an_edit_in_the_admin_is_shown_at_once(client, sources, staff_user):
    client.get("/de/handlungsfelder/sport/")
    from fields.models import ActionField

    field = ActionField.objects.get(slug="sport")
    field.summary_de = "Neue Zusammenfassung der Redaktion"
    field.save()
    assert (
        "Neue Zusammenfassung der Redaktion"
        in client.get("/de/handlungsfelder/sport/").content.decode()
    )


def test_a_cached_page_still_answers_304_to_a_current_copy(client, sources):
    etag = client.get(URL)["ETag"]
    client.get(URL)  # now certainly cached
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_pages_of_yesterday_are_not_served_today(client, sources, monkeypatch):
    client.get("/de/sachstand/")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: tomorrow)
    with CaptureQueriesContext(connection) as rendering:
        client.get("/de/sachstand/")
    assert len(rendering.captured_queries) > 0, "rendered anew, not taken from the cache"


def test_a_lost_content_version_never_serves_an_old_page(client, sources):
    client.get(URL)
    caches["default"].delete(page_cache.VERSION_KEY)
    Measure.objects.filter(code="3.1").update(title_de="Direkt in der Datenbank geändert")
    assert "Direkt in der Datenbank geändert" in client.get(URL).content.decode()


def test_staff_with_a_session_always_get_a_fresh_page(client, sources, staff_user):
    client.force_login(staff_user)
    client.get(URL)
    Measure.objects.filter(code="3.1").update(title_de="Ohne Signal geändert")
    assert "Ohne Signal geändert" in client.get(URL).content.decode()


def test_error_pages_and_the_admin_are_never_cached(client, sources, staff_user, rf):
    assert client.get("/de/massnahmen/9.99/").status_code == 404
    assert caches["default"].get(page_cache.page_key(rf.get("/de/massnahmen/9.99/"))) is None
    client.get(URL)
    assert caches["default"].get(page_cache.page_key(rf.get(URL))) is not None
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200
    assert caches["default"].get(page_cache.page_key(rf.get("/admin/"))) is None


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is set by .ci/run")
def test_with_a_shared_redis_one_process_sees_what_another_changed(client, sources):
    prefix = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,  # this worker's database (settings/test.py)
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis):
        caches["default"].clear()
        client.get(URL)
        assert caches["default"].get(page_cache.VERSION_KEY)
        # Another process (here: a new cache connection) records a report.
        caches["default"].close()
        services.record_status(
            measure=Measure.objects.get(code="3.1"),
            reported_on=datetime.date(2025, 5, 1),
            status="planned",
            publish=True,
        )
        assert "geplant" in client.get(URL).content.decode()
        caches["default"].clear()


def test_the_version_is_replaced_again_when_the_write_commits(
    sources, django_capture_on_commit_callbacks
):
    from fields.models import ActionField

    with django_capture_on_commit_callbacks(execute=True):
        field = ActionField.objects.get(slug="sport")
        field.summary_de = "Neu"
        field.save()
        during = caches["default"].get(page_cache.VERSION_KEY)
    after = caches["default"].get(page_cache.VERSION_KEY)
    assert during and after and during != after, (
        "a page rendered from uncommitted-old data must not survive the commit"
    )


def stored(rf, url) -> bool:
    return caches["default"].get(page_cache.page_key(rf.get(url))) is not None


def test_only_known_parameters_are_stored(client, sources, rf):
    client.get("/de/massnahmen/?status=planned&sort=title")
    client.get("/de/massnahmen/?zufall=123")
    client.get("/de/massnahmen/?q=Wohnen")
    client.get("/de/massnahmen/?status=" + "x" * 400)
    assert stored(rf, "/de/massnahmen/?status=planned&sort=title")
    assert not stored(rf, "/de/massnahmen/?zufall=123")
    assert not stored(rf, "/de/massnahmen/?q=Wohnen")
    assert not stored(rf, "/de/massnahmen/?status=" + "x" * 400)


def test_a_new_release_is_served_at_once(client, sources, settings, django_assert_max_num_queries):
    first = client.get(URL)
    settings.RELEASE = "next-release"
    with CaptureQueriesContext(connection) as rendering:
        second = client.get(URL)
    assert len(rendering.captured_queries) > 0, "rendered anew for the new release"
    assert second["ETag"] != first["ETag"]


def test_each_host_gets_its_own_copy(client, sources, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    client.get(URL)
    other = client.get(URL, HTTP_HOST="portal.example").content.decode()
    assert 'href="http://portal.example/en/massnahmen/3.1/"' in other
