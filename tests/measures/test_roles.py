"""Who may do what in the admin: the permission matrix of the two staff roles.

Fachbereich editors work on their own units' measures only; a crafted URL or
POST for another unit's measure ends in 403/404 and changes nothing.
"""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.urls import reverse

from measures import services
from measures.models import Measure, StatusEntry
from tests.admin_forms import change_form_data
from tests.conftest import make_staff
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def change_url(measure):
    return reverse("admin:measures_measure_change", args=[measure.pk])


@pytest.fixture
def measures(own_measure, foreign_measure):
    return {"own": own_measure, "foreign": foreign_measure}


@pytest.fixture
def users(redaktion, fachbereich):
    return {"redaktion": redaktion, "fachbereich": fachbereich}


def test_roles_are_created_by_the_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redaktion", "Fachbereich"}
    fachbereich = Group.objects.get(name="Fachbereich")
    assert set(fachbereich.permissions.values_list("codename", flat=True)) == {
        "view_measure",
        "change_measure",
        "view_statusentry",
        "add_statusentry",
        "change_statusentry",
        # Ratsbezug: link council papers to their units' measures (issue 15).
        "view_councilpaperlink",
        "add_councilpaperlink",
        "change_councilpaperlink",
        "delete_councilpaperlink",
        "view_paper",
    }


def test_redaktion_cannot_tamper_with_the_audit_trail():
    codenames = set(
        Group.objects.get(name="Redaktion").permissions.values_list("codename", flat=True)
    )
    assert "view_historicalmeasure" in codenames
    assert not {c for c in codenames if c.startswith(("change_historical", "delete_historical"))}


# View ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        ("redaktion", "own", 200),
        ("redaktion", "foreign", 200),
        ("fachbereich", "own", 200),
        ("fachbereich", "foreign", 404),
    ],
)
def test_view_measure(client, users, measures, role, target, expected):
    client.force_login(users[role])
    assert client.get(change_url(measures[target])).status_code == expected


def test_fachbereich_list_shows_only_own_units_measures(client, fachbereich, measures):
    client.force_login(fachbereich)
    response = client.get(reverse("admin:measures_measure_changelist"))
    assert list(response.context["cl"].result_list) == [measures["own"]]


@pytest.mark.parametrize("view", ["history", "delete"])
def test_fachbereich_gets_no_other_units_measure_pages(client, fachbereich, measures, view):
    client.force_login(fachbereich)
    url = reverse(f"admin:measures_measure_{view}", args=[measures["foreign"].pk])
    assert client.get(url).status_code in (403, 404)


# Change ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        ("redaktion", "own", 302),
        ("redaktion", "foreign", 302),
        ("fachbereich", "own", 302),
        ("fachbereich", "foreign", 404),
    ],
)
def test_change_measure(client, redaktion, users, measures, role, target, expected):
    measure = measures[target]
    client.force_login(redaktion)
    data = change_form_data(client.get(change_url(measure)))
    data["title_de"] = "Geänderter Titel"
    client.force_login(users[role])
    response = client.post(change_url(measure), data)
    assert response.status_code == expected
    measure.refresh_from_db()
    changed = expected == 302
    assert (measure.title_de == "Geänderter Titel") is changed


def test_fachbereich_cannot_move_a_measure_to_another_unit_or_publish_it(
    client, fachbereich, own_measure, unit_b
):
    client.force_login(fachbereich)
    own_measure.is_published = False
    own_measure.save()
    data = change_form_data(client.get(change_url(own_measure)))
    data.update(responsible_unit=unit_b.pk, is_published="on", code="99.99")
    assert client.post(change_url(own_measure), data).status_code == 302
    own_measure.refresh_from_db()
    assert own_measure.responsible_unit_id != unit_b.pk
    assert not own_measure.is_published
    assert own_measure.code != "99.99"


# Add and delete ------------------------------------------------------------------


