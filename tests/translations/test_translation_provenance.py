"""Where each translation comes from, when it is outdated, and what the pages say about it."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from fields.models import ActionField
from measures.models import Commitment, Measure
from tests.factories import MeasureFactory
from translations import provenance
from translations.models import TranslationOrigin, TranslationProvenance
from translations.provenance import TranslationState

pytestmark = pytest.mark.django_db

OVERVIEW = "admin:translations_translationprovenance_changelist"
REVIEW = "admin:translations_translationprovenance_review"


def record_of(obj, field_name, language):
    return TranslationProvenance.objects.get(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field_name=field_name,
        language=language,
    )


def state_of(obj, field_name, language):
    obj.refresh_from_db()
    return provenance.ProvenanceLookup().state(obj, field_name, language)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_loaded_translations_are_recorded_as_unreviewed_machine_translations(sources):
    measure = Measure.objects.get(code="3.1")
    for language in ("en", "tr", "ar", "zh-hans"):
        record = record_of(measure, "title", language)
        assert record.status == TranslationOrigin.MACHINE
        assert record.reviewed_by is None and record.reviewed_at is None
        assert record.source_digest == provenance.digest(measure.title_de)
        assert state_of(measure, "title", language) == TranslationState.UNREVIEWED


def test_german_is_the_source_and_has_no_provenance_record(sources):
    assert not TranslationProvenance.objects.filter(language="de").exists()


def test_changing_the_german_text_makes_every_translation_outdated(sources):
    measure = Measure.objects.get(code="3.2")
    measure.title_de = "Stärkung partizipativer Prozesse bei Planung, Bau und Vermarktung"
    measure.save()
    for language in ("en", "tr", "ar", "zh-hans"):
        assert state_of(measure, "title", language) == TranslationState.OUTDATED


def test_changing_the_german_text_behind_the_models_back_is_noticed_too(sources):
    Measure.objects.filter(code="3.2").update(title_de="Neu gefasster Titel")
    assert state_of(Measure.objects.get(code="3.2"), "title", "en") == TranslationState.OUTDATED


def test_whitespace_and_line_endings_do_not_outdate_a_translation(sources):
    commitment = Commitment.objects.get(slug="richtericher-dell")
    commitment.passage_de = commitment.passage_de.replace("\n", "\r\n") + "  "
    commitment.save()
    assert state_of(commitment, "passage", "en") == TranslationState.UNREVIEWED


def test_outdated_translation_falls_back_to_german_with_a_visible_hint(client, sources):
    measure = Measure.objects.get(code="3.1")
    measure.title_de = "Verschränkung von Wohnraum- und Sozialplanung"
    measure.save()
    html = client.get("/en/massnahmen/3.1/").content.decode()
    # The German text, marked as German (WCAG 3.1.2), right before the visible English hint.
    assert (
        '<span lang="de" dir="ltr" class="fallback">'
        "Verschränkung von Wohnraum- und Sozialplanung</span>"
        ' <small class="fallback-hint">(Translation outdated – German original text)</small>'
    ) in html
    assert "Linking housing planning and social development planning" not in html


def test_unreviewed_machine_translation_is_shown_with_a_notice_and_a_link_to_german(
    client, sources
):
    html = client.get("/tr/massnahmen/3.3/").content.decode()
    assert (
        '<span class="machine-translation">'
        "Kültürlerarası ve kültüre duyarlı konut (yeni konut biçimleri)</span>"
    ) in html
    notice = re.search(r'<p class="translation-notice">.*?</p>', html, re.S).group(0)
    assert 'href="/de/massnahmen/3.3/" hreflang="de"' in notice
    assert html.count('class="translation-notice"') == 1


def test_a_block_machine_translation_gets_its_notice_right_below_it(client, sources):
    # The concept's financing note is not on a page yet; use a field summary.
    field = ActionField.objects.get(slug="sport")
    field.summary_de = "Zusammenfassung der Redaktion"
    field.summary_en = "Summary written by a machine"
    field.save()
    html = client.get("/en/handlungsfelder/sport/").content.decode()
    block = re.search(
        r'<div class="machine-translation"><p>Summary written by a machine</p></div>\s*'
        r'<p class="fallback-hint">(.*?)</p>',
        html,
        re.S,
    )
    assert block is not None
    assert 'href="/de/handlungsfelder/sport/"' in block.group(1)


def test_german_pages_carry_no_translation_notice(client, sources):
    html = client.get("/de/").content.decode()
    assert "translation-notice" not in html
    assert "machine-translation" not in html


def test_reviewed_translation_is_shown_plainly(client, sources, staff_user):
    measure = Measure.objects.get(code="3.4")
    provenance.mark_reviewed(obj=measure, field_name="title", language="en", user=staff_user)
    html = client.get("/en/massnahmen/3.4/").content.decode()
    assert "Raising awareness of interculturality in the private real-estate sector" in html
    assert '<span class="machine-translation">Raising awareness of interculturality' not in html


def test_staff_marking_a_translation_reviewed_records_who_and_when(client, sources, staff_user):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.5")
    response = client.post(
        reverse(REVIEW),
        {
            "content_type": ContentType.objects.get_for_model(Measure).pk,
            "object_id": measure.pk,
            "field_name": "title",
            "language": "ar",
            "next": reverse(OVERVIEW) + "?language=ar&state=unreviewed",
        },
    )
    assert response.status_code == 302
    assert response.url.endswith("?language=ar&state=unreviewed")
    record = record_of(measure, "title", "ar")
    assert record.status == TranslationOrigin.REVIEWED
    assert record.reviewed_by == staff_user
    assert record.reviewed_at is not None
    assert state_of(measure, "title", "ar") == TranslationState.REVIEWED


def test_reviewing_an_outdated_translation_makes_it_current(sources, staff_user):
    measure = Measure.objects.get(code="3.6")
    measure.title_de = measure.title_de + " (präzisiert)"
    measure.save()
    assert state_of(measure, "title", "en") == TranslationState.OUTDATED
    provenance.mark_reviewed(obj=measure, field_name="title", language="en", user=staff_user)
    assert state_of(measure, "title", "en") == TranslationState.REVIEWED


def test_review_is_refused_to_a_get_request_and_to_anonymous_visitors(client, sources):
    assert client.get(reverse(REVIEW)).status_code in (302, 405)
    response = client.post(reverse(REVIEW), {})
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_a_translation_staff_write_in_the_admin_is_recorded_as_reviewed_by_them(
    client, sources, staff_user
):
    client.force_login(staff_user)
    field = ActionField.objects.get(slug="kultur")
    url = reverse("admin:fields_actionfield_change", args=[field.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "name_en": "Culture and the arts",
            "needs-TOTAL_FORMS": "0",
            "needs-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    record = record_of(field, "name", "en")
    assert record.status == TranslationOrigin.REVIEWED
    assert record.reviewed_by == staff_user
    assert record_of(field, "name", "tr").status == TranslationOrigin.MACHINE


def test_a_translation_written_without_a_known_author_counts_as_unreviewed(db):
    measure = MeasureFactory(title_en="A translation from somewhere")
    assert record_of(measure, "title", "en").status == TranslationOrigin.MACHINE
    assert state_of(measure, "title", "en") == TranslationState.UNREVIEWED


def test_an_emptied_translation_is_missing_again(db):
    measure = MeasureFactory(title_en="Some translation")
    measure.title_en = ""
    measure.save()
    assert not TranslationProvenance.objects.filter(object_id=measure.pk, language="en").exists()
    assert state_of(measure, "title", "en") == TranslationState.MISSING


def test_a_text_written_only_in_another_language_is_an_original(db):
    measure = MeasureFactory(description_en="Written in English by the department")
    assert record_of(measure, "description", "en").status == TranslationOrigin.ORIGINAL
    assert state_of(measure, "description", "en") == TranslationState.ORIGINAL


def test_deleting_an_object_deletes_its_provenance(sources):
    commitment = Commitment.objects.get(slug="bushof")
    pk = commitment.pk
    commitment.delete()
    assert not TranslationProvenance.objects.filter(
        content_type=ContentType.objects.get_for_model(Commitment), object_id=pk
    ).exists()


def test_reloading_sources_keeps_the_review_and_the_outdated_state(sources, staff_user):
    from django.core.management import call_command

    measure = Measure.objects.get(code="3.1")
    provenance.mark_reviewed(obj=measure, field_name="title", language="en", user=staff_user)
    measure.title_de = "Von der Redaktion präzisiert"
    measure.save()
    call_command("load_sources", stdout=None)
    assert record_of(measure, "title", "en").reviewed_by == staff_user
    assert state_of(measure, "title", "tr") == TranslationState.OUTDATED


def test_a_translation_the_loader_fills_under_an_edited_german_text_is_outdated_at_once(
    sources,
):
    from django.core.management import call_command

    measure = Measure.objects.get(code="3.2")
    # As if the Turkish translation shipped only in a later release: the column is empty
    # and never held a value (a column staff emptied is not filled again).
    Measure.objects.filter(pk=measure.pk).update(title_de="Von der Redaktion geändert", title_tr="")
    Measure.history.filter(id=measure.pk).update(title_tr="")
    TranslationProvenance.objects.filter(object_id=measure.pk, language="tr").delete()
    call_command("load_sources", stdout=None)
    assert state_of(measure, "title", "tr") == TranslationState.OUTDATED


def test_overview_counts_every_state_per_language(client, sources, staff_user):
    measure = Measure.objects.get(code="3.1")
    measure.title_de = "Geänderter Titel"
    measure.save()
    Measure.objects.filter(code="3.2").update(title_ar="")
    provenance.mark_reviewed(
        obj=Measure.objects.get(code="3.3"), field_name="title", language="ar", user=staff_user
    )
    counts, _items = provenance.overview()
    assert counts["ar"][TranslationState.OUTDATED] == 1
    assert counts["ar"][TranslationState.MISSING] == 1
    assert counts["ar"][TranslationState.REVIEWED] == 1
    assert counts["en"][TranslationState.MISSING] == 0
    assert (
        counts["en"][TranslationState.UNREVIEWED] == counts["ar"][TranslationState.UNREVIEWED] + 2
    )


def test_overview_lists_outdated_translations_with_links_to_fix_and_review_them(
    client, sources, staff_user
):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    measure.title_de = "Geänderter Titel"
    measure.save()
    response = client.get(reverse(OVERVIEW), {"language": "tr", "state": "outdated"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("admin:measures_measure_change", args=[measure.pk]) in html
    assert reverse(REVIEW) in html
    assert "Geänderter Titel" in html
    assert len(response.context["page"].object_list) == 1


@pytest.mark.parametrize("state", [s.value for s in TranslationState])
def test_overview_renders_every_state(client, sources, staff_user, state):
    client.force_login(staff_user)
    response = client.get(reverse(OVERVIEW), {"language": "zh-hans", "state": state})
    assert response.status_code == 200


def test_overview_is_for_staff_only(client, sources):
    response = client.get(reverse(OVERVIEW))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_every_translated_model_is_covered_by_the_provenance_signal():
    from modeltranslation.translator import translator

    assert set(provenance.translated_models()) == set(
        translator.get_registered_models(abstract=False)
    )
    assert {m.__name__ for m in provenance.translated_models()} >= {
        "SourceDocument",
        "ActionField",
        "Measure",
        "StatusEntry",
        "Commitment",
    }


def test_a_provenance_record_and_its_history_open_read_only_in_the_admin(
    client, sources, staff_user
):
    client.force_login(staff_user)
    record = record_of(Measure.objects.get(code="3.1"), "title", "en")
    change = reverse("admin:translations_translationprovenance_change", args=[record.pk])
    history = reverse("admin:translations_translationprovenance_history", args=[record.pk])
    assert client.get(change).status_code == 200
    assert client.get(history).status_code == 200
    assert client.get(reverse("admin:translations_translationprovenance_add")).status_code == 403


def test_overview_marks_each_text_with_its_language_and_direction(client, sources, staff_user):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    measure.title_de = "Geänderter Titel"
    measure.save()
    html = client.get(reverse(OVERVIEW), {"language": "ar", "state": "outdated"}).content.decode()
    assert '<td lang="ar" dir="rtl">' in html
    assert '<td lang="de" dir="ltr">Geänderter Titel</td>' in html
