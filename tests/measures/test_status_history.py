"""A measure's current status always equals its latest published status entry."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from measures import services
from measures.models import Measure, StatusEntry
from measures.status import Status
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

JAN = datetime.date(2025, 1, 15)
MAR = datetime.date(2025, 3, 15)
JUN = datetime.date(2025, 6, 15)


def record(measure, date, status, progress=None, publish=True, **extra):
    return services.record_status(
        measure=measure,
        reported_on=date,
        status=status,
        progress=progress,
        publish=publish,
        **extra,
    )


def test_a_new_measure_has_no_report():
    measure = MeasureFactory()
    assert measure.status == Status.NO_REPORT
    assert measure.progress is None
    assert Measure.objects.at().get(pk=measure.pk).status_as_of == Status.NO_REPORT


def test_published_entry_becomes_the_current_status():
    measure = MeasureFactory()
    record(measure, MAR, Status.IN_PROGRESS, 40, public_notes={"de": "Erste Workshops"})
    measure.refresh_from_db()
    assert (measure.status, measure.progress, measure.status_changed_on) == (
        Status.IN_PROGRESS,
        40,
        MAR,
    )
    assert measure.version == 2


def test_a_backdated_entry_does_not_replace_a_newer_one():
    measure = MeasureFactory()
    record(measure, JUN, Status.IMPLEMENTED, 100)
    record(measure, JAN, Status.PLANNED, 0)
    measure.refresh_from_db()
    assert measure.status == Status.IMPLEMENTED
    assert measure.progress == 100


def test_a_draft_does_not_change_the_public_status_until_published():
    measure = MeasureFactory()
    record(measure, JAN, Status.PLANNED, 10)
    draft = record(measure, MAR, Status.IN_PROGRESS, 50, publish=False)
    measure.refresh_from_db()
    assert measure.status == Status.PLANNED

    services.publish_status_entry(entry=draft)
    measure.refresh_from_db()
    assert measure.status == Status.IN_PROGRESS
    assert measure.progress == 50


def test_deleting_the_latest_entry_falls_back_to_the_one_before():
    measure = MeasureFactory()
    record(measure, JAN, Status.PLANNED, 10)
    latest = record(measure, MAR, Status.IN_PROGRESS, 50)
    services.delete_status_entry(entry=latest)
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Status.PLANNED, 10)


def test_deleting_the_only_entry_returns_to_no_report():
    measure = MeasureFactory()
    only = record(measure, JAN, Status.PLANNED, 10)
    services.delete_status_entry(entry=only)
    measure.refresh_from_db()
    assert (measure.status, measure.progress, measure.status_changed_on) == (
        Status.NO_REPORT,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("status", "progress"), [("in_progress", 140), ("in_progress", -1), ("erfunden", 10)]
)
def test_invalid_status_reports_are_refused_and_write_nothing(status, progress):
    measure = MeasureFactory()
    with pytest.raises(ValidationError):
        record(measure, JAN, status, progress)
    assert not StatusEntry.objects.exists()
    measure.refresh_from_db()
    assert measure.status == Status.NO_REPORT


def test_every_status_change_is_in_the_measure_history():
    measure = MeasureFactory()
    record(measure, JAN, Status.PLANNED, 10)
    record(measure, MAR, Status.IN_PROGRESS, 30)
    statuses = list(measure.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == [Status.NO_REPORT, Status.PLANNED, Status.IN_PROGRESS]


def test_as_of_reads_the_status_at_a_past_date():
    measure = MeasureFactory()
    record(measure, JAN, Status.PLANNED, 10)
    record(measure, JUN, Status.IN_PROGRESS, 60)
    record(measure, MAR, Status.PREPARING, 20, publish=False)

    def at(date):
        row = Measure.objects.at(date).get(pk=measure.pk)
        return row.status_as_of, row.progress_as_of

    assert at(datetime.date(2024, 12, 31)) == (Status.NO_REPORT, None)
    assert at(JAN) == (Status.PLANNED, 10)
    assert at(MAR) == (Status.PLANNED, 10), "drafts never count"
    assert at(JUN) == (Status.IN_PROGRESS, 60)
