"""`manage.py load_sources`: exact content, idempotent, and staff edits win."""

import io

import pytest
from django.core.management import call_command

from fields.models import (
    ActionField,
    Deliberation,
    FundingLine,
    KeyFigure,
    Need,
    OrganisationalUnit,
    SourceDocument,
)
from measures.models import Commitment, CommitmentField, CommitmentMeasure, Measure
from measures.status import Status

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    SourceDocument,
    Deliberation,
    OrganisationalUnit,
    ActionField,
    Need,
    KeyFigure,
    FundingLine,
    Measure,
    Commitment,
    CommitmentField,
    CommitmentMeasure,
]


def load() -> str:
    out = io.StringIO()
    call_command("load_sources", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_loads_the_nine_fields_with_exact_names_in_the_sources_order(sources):
    assert list(ActionField.objects.values_list("number", "name_de")) == [
        (1, "Arbeit / Weiterbildung"),
        (2, "Sprache / Bildung"),
        (3, "Wohnen / Sozialplanung"),
        (4, "Sport"),
        (5, "Gesundheit"),
        (6, "Kultur"),
        (7, "Religion"),
        (8, "Sicherheit / Rassismus / Extremismus"),
        (9, "Öffentlichkeitsarbeit / Presse"),
    ]


def test_loads_the_three_needs_of_wohnen_sozialplanung_in_order(sources):
    assert list(Need.objects.values_list("field__slug", "position", "text_de")) == [
        ("wohnen-sozialplanung", 1, "Grundversorgung mit bezahlbarem Wohnraum"),
        ("wohnen-sozialplanung", 2, "Vermeidung von Segregation & Gentrifizierung im Quartier"),
        (
            "wohnen-sozialplanung",
            3,
            "Integrierte Planung im Quartier, die vor Ort ein Leben in Vielfalt ermöglicht "
            "und fördert",
        ),
    ]


def test_loads_the_six_named_measures_without_any_status_owner_or_date(sources):
    measures = Measure.objects.order_by("code")
    assert [(m.code, m.title_de) for m in measures] == [
        ("3.1", "Verschränkung von Wohnraum- und Sozialentwicklungsplanung"),
        ("3.2", "Stärkung partizipativer Prozesse bei Planung und Vermarktung"),
        ("3.3", "Interkulturelles und kultursensibles Wohnen (Neue Wohnformen)"),
        ("3.4", "Sensibilisierung der privaten Immobilienwirtschaft für Interkulturalität"),
        ("3.5", "Verständlicher und mehrsprachiges Informationsmaterial zum Thema Wohnen"),
        ("3.6", "Umsetzung des Konzeptes zum Quartiersmanagement und bedarfsgerechter Ausbau"),
    ]
    for measure in measures:
        assert measure.field.slug == "wohnen-sozialplanung"
        assert measure.status == Status.NO_REPORT
        assert measure.progress is None
        assert measure.status_changed_on is None
        assert measure.responsible_unit is None
        assert measure.start_date is None and measure.target_date is None
        assert measure.is_published
        assert not measure.status_entries.exists()


def test_loads_the_eleven_commitments_with_exact_wording(sources):
    titles = list(Commitment.objects.values_list("title_de", flat=True))
    assert len(titles) == 11
    assert titles[0] == "Bunte Vielfalt auf der Basis gemeinsamer Werte"
    assert titles[3] == "Stärkungen des Ehrenamtes"
    assert titles[10] == (
        "Entwicklung des „Richtericher Dell“ zum altengerechten und "
        "generationenübergreifenden Wohngebiet"
    )
    assert all(Commitment.objects.values_list("passage_de", flat=True))


def test_commitment_links_are_all_marked_editorial(sources):
    assert CommitmentField.objects.count() == 7
    assert CommitmentMeasure.objects.count() == 3
    assert set(CommitmentField.objects.values_list("basis", flat=True)) == {"editorial"}
    assert set(CommitmentMeasure.objects.values_list("basis", flat=True)) == {"editorial"}
    quarter = Commitment.objects.get(slug="sozialraeume")
    assert list(quarter.measures.values_list("code", flat=True)) == ["3.6"]


def test_loads_key_figures_funding_lines_and_adoption_facts(sources):
    concept = SourceDocument.objects.get(kind="concept")
    assert concept.council_reference == "FB 56/0150/WP17"
    assert concept.adopted_on.isoformat() == "2018-07-11"
    assert concept.adopted_by_de == "Rat der Stadt Aachen"
    assert concept.declared_measure_count == 107
    assert Deliberation.objects.filter(document=concept).count() == 8
    assert Deliberation.objects.get(is_decision=True).date.isoformat() == "2018-07-11"
    figures = {f.slug: (str(f.value), f.unit, f.year) for f in KeyFigure.objects.all()}
    assert figures == {
        "nationen": ("150.0", "count", None),
        "religionsgemeinschaften": ("19.0", "count", None),
        "anteil-migrantinnen-2010": ("32.4", "percent", 2010),
        "anteil-migrantinnen-2016": ("36.4", "percent", 2016),
        "einwohner": ("250000.0", "count", None),
    }
    assert list(FundingLine.objects.filter(kind="state").values_list("name_de", flat=True)) == [
        "Sach- und Personalmittel in 2016-18 für das KI",
        "Landes-Förderung über das Programm KOMM-AN",
    ]
    assert FundingLine.objects.filter(kind="municipal").count() == 4


def test_lead_unit_is_named_as_involved_in_the_concept_but_owns_no_measure(sources):
    concept = SourceDocument.objects.get(kind="concept")
    lead = concept.unitinvolvement_set.get(is_lead=True).unit
    assert lead.name_de == "Fachbereich Wohnen, Soziales und Integration"
    assert concept.units.count() == 6
    assert not Measure.objects.filter(responsible_unit__isnull=False).exists()


def test_loading_twice_creates_no_duplicates(sources):
    before = row_counts()
    output = load()
    assert row_counts() == before
    assert "0 created" in output and "created" in output
    assert " 1 created" not in output


def test_loading_again_keeps_staff_edits(sources):
    measure = Measure.objects.get(code="3.1")
    measure.title_de = "Von der Redaktion präzisierter Titel"
    measure.description_de = "Beschreibung aus dem Fachbereich"
    measure.save()
    field = ActionField.objects.get(slug="sport")
    field.summary_de = "Zusammenfassung der Redaktion"
    field.save()

    load()

    measure.refresh_from_db()
    field.refresh_from_db()
    assert measure.title_de == "Von der Redaktion präzisierter Titel"
    assert measure.description_de == "Beschreibung aus dem Fachbereich"
    assert field.summary_de == "Zusammenfassung der Redaktion"


def test_loading_again_fills_only_blank_columns(sources):
    measure = Measure.objects.get(code="3.2")
    Measure.objects.filter(pk=measure.pk).update(title_de="")
    load()
    measure.refresh_from_db()
    assert measure.title_de == "Stärkung partizipativer Prozesse bei Planung und Vermarktung"


def test_loading_again_does_not_recreate_what_staff_deleted(sources):
    Commitment.objects.get(slug="bushof").delete()
    CommitmentMeasure.objects.get(commitment__slug="sozialraeume").delete()

    load()

    assert not Commitment.objects.filter(slug="bushof").exists()
    assert not CommitmentMeasure.objects.filter(commitment__slug="sozialraeume").exists()
    assert Commitment.objects.count() == 10


def test_loading_records_history_for_every_created_row(sources):
    measure = Measure.objects.get(code="3.3")
    record = measure.history.get()
    assert record.history_type == "+"
    assert record.history_change_reason == "load_sources"
    assert record.title_de == measure.title_de
