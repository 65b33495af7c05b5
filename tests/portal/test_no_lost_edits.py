"""No lost edits on any model staff edit: the second of two stale saves is refused
with one message naming who changed which field; no phantom changes (synthetic data)."""

import datetime

import pytest
from django.urls import reverse

from fields.models import OrganisationalUnit
from measures import services
from measures.models import StatusEntry
from tests.admin_forms import change_form_data
from tests.factories import MeasureFactory, OrganisationalUnitFactory

pytestmark = pytest.mark.django_db


def url_of(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def open_form(client, user, obj):
    client.force_login(user)
    return change_form_data(client.get(url_of(obj)))


def errors_of(response) -> str:
    return " ".join(str(e) for e in response.context["adminform"].form.non_field_errors())


@pytest.fixture
def entry(staff_user):
    return services.record_status(
        author=staff_user,
        measure=MeasureFactory(),
        reported_on=datetime.date(2025, 1, 1),
        status="planned",
        progress=10,
        publish=True,
    )


def test_stale_status_entry_form_is_refused_and_keeps_the_first_save(
    client, redaktion, staff_user, entry
):
    first = open_form(client, redaktion, entry)
    second = open_form(client, staff_user, entry)

    first.update(progress="33", public_note_de="Öffentliche Notiz von A")
    client.force_login(redaktion)
    assert client.post(url_of(entry), first).status_code == 302

    second["internal_note"] = "Interne Notiz von B"
    client.force_login(staff_user)
    response = client.post(url_of(entry), second)

    assert response.status_code == 200
    message = errors_of(response)
    assert "während Sie es bearbeitet haben" in message
    assert "redakteurin" in message
    assert "Fortschritt in Prozent: „10“ → „33“" in message
    assert "„leer“ → „leer“" not in message
    entry.refresh_from_db()
    assert (entry.progress, entry.public_note_de, entry.internal_note) == (
        33,
        "Öffentliche Notiz von A",
        "",
    )
    assert entry.measure.__class__.objects.get(pk=entry.measure_id).progress == 33


def test_a_fresh_status_entry_form_saves(client, redaktion, entry):
    data = open_form(client, redaktion, entry)
    data["internal_note"] = "Neu"
    assert client.post(url_of(entry), data).status_code == 302
    assert StatusEntry.objects.get(pk=entry.pk).internal_note == "Neu"


def test_an_unchanged_save_meanwhile_does_not_block(client, redaktion, staff_user, entry):
    stale = open_form(client, redaktion, entry)
    untouched = open_form(client, staff_user, entry)
    client.force_login(staff_user)
    assert client.post(url_of(entry), untouched).status_code == 302
    stale["internal_note"] = "Nach einem Speichern ohne Änderung"
    client.force_login(redaktion)
    assert client.post(url_of(entry), stale).status_code == 302


def test_stale_unit_form_is_refused(client, redaktion, staff_user):
    unit = OrganisationalUnitFactory(name_de="Einheit Alt")
    first = open_form(client, redaktion, unit)
    second = open_form(client, staff_user, unit)
    first["name_de"] = "Einheit Neu"
    client.force_login(redaktion)
    assert client.post(url_of(unit), first).status_code == 302
    second["name_en"] = "Unit"
    client.force_login(staff_user)
    response = client.post(url_of(unit), second)
    assert response.status_code == 200
    assert "„Einheit Alt“ → „Einheit Neu“" in errors_of(response)
    assert OrganisationalUnit.objects.get(pk=unit.pk).name_de == "Einheit Neu"


def test_audit_trail_shows_no_phantom_changes(client, redaktion, entry):
    data = open_form(client, redaktion, entry)
    data["internal_note"] = "Nur diese Änderung"
    client.post(url_of(entry), data)
    html = client.get(reverse("audit_trail"), {"model": "measures.statusentry"}).content.decode()
    assert "„leer“ → „leer“" not in html
    assert "Nur diese Änderung" in html
