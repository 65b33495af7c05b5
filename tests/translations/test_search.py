"""Search and sorting of translated fields: search finds every language, sort follows
the text a reader sees (active language, else German)."""

import pytest
from django.utils import translation

from measures.models import Measure
from tests.factories import MeasureFactory
from translations.search import localized_value, search_translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(db):
    return {
        "translated": MeasureFactory(title_de="Wohnen im Quartier", title_tr="Mahallede konut"),
        "untranslated": MeasureFactory(title_de="Sprachkurse für Eltern", title_tr=""),
        "other": MeasureFactory(title_de="Sportvereine öffnen", title_tr="Spor kulüplerini açmak"),
    }


def codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def test_search_finds_text_in_the_active_language(measures):
    with translation.override("tr"):
        found = Measure.objects.filter(search_translated("title", "konut"))
    assert codes(found) == {measures["translated"].code}


def test_search_finds_untranslated_rows_through_their_german_fallback(measures):
    with translation.override("tr"):
        found = Measure.objects.filter(search_translated("title", "sprachkurse"))
    assert codes(found) == {measures["untranslated"].code}


def test_search_finds_the_german_text_of_translated_rows_too(measures):
    with translation.override("tr"):
        found = Measure.objects.filter(search_translated("title", "Quartier"))
    assert codes(found) == {measures["translated"].code}


def test_search_finds_words_of_a_language_other_than_the_active_one(measures):
    housing = MeasureFactory(title_de="Kultur", title_en="Housing culture")
    with translation.override("tr"):
        found = Measure.objects.filter(search_translated("title", "housing"))
    assert codes(found) == {housing.code}


def test_search_spans_several_fields_and_relations(measures):
    measures["other"].description_de = "Mehr Mitglieder mit Migrationsgeschichte"
    measures["other"].save()
    field = measures["untranslated"].field
    field.name_tr = "Dil alanı"
    field.save()
    with translation.override("tr"):
        by_description = Measure.objects.filter(
            search_translated(["title", "description"], "migrationsgeschichte")
        )
        by_field = Measure.objects.filter(search_translated("name", "dil", prefix="field__"))
    assert codes(by_description) == {measures["other"].code}
    assert codes(by_field) == {measures["untranslated"].code}


def test_a_blank_term_matches_everything(measures):
    assert Measure.objects.filter(search_translated("title", "  ")).count() == 3


def test_sorting_by_the_text_residents_see(measures):
    with translation.override("tr"):
        titles = list(
            Measure.objects.annotate(shown=localized_value("title"))
            .order_by("shown")
            .values_list("shown", flat=True)
        )
    assert titles == ["Mahallede konut", "Spor kulüplerini açmak", "Sprachkurse für Eltern"]


def test_the_measure_list_search_is_this_rule(measures):
    with translation.override("ar"):
        found = Measure.objects.search("konut")
    assert codes(found) == {measures["translated"].code}
