"""The audit trail survives deletions: every list and history page keeps answering."""

import datetime
import re

import pytest
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def deleted_measure_with_entries(client, redaktion):
    measure = MeasureFactory(code="77.1", title_de="Synthetische Löschmaßnahme")
    services.record_status(
        measure=measure, reported_on=datetime.date(2025, 1, 2), status="planned", publish=True
    )
    entry_pk = StatusEntry.objects.get(measure=measure).pk
    client.force_login(redaktion)
    response = client.post(
        reverse("admin:measures_measure_delete", args=[measure.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Measure.objects.filter(pk=measure.pk).exists()
    return entry_pk


@pytest.mark.parametrize(
    "params", [{}, {"model": "measures.statusentry"}, {"type": "-"}], ids=["all", "entries", "del"]
)
def test_audit_trail_answers_after_deleting_a_measure_with_status_entries(
    client, deleted_measure_with_entries, params
):
    response = client.get(reverse("audit_trail"), params)
    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert "77.1" in text
    assert "02.01.2025" in text


def test_history_page_of_a_deleted_status_entry_answers(client, deleted_measure_with_entries):
    url = reverse("admin:measures_statusentry_history", args=[deleted_measure_with_entries])
    response = client.get(url)
    assert response.status_code == 200
    assert "77.1" in response.content.decode()


def test_audit_trail_answers_after_deleting_an_account_and_a_unit(client, redaktion, unit_b):
    from tests.conftest import make_staff

    editor = make_staff(type(redaktion), "fb-weg", "Fachbereich", [unit_b])
    editor.delete()
    unit_b.delete()
    client.force_login(redaktion)
    response = client.get(reverse("audit_trail"), {"model": "measures.unitassignment"})
    assert response.status_code == 200
    assert "gelöscht" in text_of(response.content.decode())


def test_audit_trail_shows_the_values_of_created_and_deleted_objects(client, redaktion):
    measure = MeasureFactory(code="78.1", title_de="Angelegt und gelöscht", district="Nordbezirk")
    client.force_login(redaktion)
    created = text_of(client.get(reverse("audit_trail"), {"type": "+"}).content.decode())
    assert "Stadtbezirk / Sozialraum: „leer“ → „Nordbezirk“" in created
    measure.delete()
    deleted = text_of(client.get(reverse("audit_trail"), {"type": "-"}).content.decode())
    assert "Stadtbezirk / Sozialraum: „Nordbezirk“ → „leer“" in deleted


def test_fachbereich_reads_the_history_of_its_units_only(
    client, fachbereich, own_measure, foreign_measure
):
    for measure in (own_measure, foreign_measure):
        services.record_status(
            measure=measure, reported_on=datetime.date(2025, 2, 3), status="planned", publish=True
        )
    client.force_login(fachbereich)
    response = client.get(reverse("audit_trail"))
    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert own_measure.code in text and "Synthetische Maßnahme A" in text
    assert foreign_measure.code not in text and "Synthetische Maßnahme B" not in text
    labels = {label for label, _name in response.context["models"]}
    assert labels == {"measures.measure", "measures.statusentry"}
