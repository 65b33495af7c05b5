"""The loader never refills what staff emptied, but fills columns that were never filled."""

import io

import pytest
from django.core.management import call_command

from fields.models import SourceDocument
from measures.models import Measure
from translations import content

pytestmark = pytest.mark.django_db


def load() -> None:
    call_command("load_sources", stdout=io.StringIO())


def test_a_translation_staff_emptied_stays_empty(sources):
    measure = Measure.objects.get(code="3.1")
    assert measure.title_en, "shipped with a machine translation"
    measure.title_en = ""
    measure.save()
    concept = SourceDocument.objects.concept()
    concept.financing_note_de = ""
    concept.save()

    load()

    measure.refresh_from_db()
    concept.refresh_from_db()
    assert measure.title_en == ""
    assert concept.financing_note_de == ""


def test_a_translation_added_in_a_later_release_is_filled_in(db, monkeypatch):
    real = content.translations_of
    monkeypatch.setattr(content, "translations_of", lambda code: {} if code == "tr" else real(code))
    load()
    assert Measure.objects.get(code="3.1").title_tr == ""

    monkeypatch.setattr(content, "translations_of", real)
    load()
    assert Measure.objects.get(code="3.1").title_tr != ""
