"""Project wiring: migrations match the models, the database is the one CI asked for,
and the first-run staff account."""

import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection


def test_migrations_match_the_models(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_runs_on_the_database_ci_asked_for():
    expected = os.environ.get("EXPECT_DB_VENDOR")
    if expected is None:
        pytest.skip("EXPECT_DB_VENDOR is set by .ci/run only")
    assert connection.vendor == expected


@pytest.mark.django_db
def test_first_run_creates_one_staff_account_and_prints_its_login_once():
    first, second = io.StringIO(), io.StringIO()
    call_command("ensure_staff_account", stdout=first)
    call_command("ensure_staff_account", stdout=second)
    user = get_user_model().objects.get()
    assert user.is_staff and user.is_superuser
    password = first.getvalue().split("password: ")[1].split()[0]
    assert user.check_password(password)
    assert second.getvalue() == ""
