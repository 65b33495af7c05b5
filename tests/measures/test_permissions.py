"""Who may do what, rule by rule (``measures/permissions.py``).

Each predicate is asked for the same five accounts: the Redaktion, a
Fachbereich editor (assigned to unit A: "own" measures are unit A's, "foreign"
ones unit B's), a staff account without a role, an inactive account that still
has the Redaktion's group and unit A, and a superuser.
"""

import datetime

import pytest

from measures import permissions, services
from measures.models import Measure
from tests.conftest import make_staff
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db

ROLES = ["redaktion", "fachbereich", "no_role", "inactive", "superuser"]


def expect(*answers):
    """Pair each role with its expected answer, in the order of ``ROLES``."""
    return list(zip(ROLES, answers, strict=True))


@pytest.fixture
def users(django_user_model, redaktion, fachbereich, unit_a):
    inactive = make_staff(django_user_model, "inaktiv", "Redaktion", [unit_a])
    inactive.is_active = False
    inactive.save()
    return {
        "redaktion": redaktion,
        "fachbereich": fachbereich,
        "no_role": make_staff(django_user_model, "ohne-rolle"),
        "inactive": inactive,
        "superuser": django_user_model.objects.create_superuser(
            username="admin", email="", password="a-long-test-password"
        ),
    }


@pytest.fixture
def measures(own_measure, foreign_measure):
    return {"own": own_measure, "foreign": foreign_measure}


def status_entry(measure, *, published: bool):
    return services.record_status(
        measure=measure, reported_on=datetime.date(2025, 1, 1), status="planned", publish=published
    )


# Units and measures ------------------------------------------------------------


@pytest.mark.parametrize(("role", "expected"), expect(True, False, False, False, True))
def test_sees_all_units(users, role, expected):
    assert permissions.sees_all_units(users[role]) is expected


def test_units_of_a_staff_member_are_the_units_assigned_to_them(users, unit_a):
    assert list(permissions.units_of(users["fachbereich"])) == [unit_a]
    assert list(permissions.units_of(users["redaktion"])) == []


@pytest.mark.parametrize(
    ("role", "own", "foreign"),
    [
        ("redaktion", True, True),
        ("fachbereich", True, False),
        ("no_role", False, False),
        ("inactive", False, False),
        ("superuser", True, True),
    ],
)
def test_works_on(users, measures, role, own, foreign):
    assert permissions.works_on(users[role], measures["own"]) is own
    assert permissions.works_on(users[role], measures["foreign"]) is foreign


def test_a_measure_without_a_responsible_unit_is_no_fachbereichs(users):
    measure = MeasureFactory(responsible_unit=None)
    assert permissions.works_on(users["redaktion"], measure)
    assert not permissions.works_on(users["fachbereich"], measure)


@pytest.mark.parametrize(
    ("role", "own", "foreign"),
    [
        ("redaktion", True, True),
        ("fachbereich", True, False),
        ("no_role", False, False),
        ("inactive", False, False),
        ("superuser", True, True),
    ],
)
def test_can_edit_measure(users, measures, role, own, foreign):
    assert permissions.can_edit_measure(users[role], measures["own"]) is own
    assert permissions.can_edit_measure(users[role], measures["foreign"]) is foreign


@pytest.mark.parametrize(("role", "expected"), expect(True, False, False, False, True))
def test_can_change_catalogue_structure(users, role, expected):
    assert permissions.can_change_catalogue_structure(users[role]) is expected


@pytest.mark.parametrize(
    ("role", "own", "foreign"),
    [
        ("redaktion", True, True),
        ("fachbereich", True, False),
        ("no_role", False, False),
        ("inactive", False, False),
        ("superuser", True, True),
    ],
)
def test_editable_measures_are_those_one_works_on(users, measures, role, own, foreign):
    editable = Measure.objects.editable_by(users[role])
    assert editable.filter(pk=measures["own"].pk).exists() is own
    assert editable.filter(pk=measures["foreign"].pk).exists() is foreign


