"""The status-entry flow in the admin, its audit trail, and what the public sees."""

import datetime
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from tests.admin_forms import change_form_data
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def quick_report(client, measure, **data):
    url = reverse("admin:measures_measure_report_status", args=[measure.pk])
    return client.post(url, {"reported_on": "2025-05-01", **data})


# The flow: draft by the Fachbereich, review and publication by the Redaktion ----


def test_fachbereich_report_is_a_draft_and_the_public_status_waits(
    client, fachbereich, own_measure
):
    client.force_login(fachbereich)
    response = quick_report(
        client, own_measure, status="in_progress", progress="35", public_note_de="Entwurfstext"
    )
    assert response.status_code == 302
    entry = StatusEntry.objects.get(measure=own_measure)
    assert (entry.is_published, entry.author) == (False, fachbereich)
    assert entry.public_note_de == "Entwurfstext"
    own_measure.refresh_from_db()
    assert own_measure.status == "no_report"


def test_quick_status_form_offers_publishing_only_to_the_redaktion(
    client, redaktion, fachbereich, own_measure
):
    url = reverse("admin:measures_measure_report_status", args=[own_measure.pk])
    client.force_login(fachbereich)
    assert "publish" not in client.get(url).context["form"].fields
    client.force_login(redaktion)
    assert "publish" in client.get(url).context["form"].fields


def test_fachbereich_cannot_publish_through_a_crafted_quick_report(
    client, fachbereich, own_measure
):
    client.force_login(fachbereich)
    quick_report(client, own_measure, status="implemented", publish="on")
    assert not StatusEntry.objects.get(measure=own_measure).is_published
    own_measure.refresh_from_db()
    assert own_measure.status == "no_report"


def test_redaktion_publishes_the_draft_and_the_measure_follows(
    client, redaktion, fachbereich, own_measure
):
    client.force_login(fachbereich)
    quick_report(client, own_measure, status="in_progress", progress="35")
    draft = StatusEntry.objects.get()

    client.force_login(redaktion)
    changelist = reverse("admin:measures_statusentry_changelist")
    drafts = client.get(changelist, {"is_published__exact": "0"})
    assert list(drafts.context["cl"].result_list) == [draft]
    client.post(changelist, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [draft.pk]})

    draft.refresh_from_db()
    own_measure.refresh_from_db()
    assert draft.is_published
    assert draft.author == fachbereich, "publishing keeps the author"
    assert (own_measure.status, own_measure.progress, own_measure.status_changed_on) == (
        "in_progress",
        35,
        datetime.date(2025, 5, 1),
    )


def test_redaktion_report_can_be_published_at_once(client, redaktion, own_measure):
    client.force_login(redaktion)
    quick_report(client, own_measure, status="planned", progress="5", publish="on")
    own_measure.refresh_from_db()
    assert (own_measure.status, own_measure.progress) == ("planned", 5)


def test_quick_report_rejects_progress_over_100(client, redaktion, own_measure):
    client.force_login(redaktion)
    response = quick_report(client, own_measure, status="planned", progress="140")
    assert response.status_code == 200
    assert "100" in str(response.context["form"].errors["progress"])
    assert not StatusEntry.objects.exists()


def test_status_entry_added_inline_on_the_measure_page(client, fachbereich, own_measure):
    client.force_login(fachbereich)
    url = reverse("admin:measures_measure_change", args=[own_measure.pk])
    data = change_form_data(client.get(url))
    data.update(
        {
            "status_entries-0-reported_on": "2025-06-01",
            "status_entries-0-status": "preparing",
            "status_entries-0-progress": "10",
            "status_entries-0-public_note_de": "Inline erfasst",
            "status_entries-0-is_published": "on",  # not in the form for this role
        }
    )
    assert client.post(url, data).status_code == 302
    entry = StatusEntry.objects.get(measure=own_measure)
    assert (entry.status, entry.author, entry.is_published) == ("preparing", fachbereich, False)