@pytest.mark.parametrize(("role", "expected"), [("redaktion", 200), ("fachbereich", 403)])
def test_add_measure_page(client, users, role, expected):
    client.force_login(users[role])
    assert client.get(reverse("admin:measures_measure_add")).status_code == expected


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        ("redaktion", "own", 302),
        ("redaktion", "foreign", 302),
        ("fachbereich", "own", 403),
        ("fachbereich", "foreign", 404),
    ],
)
def test_delete_measure(client, users, measures, role, target, expected):
    measure = measures[target]
    client.force_login(users[role])
    url = reverse("admin:measures_measure_delete", args=[measure.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == expected
    assert Measure.objects.filter(pk=measure.pk).exists() is (expected != 302)


# Status entries ----------------------------------------------------------------


def status_post(measure):
    return {
        "measure": measure.pk,
        "reported_on": "2025-04-01",
        "status": "in_progress",
        "progress": "30",
        "public_note_de": "Synthetische Notiz",
        "is_published": "on",
    }


@pytest.mark.parametrize(
    ("role", "target", "expected", "published"),
    [
        ("redaktion", "own", 302, True),
        ("redaktion", "foreign", 302, True),
        ("fachbereich", "own", 302, False),
        ("fachbereich", "foreign", 403, None),
    ],
)
def test_add_status_entry(client, users, measures, role, target, expected, published):
    measure = measures[target]
    client.force_login(users[role])
    response = client.post(reverse("admin:measures_statusentry_add"), status_post(measure))
    assert response.status_code == expected
    entries = StatusEntry.objects.filter(measure=measure)
    if published is None:
        assert not entries.exists()
    else:
        assert entries.get().is_published is published


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        ("redaktion", "foreign", 302),
        ("fachbereich", "own", 302),
        ("fachbereich", "foreign", 404),
    ],
)
def test_quick_status_action(client, users, measures, role, target, expected):
    measure = measures[target]
    client.force_login(users[role])
    url = reverse("admin:measures_measure_report_status", args=[measure.pk])
    response = client.post(url, {"reported_on": "2025-04-01", "status": "planned"})
    assert response.status_code == expected
    assert StatusEntry.objects.filter(measure=measure).exists() is (expected == 302)


def test_fachbereich_cannot_change_a_published_entry_of_own_unit(client, fachbereich, own_measure):
    entry = services.record_status(
        measure=own_measure, reported_on=datetime.date(2025, 1, 1), status="planned", publish=True
    )
    client.force_login(fachbereich)
    url = reverse("admin:measures_statusentry_change", args=[entry.pk])
    data = {"reported_on": "2025-01-01", "status": "dropped", "public_note_de": "x"}
    assert client.post(url, data).status_code == 403
    entry.refresh_from_db()
    assert entry.status == "planned"


def test_fachbereich_can_edit_own_draft_but_it_stays_a_draft(client, fachbereich, own_measure):
    draft = services.record_status(
        measure=own_measure, reported_on=datetime.date(2025, 1, 1), status="planned"
    )
    client.force_login(fachbereich)
    url = reverse("admin:measures_statusentry_change", args=[draft.pk])
    data = {"reported_on": "2025-01-01", "status": "preparing", "is_published": "on"}
    data["seen_history"] = draft.history.latest("history_id").history_id  # as the form carries
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.is_published) == ("preparing", False)


@pytest.mark.parametrize(
    ("role", "target", "expected"),
    [
        ("redaktion", "foreign", 302),
        ("fachbereich", "own", 403),
        ("fachbereich", "foreign", 404),
    ],
)
def test_delete_status_entry(client, users, measures, role, target, expected):
    entry = services.record_status(
        measure=measures[target], reported_on=datetime.date(2025, 1, 1), status="planned"
    )
    client.force_login(users[role])
    url = reverse("admin:measures_statusentry_delete", args=[entry.pk])
    assert client.post(url, {"post": "yes"}).status_code == expected
    assert StatusEntry.objects.filter(pk=entry.pk).exists() is (expected != 302)


