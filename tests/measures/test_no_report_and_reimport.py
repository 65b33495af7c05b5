""" "kein Sachstand gemeldet" never carries a progress figure (defect 7), and re-importing a
status row equal to a published entry creates nothing (defect 8). Synthetic data only."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from measures.spreadsheet import import_catalogue
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def test_service_refuses_no_report_with_a_progress_figure():
    with pytest.raises(ValidationError) as error:
        services.record_status(
            measure=MeasureFactory(),
            reported_on=datetime.date(2025, 1, 1),
            status="no_report",
            progress=30,
            publish=True,
        )
    assert "progress" in error.value.message_dict
    assert not StatusEntry.objects.exists()


def test_database_refuses_no_report_with_a_progress_figure():
    measure = MeasureFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusEntry.objects.create(
            measure=measure, reported_on=datetime.date(2025, 1, 1), status="no_report", progress=5
        )


def test_quick_form_refuses_no_report_with_a_progress_figure(client, redaktion):
    measure = MeasureFactory()
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_measure_report_status", args=[measure.pk]),
        {"reported_on": "01.03.2025", "status": "no_report", "progress": "30", "publish": "on"},
    )
    assert response.status_code == 200
    assert "progress" in response.context["form"].errors
    assert not StatusEntry.objects.exists()


def test_bulk_action_refuses_no_report_with_progress_and_does_not_start_on_it(client, redaktion):
    measures = MeasureFactory.create_batch(2)
    client.force_login(redaktion)
    data = {"action": "set_status", ACTION_CHECKBOX_NAME: [m.pk for m in measures]}
    form = client.post(reverse("admin:measures_measure_changelist"), data).context["form"]
    assert form["status"].value() in (None, "")
    assert '<option value="no_report" selected' not in str(form["status"])
    response = client.post(
        reverse("admin:measures_measure_changelist"),
        {
            **data,
            "apply": "1",
            "reported_on": "01.03.2025",
            "status": "no_report",
            "progress": "30",
        },
    )
    assert "progress" in response.context["form"].errors
    assert not StatusEntry.objects.exists()


def test_import_refuses_no_report_with_a_progress_figure():
    MeasureFactory(code="1.1")
    data = "code;status;progress;status_date\r\n1.1;kein Sachstand gemeldet;30;01.03.2025\r\n"
    report = import_catalogue(data=data.encode(), file_name="x.csv")
    assert not report.ok
    assert "progress" in " ".join(report.error_lines())
    assert not StatusEntry.objects.exists()


def test_reimporting_a_backdated_status_row_creates_nothing():
    measure = MeasureFactory(code="1.1")
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 6, 1),
        status="in_progress",
        progress=50,
        publish=True,
    )
    data = b"code;status;progress;status_date\r\n1.1;geplant;10;01.02.2025\r\n"
    first = import_catalogue(data=data, file_name="x.csv")
    assert first.ok and StatusEntry.objects.count() == 2
    for _ in range(2):
        again = import_catalogue(data=data, file_name="x.csv")
        assert again.ok
        assert again.summary() == "0 neu, 0 geändert, 1 unverändert, 0 abgelehnt."
    assert StatusEntry.objects.count() == 2
    assert Measure.objects.get(code="1.1").status == "in_progress"
