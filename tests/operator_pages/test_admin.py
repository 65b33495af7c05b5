"""The Redaktion edits the operator's pages and details in the admin; nobody else does,
the four pages can neither be added nor deleted, and their history is read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from operator_pages.models import OperatorDetails, Page
from tests.admin_forms import change_form_data
from tests.pages import page

pytestmark = pytest.mark.django_db


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize("model", [Page, OperatorDetails], ids=lambda m: m.__name__)
def test_both_models_have_a_translation_and_history_admin(model):
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, TranslationAdmin)
    assert isinstance(model_admin, SimpleHistoryAdmin)


def test_the_redaktion_edits_a_page_and_its_sections_and_the_public_page_shows_it(
    client, sources, redaktion
):
    client.force_login(redaktion)
    privacy = Page.objects.get(slug="datenschutz")
    form = client.get(change_url(privacy))
    assert form.status_code == 200
    data = change_form_data(form)
    data["body_de"] = "Synthetischer Einleitungstext."
    data["body_en"] = "Synthetic introduction."
    response = client.post(change_url(privacy), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert "Synthetischer Einleitungstext." in page(client, "/de/datenschutz/")
    assert "Synthetic introduction." in page(client, "/en/datenschutz/")
    assert privacy.history.count() == 2, "shipped text, then the edit"
    assert privacy.history.latest().history_user == redaktion


def test_the_redaktion_fills_the_operator_details_once(client, sources, redaktion):
    client.force_login(redaktion)
    add = reverse("admin:operator_pages_operatordetails_add")
    response = client.post(add, {"name": "Synthetischer Betreiber"})
    assert response.status_code == 302
    assert client.get(add).status_code == 403, "one row: change it, do not add another"
    assert "Synthetischer Betreiber" in page(client, "/de/impressum/")


def test_pages_are_neither_added_nor_deleted(client, sources, redaktion):
    client.force_login(redaktion)
    imprint = Page.objects.get(slug="impressum")
    assert client.get(reverse("admin:operator_pages_page_add")).status_code == 403
    delete = reverse("admin:operator_pages_page_delete", args=[imprint.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Page.objects.filter(slug="impressum").exists()


def test_a_fachbereich_editor_cannot_see_or_change_the_pages(client, sources, fachbereich):
    client.force_login(fachbereich)
    imprint = Page.objects.get(slug="impressum")
    assert client.get(reverse("admin:operator_pages_page_changelist")).status_code == 403
    response = client.post(change_url(imprint), {"title_de": "Übernommen"})
    assert response.status_code == 403
    assert client.get(reverse("admin:operator_pages_operatordetails_add")).status_code == 403
    imprint.refresh_from_db()
    assert imprint.title_de == "Impressum"


def test_the_history_of_a_page_cannot_be_reverted(client, sources, redaktion):
    client.force_login(redaktion)
    imprint = Page.objects.get(slug="impressum")
    imprint.title_de = "Geändert"
    imprint.save()
    first = imprint.history.earliest()
    version = reverse(
        "admin:operator_pages_page_simple_history", args=[imprint.pk, first.history_id]
    )
    assert client.get(version).status_code == 200
    assert client.post(version, {"title_de": "Impressum"}).status_code == 403
    imprint.refresh_from_db()
    assert imprint.title_de == "Geändert"


def test_the_audit_trail_lists_changes_to_the_pages(client, sources, redaktion):
    client.force_login(redaktion)
    imprint = Page.objects.get(slug="impressum")
    imprint.title_de = "Impressum (geändert)"
    imprint.save()
    response = client.get(reverse("audit_trail"), {"model": "operator_pages.page"})
    assert "Impressum (geändert)" in response.content.decode()
