"""Accounts of people who did things are deactivated, never deleted: the audit trail
keeps who did what (synthetic accounts only)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from measures.models import StatusEntry
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def delete_url(user):
    return reverse("admin:auth_user_delete", args=[user.pk])


def test_an_account_with_history_is_deactivated_not_deleted(
    client, staff_user, django_user_model, own_measure
):
    editor = make_staff(django_user_model, "fb-geht", "Fachbereich", [own_measure.responsible_unit])
    client.force_login(editor)
    client.post(
        reverse("admin:measures_measure_report_status", args=[own_measure.pk]),
        {"reported_on": "01.01.2025", "status": "planned"},
    )
    client.force_login(staff_user)
    page = client.get(delete_url(editor)).content.decode()
    assert "deaktiviert" in page
    response = client.post(delete_url(editor), {"post": "yes"}, follow=True)
    assert response.status_code == 200
    editor = get_user_model().objects.get(pk=editor.pk)
    assert not editor.is_active
    entry = StatusEntry.objects.get()
    assert entry.author == editor
    assert entry.history.first().history_user == editor
    assert "deaktiviert" in response.content.decode()


def test_an_account_without_history_is_deleted(client, staff_user, django_user_model):
    unused = make_staff(django_user_model, "nie-benutzt")
    client.force_login(staff_user)
    client.post(delete_url(unused), {"post": "yes"})
    assert not get_user_model().objects.filter(pk=unused.pk).exists()
