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


def pytest_terminal_summary(terminalreporter):
    from tests.browser.conftest import SCREENSHOTS

    if SCREENSHOTS.exists() and any(SCREENSHOTS.iterdir()):
        count = len(list(SCREENSHOTS.glob("*.png")))
        terminalreporter.write_line(f"Screenshots ({count}): {SCREENSHOTS}")