@pytest.mark.parametrize(
    ("role", "target", "published"),
    [
        ("redaktion", "own", True),
        ("redaktion", "foreign", True),
        ("fachbereich", "own", False),
        ("fachbereich", "foreign", False),
    ],
)
def test_publish_draft(client, users, measures, role, target, published):
    draft = services.record_status(
        measure=measures[target], reported_on=datetime.date(2025, 1, 1), status="planned"
    )
    client.force_login(users[role])
    client.post(
        reverse("admin:measures_statusentry_changelist"),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published is published


def test_bulk_status_with_another_units_measure_is_refused_whole(
    client, fachbereich, own_measure, foreign_measure
):
    client.force_login(fachbereich)
    response = client.post(
        reverse("admin:measures_measure_changelist"),
        {
            "action": "set_status",
            ACTION_CHECKBOX_NAME: [own_measure.pk, foreign_measure.pk],
            "apply": "1",
            "reported_on": "2025-04-01",
            "status": "planned",
        },
    )
    assert response.status_code == 403
    assert not StatusEntry.objects.exists()


# Import, commitments, sources, fields --------------------------------------------


@pytest.mark.parametrize(("role", "expected"), [("redaktion", 200), ("fachbereich", 403)])
def test_import_page(client, users, role, expected):
    client.force_login(users[role])
    assert client.get(reverse("admin:measures_measure_import")).status_code == expected


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:measures_commitment_changelist",
        "admin:fields_sourcedocument_changelist",
        "admin:fields_actionfield_changelist",
        "admin:fields_organisationalunit_changelist",
        "admin:measures_unitassignment_changelist",
        "admin:auth_user_changelist",
    ],
)
def test_fachbereich_cannot_open_editorial_content(client, fachbereich, url_name):
    client.force_login(fachbereich)
    assert client.get(reverse(url_name)).status_code == 403


def test_fachbereich_cannot_change_a_commitment(client, fachbereich):
    commitment = CommitmentFactory(title_de="Synthetische Verpflichtung")
    client.force_login(fachbereich)
    url = reverse("admin:measures_commitment_change", args=[commitment.pk])
    assert client.post(url, {"title_de": "geändert"}).status_code == 403
    commitment.refresh_from_db()
    assert commitment.title_de == "Synthetische Verpflichtung"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:measures_commitment_changelist",
        "admin:fields_sourcedocument_changelist",
        "admin:fields_actionfield_changelist",
        "admin:measures_unitassignment_changelist",
        "admin:auth_user_changelist",
    ],
)
def test_redaktion_opens_editorial_content(client, redaktion, url_name):
    client.force_login(redaktion)
    assert client.get(reverse(url_name)).status_code == 200


def test_staff_without_a_role_sees_no_measures(client, django_user_model, own_measure):
    nobody = make_staff(django_user_model, "ohne-rolle")
    client.force_login(nobody)
    assert client.get(reverse("admin:measures_measure_changelist")).status_code == 403
    assert client.get(change_url(own_measure)).status_code in (403, 404)


def test_non_staff_accounts_cannot_enter_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user(username="buerger", password="x-long-password")
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_redaktion_cannot_make_anyone_superuser(client, redaktion, fachbereich):
    client.force_login(redaktion)
    response = client.get(reverse("admin:auth_user_change", args=[fachbereich.pk]))
    data = change_form_data(response)
    data.update(is_superuser="on", first_name="Geändert")
    response = client.post(reverse("admin:auth_user_change", args=[fachbereich.pk]), data)
    assert response.status_code == 302
    fachbereich.refresh_from_db()
    assert fachbereich.first_name == "Geändert"
    assert not fachbereich.is_superuser


# The audit trail can be read, never used to restore --------------------------


@pytest.mark.parametrize("role", ["redaktion", "fachbereich"])
def test_nobody_restores_a_measure_from_its_history(client, users, measures, role):
    measure = measures["own"]
    measure.is_published = False
    measure.save()
    old_version = measure.history.order_by("history_date").first()
    assert old_version.is_published is True
    client.force_login(users[role])
    url = reverse(
        "admin:measures_measure_simple_history", args=[measure.pk, old_version.history_id]
    )
    assert client.get(url).status_code == 200, "a past version can be looked at"
    response = client.post(url, {"code": measure.code, "is_published": "on"})
    assert response.status_code == 403
    measure.refresh_from_db()
    assert measure.is_published is False
    assert measure.version == 2


@pytest.mark.parametrize("value", ["abc", "1; DROP TABLE", "9" * 30, "-1"])
def test_a_crafted_measure_value_in_a_new_entry_is_a_form_error(client, users, measures, value):
    client.force_login(users["fachbereich"])
    response = client.post(
        reverse("admin:measures_statusentry_add"),
        {"measure": value, "reported_on": "2025-01-01", "status": "planned"},
    )
    assert response.status_code in (200, 403)
    assert not StatusEntry.objects.exists()