# Status entries ------------------------------------------------------------------


@pytest.mark.parametrize(("role", "expected"), expect(True, False, False, False, True))
def test_can_publish_status(users, role, expected):
    assert permissions.can_publish_status(users[role]) is expected


@pytest.mark.parametrize(
    ("role", "at_all", "own", "foreign"),
    [
        ("redaktion", True, True, True),
        ("fachbereich", True, True, False),
        ("no_role", False, False, False),
        ("inactive", False, False, False),
        ("superuser", True, True, True),
    ],
)
def test_can_add_status_entry(users, measures, role, at_all, own, foreign):
    user = users[role]
    assert permissions.can_add_status_entry(user) is at_all
    assert permissions.can_add_status_entry(user, measures["own"]) is own
    assert permissions.can_add_status_entry(user, measures["foreign"]) is foreign


@pytest.mark.parametrize(
    ("role", "own_draft", "foreign_draft", "own_published"),
    [
        ("redaktion", True, True, True),
        ("fachbereich", True, False, False),
        ("no_role", False, False, False),
        ("inactive", False, False, False),
        ("superuser", True, True, True),
    ],
)
def test_can_change_status_entry(users, measures, role, own_draft, foreign_draft, own_published):
    own, foreign = measures["own"], measures["foreign"]
    entries = {
        "own draft": status_entry(own, published=False),
        "foreign draft": status_entry(foreign, published=False),
        "own published": status_entry(own, published=True),
    }
    answers = {
        name: permissions.can_change_status_entry(users[role], entry)
        for name, entry in entries.items()
    }
    assert answers == {
        "own draft": own_draft,
        "foreign draft": foreign_draft,
        "own published": own_published,
    }


@pytest.mark.parametrize(
    ("role", "own", "foreign"),
    [
        ("redaktion", True, True),
        ("fachbereich", False, False),
        ("no_role", False, False),
        ("inactive", False, False),
        ("superuser", True, True),
    ],
)
def test_can_delete_status_entry(users, measures, role, own, foreign):
    own_draft = status_entry(measures["own"], published=False)
    foreign_draft = status_entry(measures["foreign"], published=False)
    assert permissions.can_delete_status_entry(users[role], own_draft) is own
    assert permissions.can_delete_status_entry(users[role], foreign_draft) is foreign


# The catalogue spreadsheet and the audit trail ---------------------------------------


@pytest.mark.parametrize(("role", "expected"), expect(True, False, False, False, True))
def test_can_import_catalogue(users, role, expected):
    assert permissions.can_import_catalogue(users[role]) is expected


@pytest.mark.parametrize(("role", "expected"), expect(True, True, False, False, True))
def test_can_export_catalogue(users, role, expected):
    assert permissions.can_export_catalogue(users[role]) is expected


@pytest.mark.parametrize(("role", "expected"), expect(True, False, False, False, True))
def test_can_read_the_history_of_measures(users, role, expected):
    assert permissions.can_read_history(users[role], Measure) is expected


# Staff accounts -------------------------------------------------------------------


@pytest.mark.parametrize(("role", "expected"), expect(False, False, False, False, True))
def test_can_grant_superuser(users, role, expected):
    assert permissions.can_grant_superuser(users[role]) is expected


@pytest.mark.parametrize(
    ("role", "ordinary", "superuser"),
    [
        ("redaktion", True, False),
        ("fachbereich", False, False),
        ("no_role", False, False),
        ("inactive", False, False),
        ("superuser", True, True),
    ],
)
def test_can_change_account(users, django_user_model, role, ordinary, superuser):
    other_superuser = django_user_model.objects.create_superuser(
        username="zweiter-admin", email="", password="a-long-test-password"
    )
    assert permissions.can_change_account(users[role], users["fachbereich"]) is ordinary
    assert permissions.can_change_account(users[role], other_superuser) is superuser
