"""The admin: every model registered with translation tabs and history, pages render."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from measures.models import Measure, StatusEntry

pytestmark = pytest.mark.django_db

PORTAL_MODELS = [
    model
    for app in ("fields", "measures")
    for model in apps.get_app_config(app).get_models()
    if not model.__name__.startswith("Historical")
    and model.__name__
    not in {"UnitInvolvement", "CommitmentField", "CommitmentMeasure", "Deliberation"}
    # Metadata about translations, not content: its own admin is tested in
    # tests/test_translation_provenance.py.
    and model.__name__ != "TranslationProvenance"
]


@pytest.mark.parametrize("model", PORTAL_MODELS, ids=lambda m: m.__name__)
def test_every_portal_model_has_a_translation_and_history_admin(model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, TranslationAdmin)
    assert isinstance(model_admin, SimpleHistoryAdmin)


@pytest.mark.parametrize("model", PORTAL_MODELS, ids=lambda m: m.__name__)
def test_admin_changelist_add_and_search_pages_render(client, staff_user, sources, model):
    client.force_login(staff_user)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "Wohnen"}).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert client.get(change).status_code == 200
        assert client.get(history).status_code == 200


def test_status_entry_added_in_the_admin_updates_the_measure(client, staff_user, sources):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    url = reverse("admin:measures_statusentry_add")
    response = client.post(
        url,
        {
            "measure": measure.pk,
            "reported_on": "2025-04-01",
            "status": "preparing",
            "progress": "15",
            "public_note_de": "Abstimmung läuft",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = StatusEntry.objects.get()
    assert entry.author == staff_user
    measure.refresh_from_db()
    assert (measure.status, measure.progress, measure.status_changed_on) == (
        "preparing",
        15,
        datetime.date(2025, 4, 1),
    )


def test_invalid_progress_in_the_admin_is_a_form_error_and_saves_nothing(
    client, staff_user, sources
):
    client.force_login(staff_user)
    measure = Measure.objects.get(code="3.1")
    response = client.post(
        reverse("admin:measures_statusentry_add"),
        {
            "measure": measure.pk,
            "reported_on": "2025-04-01",
            "status": "preparing",
            "progress": "140",
        },
    )
    assert response.status_code == 200
    assert "100" in response.context["adminform"].form.errors["progress"][0]
    assert not StatusEntry.objects.exists()


def test_anonymous_visitors_cannot_open_the_admin(client, sources):
    response = client.get(reverse("admin:measures_measure_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url
