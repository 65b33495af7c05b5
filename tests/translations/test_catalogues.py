"""The interface catalogues are complete, current, and nothing on a page escapes them."""

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

from tests.public_pages import public_urls

ROOT = Path(settings.BASE_DIR)
TARGETS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code: str, root: Path = ROOT):
    path = root / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=None)


@pytest.mark.parametrize("code", TARGETS)
def test_every_interface_string_is_translated_and_none_is_fuzzy(code):
    untranslated, fuzzy = [], []
    for message in catalogue(code):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", TARGETS)
def test_translations_keep_every_placeholder(code):
    problems = [
        (message.id, [str(error) for error in errors])
        for message, errors in catalogue(code).check()
        if errors
    ]
    assert problems == []


@pytest.fixture(scope="module")
def fresh_extraction(tmp_path_factory):
    """The catalogues as `make messages` would write them from the current source."""
    copy = tmp_path_factory.mktemp("extraction") / "portal"
    ignore = shutil.ignore_patterns(".venv", "staticfiles", ".git", "test-artifacts", "*.mo")
    shutil.copytree(ROOT, copy, ignore=ignore)
    locales = [argument for code in TARGETS for argument in ("-l", to_locale(code))]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *locales, "--no-location",
         "--ignore=bench", "--ignore=tests", "-v0"],
        cwd=copy, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return copy


@pytest.mark.parametrize("code", TARGETS)
def test_catalogues_contain_every_string_the_code_marks_for_translation(fresh_extraction, code):
    def live_ids(root):
        return {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(code, root) if m.id}

    missing = live_ids(fresh_extraction) - live_ids(ROOT)
    assert missing == set(), "run `make messages` and translate the new strings"


# German words that only the interface uses. On a page in another language they
# may appear only inside an element marked lang="de" (the honest fallback).
GERMAN_INTERFACE_WORDS = [
    "Maßnahme", "Maßnahmen", "Handlungsfeld", "Handlungsfelder", "Sachstand", "Stichtag",
    "Selbstverpflichtungen", "Fortschritt", "erfasst", "gemeldet", "veröffentlicht",
    "Quelle", "Zum Inhalt springen", "Startseite", "und", "nicht", "oder", "mit", "der", "die",
]  # fmt: skip


class TextOutsideGerman(HTMLParser):
    """Collects the visible text and attribute values outside lang="de" elements."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}  # fmt: skip

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def inside_german(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        german = attributes.get("lang") == "de" and tag != "html"
        if not self.inside_german() and not german:
            for name in ("aria-label", "title", "alt", "placeholder", "aria-valuetext"):
                if attributes.get(name):
                    self.parts.append(attributes[name])
        if tag not in self.VOID:
            self.stack.append(german)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.inside_german():
            self.parts.append(data)


def german_words_outside_fallbacks(html: str) -> set[str]:
    parser = TextOutsideGerman()
    parser.feed(html)
    text = " ".join(parser.parts)
    return {word for word in GERMAN_INTERFACE_WORDS if re.search(rf"\b{word}\b", text)}


@pytest.mark.django_db
@pytest.mark.parametrize("code", TARGETS)
def test_pages_in_other_languages_show_no_untranslated_interface_text(client, sources, code):
    leaks = {}
    for url in public_urls(code).values():
        found = german_words_outside_fallbacks(client.get(url).content.decode())
        if found:
            leaks[url] = sorted(found)
    assert leaks == {}


def test_the_german_word_check_finds_german_outside_fallbacks():
    assert german_words_outside_fallbacks("<p>3 Maßnahmen erfasst</p>") == {
        "Maßnahmen",
        "erfasst",
    }
    assert german_words_outside_fallbacks('<p><span lang="de">Maßnahmen</span> found</p>') == set()
    assert german_words_outside_fallbacks('<nav aria-label="Sprache und Startseite"></nav>') == {
        "und",
        "Startseite",
    }
