"""Every German text the loader ships has a translation in every configured language."""

import pytest
from django.conf import settings

from translations.content import translations_of
from translations.languages import column
from translations.provenance import translated_fields, translated_models

pytestmark = pytest.mark.django_db

TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def shipped_german_texts() -> set[str]:
    """Every German text in a translated column after `load_sources`."""
    texts = set()
    for model in translated_models():
        for field_name in translated_fields(model):
            values = model.objects.values_list(
                column(field_name, settings.LANGUAGE_CODE), flat=True
            )
            texts.update(value for value in values if value)
    return texts


def test_the_loader_ships_german_texts_to_translate(sources):
    # A guard for the tests below: they must not pass on an empty set.
    assert len(shipped_german_texts()) >= 70


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_every_shipped_german_text_has_a_translation(sources, language):
    translations = translations_of(language)
    missing = sorted(
        text for text in shipped_german_texts() if not (translations.get(text) or "").strip()
    )
    assert missing == []


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_the_catalogue_translates_nothing_the_loader_does_not_ship(sources, language):
    assert sorted(set(translations_of(language)) - shipped_german_texts()) == []


@pytest.mark.parametrize("language", TARGET_LANGUAGES)
def test_every_loaded_row_has_every_translated_text_in_every_language(sources, language):
    empty = []
    for model in translated_models():
        for field_name in translated_fields(model):
            german, translated = (
                column(field_name, settings.LANGUAGE_CODE),
                column(field_name, language),
            )
            for pk, source, text in model.objects.values_list("pk", german, translated):
                if source and not (text or "").strip():
                    empty.append(f"{model.__name__} {pk} {field_name}")
    assert empty == []


def test_translations_keep_the_line_structure_of_the_german_text():
    for language in TARGET_LANGUAGES:
        for german, text in translations_of(language).items():
            assert german.count("\n") == text.count("\n"), (language, german[:40])


def test_proper_names_stay_recognisable_in_every_language():
    for language in TARGET_LANGUAGES:
        translations = translations_of(language)
        assert "KOMM-AN" in translations["Landes-Förderung über das Programm KOMM-AN"]
        for german, name in [
            (next(t for t in translations if "Richtericher Dell" in t), "Richtericher Dell"),
            (next(t for t in translations if "Antoniusstraße" in t), "Antoniusstraße"),
            (next(t for t in translations if "am Bushof zeigt" in t), "Bushof"),
        ]:
            assert name in translations[german], (language, name)


def test_translations_add_no_expansions_or_glosses_the_sources_do_not_give():
    for language in TARGET_LANGUAGES:
        translations = translations_of(language)
        for german, name in [
            ("Mittel im Bereich des KI", "KI"),
            ("Sach- und Personalmittel in 2016-18 für das KI", "KI"),
            (
                "Soziale Quartiersarbeit am Bushof in Kooperation mit Ordnungsamt und Polizei",
                "Bushof",
            ),
        ]:
            text = translations[german]
            assert name in text, (language, german)
            assert "(" not in text and "（" not in text, (language, text)
        passage = next(t for german, t in translations.items() if "am Bushof zeigt" in german)
        assert "Bushof (" not in passage and "Bushof（" not in passage, language


def test_the_chapter_title_is_translated_faithfully():
    expected = {
        "en": "A social community",
        "tr": "Sosyal bir topluluk",
        "ar": "مجتمع اجتماعي",
        "zh-hans": "一个社会共同体",
    }
    for language in TARGET_LANGUAGES:
        translations = translations_of(language)
        assert translations["Eine soziale Gemeinschaft"] == expected[language]
        chapter = next(t for german, t in translations.items() if german.startswith("Kapitel"))
        assert expected[language] in chapter, language