def test_bulk_action_sets_the_status_of_several_measures_one_entry_each(
    client, redaktion, own_measure, foreign_measure
):
    client.force_login(redaktion)
    changelist = reverse("admin:measures_measure_changelist")
    selected = {"action": "set_status", ACTION_CHECKBOX_NAME: [own_measure.pk, foreign_measure.pk]}
    form_page = client.post(changelist, selected)
    assert form_page.status_code == 200
    assert "Synthetische Maßnahme A" in form_page.content.decode()

    response = client.post(
        changelist,
        {
            **selected,
            "apply": "1",
            "reported_on": "2025-07-01",
            "status": "implemented",
            "progress": "100",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    assert StatusEntry.objects.count() == 2
    for measure in (own_measure, foreign_measure):
        measure.refresh_from_db()
        assert (measure.status, measure.progress) == ("implemented", 100)
        assert measure.status_entries.get().author == redaktion


def test_fachbereich_bulk_action_on_own_measures_makes_drafts(client, fachbereich, unit_a):
    measures = MeasureFactory.create_batch(3, responsible_unit=unit_a)
    client.force_login(fachbereich)
    client.post(
        reverse("admin:measures_measure_changelist"),
        {
            "action": "set_status",
            ACTION_CHECKBOX_NAME: [m.pk for m in measures],
            "apply": "1",
            "reported_on": "2025-07-01",
            "status": "planned",
        },
    )
    assert StatusEntry.objects.filter(is_published=False).count() == 3
    assert set(Measure.objects.values_list("status", flat=True)) == {"no_report"}


# Audit trail ---------------------------------------------------------------------


def test_status_flow_leaves_audit_rows_with_who_and_what(
    client, redaktion, fachbereich, own_measure
):
    client.force_login(fachbereich)
    quick_report(client, own_measure, status="in_progress", progress="35")
    entry = StatusEntry.objects.get()
    client.force_login(redaktion)
    client.post(
        reverse("admin:measures_statusentry_changelist"),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [entry.pk]},
    )

    entry_history = list(entry.history.order_by("history_date"))
    assert [(h.history_type, h.history_user, h.is_published) for h in entry_history] == [
        ("+", fachbereich, False),
        ("~", redaktion, True),
    ]
    latest = own_measure.history.order_by("-history_date").first()
    assert (latest.history_user, latest.status, latest.progress) == (
        redaktion,
        "in_progress",
        35,
    )


def test_audit_trail_lists_changes_with_old_and_new_values(client, redaktion, own_measure):
    client.force_login(redaktion)
    quick_report(client, own_measure, status="planned", progress="5", publish="on")
    response = client.get(reverse("audit_trail"), {"model": "measures.measure"})
    text = text_of(response.content.decode())
    assert "redakteurin" in text
    assert "Status: „kein Sachstand gemeldet“ → „geplant“" in text
    assert "Fortschritt in Prozent: „leer“ → „5“" in text


def test_audit_trail_keeps_deletions_browsable(client, redaktion, foreign_measure):
    client.force_login(redaktion)
    pk = foreign_measure.pk
    client.post(reverse("admin:measures_measure_delete", args=[pk]), {"post": "yes"})
    assert not Measure.objects.filter(pk=pk).exists()

    trail = client.get(reverse("audit_trail"), {"type": "-"})
    text = text_of(trail.content.decode())
    assert "gelöscht" in text
    assert "Synthetische Maßnahme B" in text
    history_page = client.get(reverse("admin:measures_measure_history", args=[pk]))
    assert history_page.status_code == 200
    assert "Synthetische Maßnahme B" in history_page.content.decode()


def test_audit_trail_is_closed_to_a_fachbereich_editor_without_units(client, django_user_model):
    from tests.conftest import make_staff

    client.force_login(make_staff(django_user_model, "fb-ohne", "Fachbereich"))
    assert client.get(reverse("audit_trail")).status_code == 403


def test_fachbereich_reads_own_measure_history_but_not_others(
    client, fachbereich, own_measure, foreign_measure
):
    client.force_login(fachbereich)
    own = client.get(reverse("admin:measures_measure_history", args=[own_measure.pk]))
    foreign = client.get(reverse("admin:measures_measure_history", args=[foreign_measure.pk]))
    assert own.status_code == 200
    assert foreign.status_code in (403, 404)


# What the public sees --------------------------------------------------------------


@pytest.fixture
def published_and_draft(sources):
    measure = Measure.objects.get(code="3.4")
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 1, 1),
        status="planned",
        public_notes={"de": "Geprüfte öffentliche Notiz"},
        publish=True,
    )
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2025, 6, 1),
        status="dropped",
        progress=99,
        public_notes={"de": "Ungeprüfter Entwurfstext"},
        internal_note="Interner Vermerk",
    )
    return measure


PUBLIC_PAGES = [
    "/de/",
    "/en/",
    "/de/handlungsfelder/wohnen-sozialplanung/",
    "/ar/handlungsfelder/wohnen-sozialplanung/",
    "/de/massnahmen/3.4/",
    "/tr/massnahmen/3.4/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_drafts_never_appear_on_public_pages(client, published_and_draft, url):
    html = client.get(url).content.decode()
    assert "Ungeprüfter Entwurfstext" not in html
    assert "Interner Vermerk" not in html
    assert "99 %" not in html
    assert "entfallen" not in html


def test_measure_page_shows_the_published_entry_not_the_draft(client, published_and_draft):
    text = text_of(client.get("/de/massnahmen/3.4/").content.decode())
    assert "Geprüfte öffentliche Notiz" in text
    assert "geplant" in text


@pytest.mark.parametrize("url", PUBLIC_PAGES[:4])
def test_unpublished_measures_never_appear_on_public_pages(client, sources, url):
    hidden = MeasureFactory(
        field=Measure.objects.get(code="3.1").field,
        position=50,
        code="3.50",
        title_de="Unveröffentlichte Testmaßnahme",
        is_published=False,
    )
    services.record_status(
        measure=hidden, reported_on=datetime.date(2025, 1, 1), status="planned", publish=True
    )
    html = client.get(url).content.decode()
    assert "Unveröffentlichte Testmaßnahme" not in html
    assert "/massnahmen/3.50/" not in html
    assert client.get("/de/massnahmen/3.50/").status_code == 404


def test_admin_start_page_leads_the_redaktion_to_drafts_and_the_audit_trail(
    client, redaktion, fachbereich
):
    client.force_login(redaktion)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Entwürfe von Sachständen prüfen" in html
    assert reverse("audit_trail") in html
    client.force_login(fachbereich)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Entwürfe von Sachständen prüfen" not in html
    assert reverse("audit_trail") in html  # the history of their units' measures
