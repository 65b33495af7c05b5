"""Integrity lives in the database, not only in forms."""

import datetime

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from measures.models import Measure, StatusEntry
from tests.factories import ActionFieldFactory, MeasureFactory, StatusEntryFactory

pytestmark = pytest.mark.django_db


def violates(action) -> bool:
    try:
        with transaction.atomic():
            action()
            connection.check_constraints()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize("progress", [101, 140, -1])
def test_database_rejects_measure_progress_outside_0_to_100(progress):
    measure = MeasureFactory()
    assert violates(lambda: Measure.objects.filter(pk=measure.pk).update(progress=progress))


@pytest.mark.parametrize("progress", [0, 55, 100, None])
def test_database_accepts_measure_progress_inside_0_to_100(progress):
    measure = MeasureFactory()
    assert not violates(
        lambda: Measure.objects.filter(pk=measure.pk).update(
            status="in_progress", progress=progress
        )
    )


def test_database_rejects_status_entry_progress_outside_0_to_100():
    measure = MeasureFactory()
    assert violates(
        lambda: StatusEntry.objects.bulk_create(
            [
                StatusEntry(
                    measure=measure,
                    reported_on=datetime.date(2025, 1, 1),
                    status="planned",
                    progress=140,
                )
            ]
        )
    )


def test_database_rejects_an_unknown_status():
    measure = MeasureFactory()
    assert violates(lambda: Measure.objects.filter(pk=measure.pk).update(status="erfunden"))


def test_database_rejects_a_duplicate_measure_code():
    first = MeasureFactory()
    other_field = ActionFieldFactory()
    assert violates(lambda: MeasureFactory(field=other_field, position=1, code=first.code))


def test_database_rejects_two_measures_at_the_same_position_of_a_field():
    first = MeasureFactory()
    assert violates(lambda: MeasureFactory(field=first.field, position=first.position, code="x.1"))


def test_database_rejects_a_duplicate_field_slug():
    field = ActionFieldFactory()
    assert violates(lambda: ActionFieldFactory(slug=field.slug))


def test_database_rejects_a_target_date_before_the_start_date():
    measure = MeasureFactory()
    assert violates(
        lambda: Measure.objects.filter(pk=measure.pk).update(
            start_date=datetime.date(2025, 6, 1), target_date=datetime.date(2025, 1, 1)
        )
    )


def test_database_rejects_a_status_entry_without_its_measure():
    assert violates(
        lambda: StatusEntry.objects.bulk_create(
            [
                StatusEntry(
                    measure_id=987654, reported_on=datetime.date(2025, 1, 1), status="planned"
                )
            ]
        )
    )


def test_deleting_a_measure_leaves_no_orphan_history():
    entry = StatusEntryFactory()
    entry.measure.refresh_from_db()
    assert entry.measure.status == "planned"  # the factory records through the service
    entry.measure.delete()
    assert not StatusEntry.objects.exists()


@pytest.mark.parametrize("code", ["3.1\x00", "3 1", "3/1", "", "x" * 21, "<b>"])
def test_database_rejects_a_code_that_cannot_stand_in_a_url(code):
    measure = MeasureFactory()
    # The check constraint, or (PostgreSQL, for NUL and overlong text) the column type.
    with pytest.raises(DatabaseError), transaction.atomic():
        Measure.objects.filter(pk=measure.pk).update(code=code)
        connection.check_constraints()
    measure.refresh_from_db()
    assert measure.code != code


def test_crafted_codes_in_urls_are_plain_404s(client):
    for url in ["/de/massnahmen/%00/", "/de/feeds/massnahmen/%00/", "/de/massnahmen/3.1%20x/"]:
        assert client.get(url).status_code == 404, url
