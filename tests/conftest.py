import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from measures import services
from tests.factories import (
    ActionFieldFactory,
    CommitmentFactory,
    MeasureFactory,
    OrganisationalUnitFactory,
    SourceDocumentFactory,
)


@pytest.fixture(autouse=True)
def source_language():
    """Each test starts in German, whatever language an earlier test left active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches, as the database starts empty."""
    from django.core.cache import caches

    from aachen_portal import cache_guard

    for cache in caches.all():
        cache.clear()
    cache_guard.reset()
    yield


@pytest.fixture
def sources(db):
    """The database as `make run` leaves it: the public sources loaded."""
    call_command("load_sources", stdout=io.StringIO())


@pytest.fixture
def operator_pages(db):
    """The operator's four pages as `load_sources` ships them (without the concept's data)."""
    from fields.services import LoadReport
    from measures.management.commands.load_sources import load_operator_pages

    load_operator_pages(report=LoadReport())


@pytest.fixture
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="a-long-test-password"
    )


def record(measure, date, status, progress=None, publish=True, note=""):
    return services.record_status(
        measure=measure,
        reported_on=date,
        status=status,
        progress=progress,
        publish=publish,
        public_notes={"de": note} if note else None,
    )


@pytest.fixture
def synthetic_measures(db):
    """A small synthetic catalogue of measures (test data only) with a status history.

    Field A: A1 in Umsetzung 40 % (Nord, unit 1, commitment), A2 no report (Süd, unit 2).
    Field B: B1 umgesetzt 100 % (Nord, unit 1, commitment), B2 geplant without progress,
    B3 only a draft. Plus one unpublished measure that matches every filter.
    """
    SourceDocumentFactory()
    field_a = ActionFieldFactory(number=101, slug="feld-a", name_de="Feld A")
    field_b = ActionFieldFactory(number=102, slug="feld-b", name_de="Feld B")
    unit_1 = OrganisationalUnitFactory(slug="einheit-1", name_de="Einheit Eins")
    unit_2 = OrganisationalUnitFactory(slug="einheit-2", name_de="Einheit Zwei")
    a1 = MeasureFactory(
        field=field_a,
        position=1,
        title_de="Sprachcafé im Quartier",
        title_en="Language café in the neighbourhood",
        description_de="Treffpunkt für Nachbarschaft",
        responsible_unit=unit_1,
        district="Nord",
    )
    a2 = MeasureFactory(
        field=field_a, position=2, title_de="Lotsenprojekt", responsible_unit=unit_2, district="Süd"
    )
    b1 = MeasureFactory(
        field=field_b,
        position=1,
        title_de="Beratungsstelle",
        description_de="Beratung zum Wohnen und Mietrecht",
        responsible_unit=unit_1,
        district="Nord",
    )
    b2 = MeasureFactory(field=field_b, position=2, title_de="Zentrum für Sport")
    b3 = MeasureFactory(field=field_b, position=3, title_de="Elternschule")
    hidden = MeasureFactory(
        field=field_a,
        position=9,
        title_de="Unveröffentlichte Sprachmaßnahme Wohnen",
        responsible_unit=unit_1,
        district="Nord",
        is_published=False,
    )
    commitment = CommitmentFactory(slug="verpflichtung", title_de="Testverpflichtung")
    commitment.measures.add(a1, b1, hidden)
    commitment.fields.add(field_a)

    record(a1, datetime.date(2025, 1, 10), "planned", 10, note="Erste Planung")
    record(a1, datetime.date(2025, 3, 10), "in_progress", 40, note="Workshops laufen")
    record(b1, datetime.date(2025, 2, 1), "in_progress", 60)
    record(b1, datetime.date(2025, 6, 1), "implemented", 100, note="Fertig")
    record(b2, datetime.date(2025, 4, 1), "planned")
    record(b3, datetime.date(2025, 5, 1), "implemented", 100, publish=False, note="Entwurf")
    record(hidden, datetime.date(2025, 5, 1), "implemented", 100, note="Geheim")
    return {
        "fields": (field_a, field_b),
        "units": (unit_1, unit_2),
        "commitment": commitment,
        "measures": {m.code: m for m in (a1, a2, b1, b2, b3, hidden)},
    }


def pytest_terminal_summary(terminalreporter):
    from tests.browser.conftest import SCREENSHOTS

    if SCREENSHOTS.exists() and any(SCREENSHOTS.iterdir()):
        count = len(list(SCREENSHOTS.glob("*.png")))
        terminalreporter.write_line(f"Screenshots ({count}): {SCREENSHOTS}")


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
