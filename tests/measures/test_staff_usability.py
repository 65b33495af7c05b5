"""Staff usability: the Redaktion's status forms start on "sofort veröffentlichen"."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def test_quick_report_preselects_publishing_for_the_redaktion(client, redaktion):
    measure = MeasureFactory()
    client.force_login(redaktion)
    form = client.get(reverse("admin:measures_measure_report_status", args=[measure.pk])).context[
        "form"
    ]
    assert form["publish"].value() is True
    assert str(form["publish"]).rstrip(">").endswith(" checked")


def test_bulk_form_preselects_publishing_for_the_redaktion(client, redaktion):
    measures = MeasureFactory.create_batch(2)
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_measure_changelist"),
        {"action": "set_status", ACTION_CHECKBOX_NAME: [m.pk for m in measures]},
    )
    assert response.context["form"]["publish"].value() is True


def test_fachbereich_sees_pending_drafts_in_the_measure_list(client, fachbereich, own_measure):
    client.force_login(fachbereich)
    client.post(
        reverse("admin:measures_measure_report_status", args=[own_measure.pk]),
        {"reported_on": "01.02.2025", "status": "planned"},
    )
    html = client.get(reverse("admin:measures_measure_changelist")).content.decode()
    assert "1 Entwurf" in html
