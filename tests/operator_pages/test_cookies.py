"""The Datenschutzerklärung names every cookie the portal sets — derived by using the
portal, so the text cannot drift from what the site does."""

import pytest
from django.conf import settings

from tests.conftest import make_staff

from .cookies import cookies_named_on_the_privacy_page, cookies_set_by_the_portal
from .middleware import UNDOCUMENTED_COOKIE

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def editor(django_user_model):
    return make_staff(django_user_model, "redakteurin", "Redaktion")


def test_every_cookie_the_portal_sets_is_named_in_the_privacy_statement(client, sources, editor):
    set_cookies = cookies_set_by_the_portal(LANGUAGES, editor.username)
    assert set_cookies - cookies_named_on_the_privacy_page(client) == set()


def test_the_privacy_statement_names_no_cookie_the_portal_does_not_set(client, sources, editor):
    named = cookies_named_on_the_privacy_page(client)
    assert named == {"django_language", "csrftoken", "sessionid", "messages"}
    assert named - cookies_set_by_the_portal(LANGUAGES, editor.username) == set()


def test_a_new_undocumented_cookie_is_reported(client, sources, editor, settings):
    settings.MIDDLEWARE = [
        "tests.operator_pages.middleware.sets_an_undocumented_cookie",
        *settings.MIDDLEWARE,
    ]
    set_cookies = cookies_set_by_the_portal(["de"], editor.username)
    assert set_cookies - cookies_named_on_the_privacy_page(client) == {UNDOCUMENTED_COOKIE}
