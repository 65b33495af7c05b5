import io

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture
def sources(db):
    """The database as `make run` leaves it: the public sources loaded."""
    call_command("load_sources", stdout=io.StringIO())


@pytest.fixture
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="a-long-test-password"
    )


# Staff roles -----------------------------------------------------------------


def make_staff(django_user_model, username, group=None, units=()):
    from django.contrib.auth.models import Group

    from measures.models import UnitAssignment

    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    for unit in units:
        UnitAssignment.objects.create(user=user, unit=unit)
    return user


@pytest.fixture
def unit_a(db):
    from tests.factories import OrganisationalUnitFactory

    return OrganisationalUnitFactory(name_de="Testeinheit A", number="91")


@pytest.fixture
def unit_b(db):
    from tests.factories import OrganisationalUnitFactory

    return OrganisationalUnitFactory(name_de="Testeinheit B", number="92")


@pytest.fixture
def redaktion(django_user_model, db):
    return make_staff(django_user_model, "redakteurin", "Redaktion")


@pytest.fixture
def fachbereich(django_user_model, unit_a):
    """A Fachbereich editor assigned to unit A only."""
    return make_staff(django_user_model, "fb-a", "Fachbereich", [unit_a])


@pytest.fixture
def own_measure(unit_a):
    from tests.factories import MeasureFactory

    return MeasureFactory(responsible_unit=unit_a, title_de="Synthetische Maßnahme A")


@pytest.fixture
def foreign_measure(unit_b):
    from tests.factories import MeasureFactory

    return MeasureFactory(responsible_unit=unit_b, title_de="Synthetische Maßnahme B")
