"""Reported dates ("Stand vom") are never after today, never before the concept's year
(2018), and written with four-digit years — on every write path. The current status
is always what ``Measure.objects.at(today)`` reads from the history."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from measures import services
from measures.dates import EARLIEST_REPORT_DATE
from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from measures.status import Status
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOMORROW = TODAY + datetime.timedelta(days=1)


def report(measure, reported_on, **kwargs):
    return services.record_status(
        measure=measure, reported_on=reported_on, status="planned", publish=True, **kwargs
    )


@pytest.mark.parametrize(
    "reported_on",
    [TOMORROW, datetime.date(2030, 12, 1), datetime.date(1900, 1, 1), datetime.date(2017, 12, 31)],
)
def test_service_refuses_a_date_after_today_or_before_2018(reported_on):
    measure = MeasureFactory()
    with pytest.raises(ValidationError) as error:
        report(measure, reported_on)
    assert "reported_on" in error.value.message_dict
    assert not StatusEntry.objects.exists()


@pytest.mark.parametrize("reported_on", [timezone.localdate(), EARLIEST_REPORT_DATE])
def test_service_accepts_today_and_the_first_day_of_2018(reported_on):
    entry = report(MeasureFactory(), reported_on)
    assert Measure.objects.get(pk=entry.measure_id).status_changed_on == reported_on


def test_database_refuses_a_date_before_2018():
    measure = MeasureFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusEntry.objects.create(
            measure=measure, reported_on=datetime.date(1900, 1, 1), status="planned"
        )


def test_a_future_dated_report_cannot_block_a_real_report_of_today():
    measure = MeasureFactory()
    with pytest.raises(ValidationError):
        report(measure, datetime.date(2030, 12, 1))
    report(measure, timezone.localdate())
    measure.refresh_from_db()
    current = Measure.objects.at(timezone.localdate()).get(pk=measure.pk)
    assert measure.status_changed_on == current.changed_on_as_of == timezone.localdate()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("01.12.2030", "nicht in der Zukunft"),
        (TOMORROW.strftime("%d.%m.%Y"), "nicht in der Zukunft"),
        ("01.01.1900", "01.01.2018"),
        ("01.01.30", "vierstellig"),
        ("01.01.18", "vierstellig"),
    ],
)
def test_quick_report_form_refuses_implausible_dates(client, redaktion, typed, message):
    measure = MeasureFactory()
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_measure_report_status", args=[measure.pk]),
        {"reported_on": typed, "status": "planned", "publish": "on"},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["reported_on"])
    assert not StatusEntry.objects.exists()


def test_bulk_action_refuses_a_future_date(client, redaktion):
    measures = MeasureFactory.create_batch(2)
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_measure_changelist"),
        {
            "action": "set_status",
            ACTION_CHECKBOX_NAME: [m.pk for m in measures],
            "apply": "1",
            "reported_on": "01.12.2030",
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert "reported_on" in response.context["form"].errors
    assert not StatusEntry.objects.exists()


@pytest.mark.parametrize("typed", ["01.12.2030", "01.01.30", "01.01.1900"])
def test_status_entry_admin_form_refuses_implausible_dates(client, redaktion, typed):
    measure = MeasureFactory()
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_statusentry_add"),
        {"measure": measure.pk, "reported_on": typed, "status": "planned", "is_published": "on"},
    )
    assert response.status_code == 200
    assert "reported_on" in response.context["adminform"].form.errors
    assert not StatusEntry.objects.exists()


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("01.01.2030", "nicht in der Zukunft"),
        ("01.01.30", "vierstellig"),
        ("01.01.1900", "01.01.2018"),
    ],
)
def test_import_refuses_implausible_status_dates_and_writes_nothing(cell, message):
    MeasureFactory(code="1.1")
    data = f"code;status;status_date\r\n1.1;geplant;{cell}\r\n".encode()
    report_ = import_catalogue(data=data, file_name="x.csv")
    assert not report_.ok
    text = " ".join(report_.error_lines())
    assert message in text and "status_date" in text
    assert not StatusEntry.objects.exists()


def test_import_refuses_two_digit_years_in_start_and_target_dates():
    MeasureFactory(code="1.1")
    data = b"code;start_date\r\n1.1;01.01.25\r\n"
    report_ = import_catalogue(data=data, file_name="x.csv")
    assert not report_.ok
    assert "vierstellig" in " ".join(report_.error_lines())


# The current copy equals the history read at today, whatever happened -------------

DATES = st.sampled_from(
    [EARLIEST_REPORT_DATE, datetime.date(2024, 5, 1), datetime.date(2025, 1, 1), TODAY]
)
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("record"),
            DATES,
            st.sampled_from(Status.values),
            st.one_of(st.none(), st.integers(0, 100)),
            st.booleans(),
        ),
        st.tuples(st.just("publish"), st.integers(0, 20)),
        st.tuples(st.just("delete"), st.integers(0, 20)),
    ),
    max_size=12,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=OPERATIONS)
def test_current_status_always_equals_the_history_read_at_today(operations):
    measure = MeasureFactory()
    for operation in operations:
        entries = list(StatusEntry.objects.filter(measure=measure).order_by("pk"))
        if operation[0] == "record":
            _, reported_on, status, progress, publish = operation
            services.record_status(
                measure=measure,
                reported_on=reported_on,
                status=status,
                progress=None if status == Status.NO_REPORT else progress,
                publish=publish,
            )
        elif entries and operation[0] == "publish":
            services.publish_status_entry(entry=entries[operation[1] % len(entries)])
        elif entries and operation[0] == "delete":
            services.delete_status_entry(entry=entries[operation[1] % len(entries)])
        current = Measure.objects.get(pk=measure.pk)
        at_today = Measure.objects.at(timezone.localdate()).get(pk=measure.pk)
        assert (current.status, current.progress, current.status_changed_on) == (
            at_today.status_as_of,
            at_today.progress_as_of,
            at_today.changed_on_as_of,
        )
        assert Measure.objects.at().get(pk=measure.pk).status_as_of == at_today.status_as_of
