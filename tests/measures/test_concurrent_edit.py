"""No lost edits: the second of two concurrent saves is refused, with what changed."""

import datetime

import pytest
from django.urls import reverse

from measures import services
from measures.models import Measure
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def change_url(measure):
    return reverse("admin:measures_measure_change", args=[measure.pk])


def open_form(client, user, measure):
    client.force_login(user)
    return change_form_data(client.get(change_url(measure)))


def test_second_save_is_refused_and_shows_what_changed_meanwhile(
    client, redaktion, fachbereich, own_measure
):
    first = open_form(client, fachbereich, own_measure)
    second = open_form(client, redaktion, own_measure)

    second["title_de"] = "Titel der Redaktion"
    client.force_login(redaktion)
    assert client.post(change_url(own_measure), second).status_code == 302

    first["title_de"] = "Titel des Fachbereichs"
    first["district"] = "Testbezirk"
    client.force_login(fachbereich)
    response = client.post(change_url(own_measure), first)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "während Sie es bearbeitet haben" in message
    assert "redakteurin" in message
    assert "Titel [de]: „Synthetische Maßnahme A“ → „Titel der Redaktion“" in message
    own_measure.refresh_from_db()
    assert own_measure.title_de == "Titel der Redaktion"
    assert own_measure.district == ""


def test_a_status_published_meanwhile_also_refuses_the_stale_form(client, redaktion, own_measure):
    stale = open_form(client, redaktion, own_measure)
    services.record_status(
        measure=own_measure,
        reported_on=datetime.date(2025, 3, 1),
        status="in_progress",
        progress=20,
        publish=True,
    )
    stale["title_de"] = "Später Titel"
    response = client.post(change_url(own_measure), stale)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Status: „kein Sachstand gemeldet“ → „in Umsetzung“" in message
    assert Measure.objects.get(pk=own_measure.pk).title_de == "Synthetische Maßnahme A"


def test_resubmitting_the_refused_form_is_refused_again(client, redaktion, own_measure):
    stale = open_form(client, redaktion, own_measure)
    Measure.objects.get(pk=own_measure.pk).save()  # someone else saved
    stale["title_de"] = "Zweiter Versuch"
    assert client.post(change_url(own_measure), stale).status_code == 200
    assert client.post(change_url(own_measure), stale).status_code == 200
    assert Measure.objects.get(pk=own_measure.pk).title_de == "Synthetische Maßnahme A"


def test_a_fresh_form_saves_and_raises_the_version(client, redaktion, own_measure):
    before = Measure.objects.get(pk=own_measure.pk).version
    data = open_form(client, redaktion, own_measure)
    data["title_de"] = "Neu"
    assert client.post(change_url(own_measure), data).status_code == 302
    after = Measure.objects.get(pk=own_measure.pk)
    assert (after.title_de, after.version) == ("Neu", before + 1)


def test_a_form_without_its_version_is_refused(client, redaktion, own_measure):
    data = open_form(client, redaktion, own_measure)
    del data["expected_version"]
    data["title_de"] = "Ohne Version"
    assert client.post(change_url(own_measure), data).status_code == 200
    assert Measure.objects.get(pk=own_measure.pk).title_de == "Synthetische Maßnahme A"
