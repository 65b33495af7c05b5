"""Every public page in every language; negotiation; the remembered choice."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import resolve
from django.utils import translation
from django.utils.translation import get_language_from_path, get_language_info

from tests.public_pages import public_pattern_names, public_urls

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
COOKIE = settings.LANGUAGE_COOKIE_NAME


def page_of(url: str) -> tuple[str, dict]:
    """The view and arguments a prefixed URL leads to, whatever language is active."""
    with translation.override(get_language_from_path(url)):
        match = resolve(url)
    return match.view_name, match.kwargs


def test_every_public_page_is_covered_by_the_page_tests(sources):
    assert set(public_urls("de")) == set(public_pattern_names())


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_public_page_in_every_language_declares_language_direction_and_alternates(
    client, sources, language
):
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    for url in public_urls(language).values():
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html, url

        alternates = dict(
            re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]+)"', html
            )
        )
        assert set(alternates) == {*LANGUAGE_CODES, "x-default"}, url
        for code in LANGUAGE_CODES:
            assert alternates[code].startswith(f"/{code}/")
            assert page_of(alternates[code]) == page_of(url)
        assert alternates["x-default"] == url[len(language) + 1 :]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_switcher_leads_to_the_same_page_in_each_language_named_in_itself(
    client, sources, language
):
    for url in public_urls(language).values():
        html = client.get(url).content.decode()
        switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
        links = re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)" dir="(ltr|rtl)"[^>]*>([^<]+)</a>',
            switcher,
        )
        assert [code for _href, code, *_rest in links] == LANGUAGE_CODES
        for href, code, lang, direction, name in links:
            info = get_language_info(code)
            assert lang == code
            assert name == info["name_local"]
            assert direction == ("rtl" if info["bidi"] else "ltr")
            assert page_of(href) == page_of(url)


def test_arabic_pages_are_right_to_left(client, sources):
    for url in public_urls("ar").values():
        assert '<html lang="ar" dir="rtl">' in client.get(url).content.decode()


def test_root_follows_accept_language(client, sources):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response.url == "/tr/"


def test_root_maps_a_regional_chinese_browser_to_simplified_chinese(client, sources):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").url == "/zh-hans/"


def test_root_skips_unsupported_languages_in_accept_language(client, sources):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR, fr;q=0.9, ar;q=0.5").url == "/ar/"


def test_root_uses_the_remembered_choice_when_the_browser_asks_for_nothing_we_offer(
    client, sources
):
    client.cookies[COOKIE] = "tr"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").url == "/tr/"
    assert client.get("/").url == "/tr/"


def test_accept_language_comes_before_the_remembered_choice(client, sources):
    client.cookies[COOKIE] = "tr"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar").url == "/ar/"


def test_root_falls_back_to_german(client, sources):
    assert client.get("/").url == "/de/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr, it;q=0.5").url == "/de/"


def test_root_redirect_varies_on_accept_language_and_cookie(client, sources):
    vary = client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Vary"]
    assert "Accept-Language" in vary and "Cookie" in vary


def test_visiting_a_prefixed_page_remembers_its_language(client, sources):
    response = client.get("/ar/handlungsfelder/sport/")
    cookie = response.cookies[COOKIE]
    assert cookie.value == "ar"
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE
    assert client.get("/").url == "/ar/"


def test_a_page_in_the_remembered_language_sets_no_new_cookie(client, sources):
    client.cookies[COOKIE] = "en"
    assert COOKIE not in client.get("/en/").cookies


def test_missing_pages_do_not_change_the_remembered_choice(client, sources):
    assert COOKIE not in client.get("/tr/massnahmen/9.99/").cookies


def test_x_default_page_redirects_to_the_visitors_language(client, sources):
    response = client.get("/massnahmen/3.1/", HTTP_ACCEPT_LANGUAGE="zh-Hans")
    assert response.url == "/zh-hans/massnahmen/3.1/"


@override_settings(LANGUAGES=[("de", "Deutsch"), ("en", "Englisch"), ("ar", "Arabisch")])
def test_switcher_and_alternates_follow_the_configured_languages(client, sources):
    html = client.get("/de/massnahmen/3.1/").content.decode()
    assert re.findall(r'hreflang="([^"]+)" href=', html) == ["de", "en", "ar", "x-default"]
    assert 'lang="tr"' not in html and 'lang="zh-hans"' not in html
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr, ar;q=0.5").url == "/ar/"


# Where the language list may be spelled out: settings (the one place), tests,
# migrations (generated columns), catalogues, and locale format modules.
ALLOWED = ("aachen_portal/settings/", "aachen_portal/formats/", "tests/", "locale/", "/migrations/")
TARGET_CODES = [code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE]
HARD_CODED = re.compile(
    r"""["'](?:{codes})["']|_(?:{columns})\b""".format(
        codes="|".join(re.escape(code) for code in TARGET_CODES),
        columns="|".join(re.escape(code.replace("-", "_")) for code in TARGET_CODES),
    )
)


def project_files(root: Path):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [
            d for d in subdirectories if not d.startswith(".") and d not in {"staticfiles"}
        ]
        for name in files:
            if name.endswith((".py", ".html", ".css", ".txt")):
                yield Path(directory) / name


def test_nothing_outside_settings_hard_codes_the_language_list():
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in project_files(root):
        relative = path.relative_to(root).as_posix()
        if any(part in f"/{relative}" for part in ALLOWED):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HARD_CODED.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
