"""The aggregated progress rule: one definition for field, commitment and overall."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from measures import services
from measures.models import Measure
from measures.progress import ProgressSummary
from measures.status import Status
from tests.factories import ActionFieldFactory, CommitmentFactory, MeasureFactory

pytestmark = pytest.mark.django_db

JAN = datetime.date(2025, 1, 15)
MAR = datetime.date(2025, 3, 15)


def record(measure, date, status, progress=None, publish=True):
    return services.record_status(
        measure=measure, reported_on=date, status=status, progress=progress, publish=publish
    )


@pytest.fixture
def field_with_mixed_reports():
    """Five measures: two with progress, one reported without progress, two silent."""
    field = ActionFieldFactory()
    measures = [MeasureFactory(field=field) for _ in range(5)]
    record(measures[0], JAN, Status.IN_PROGRESS, 20)
    record(measures[1], JAN, Status.IMPLEMENTED, 70)
    record(measures[2], JAN, Status.PLANNED)
    return field, measures


def test_measures_without_report_never_count_as_zero_percent(field_with_mixed_reports):
    field, _measures = field_with_mixed_reports
    summary = Measure.objects.published().in_field(field).progress_summary()
    assert summary == ProgressSummary(total=5, reported=3, with_progress=2, average=45.0)


def test_summary_text_names_reported_count_and_mean(field_with_mixed_reports):
    field, _measures = field_with_mixed_reports
    with translation.override("de"):
        text = Measure.objects.published().in_field(field).progress_summary().text
    assert text == "3 von 5 Maßnahmen mit Sachstand, Durchschnitt 45 % (2 Fortschrittsangaben)"


def test_a_group_without_any_progress_has_no_average_not_zero():
    field = ActionFieldFactory()
    MeasureFactory(field=field)
    summary = Measure.objects.published().in_field(field).progress_summary()
    assert summary.average is None
    with translation.override("de"):
        assert summary.text == ("0 von 1 Maßnahme mit Sachstand, noch keine Fortschrittsangabe")


def test_an_empty_group_says_nothing_is_catalogued():
    with translation.override("de"):
        assert Measure.objects.none().progress_summary().text == "keine Maßnahmen erfasst"


def test_drafts_and_unpublished_measures_are_left_out(field_with_mixed_reports):
    field, measures = field_with_mixed_reports
    record(measures[3], MAR, Status.IMPLEMENTED, 100, publish=False)
    hidden = MeasureFactory(field=field, is_published=False)
    record(hidden, JAN, Status.IMPLEMENTED, 100)
    summary = Measure.objects.published().in_field(field).progress_summary()
    assert (summary.total, summary.reported, summary.average) == (5, 3, 45.0)


def test_the_same_rule_per_field_and_per_commitment_in_one_query(
    field_with_mixed_reports, django_assert_num_queries
):
    field, measures = field_with_mixed_reports
    other = ActionFieldFactory()
    record(MeasureFactory(field=other), JAN, Status.IN_PROGRESS, 10)
    commitment = CommitmentFactory()
    commitment.measures.add(measures[0], measures[3])

    with django_assert_num_queries(1):
        by_field = Measure.objects.published().progress_by("field")
    summary, counts = by_field[field.pk]
    assert summary == Measure.objects.published().in_field(field).progress_summary()
    assert counts[Status.NO_REPORT] == 2
    assert counts[Status.IN_PROGRESS] == 1
    assert by_field[other.pk][0] == ProgressSummary(1, 1, 1, 10.0)

    by_commitment = Measure.objects.published().progress_by("commitments")
    assert by_commitment[commitment.pk][0] == ProgressSummary(2, 1, 1, 20.0)
    assert by_commitment[commitment.pk][0] == (
        Measure.objects.published().serving(commitment).progress_summary()
    )


def test_the_rule_applies_to_the_state_at_a_reporting_date(field_with_mixed_reports):
    field, measures = field_with_mixed_reports
    record(measures[0], MAR, Status.IMPLEMENTED, 100)
    at_jan = Measure.objects.published().in_field(field).at(JAN)
    assert at_jan.progress_summary() == ProgressSummary(5, 3, 2, 45.0)
    by_field = Measure.objects.published().at(JAN).progress_by("field")
    assert by_field[field.pk][0] == ProgressSummary(5, 3, 2, 45.0)
    now = Measure.objects.published().in_field(field).progress_summary()
    assert now == ProgressSummary(5, 3, 2, 85.0)


def test_average_is_rounded_half_up_for_display():
    assert ProgressSummary(2, 2, 2, 42.5).rounded_average == 43
    assert ProgressSummary(3, 3, 3, 100 / 3).average_one_decimal == Decimal("33.3")
