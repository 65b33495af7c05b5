"""Brute-force protection of the admin login (django-axes) and password rules."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-password"


def login(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail_until_locked(client, username, ip="203.0.113.7"):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, username, "falsches-passwort", ip)


def test_wrong_passwords_lock_the_account_even_for_the_right_one(client, redaktion):
    fail_until_locked(client, "redakteurin")
    response = login(client, "redakteurin", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "in 15 Minuten erneut" in page
    assert "_auth_user_id" not in client.session


def test_lockout_hits_only_that_username_from_that_address(client, redaktion, fachbereich):
    fail_until_locked(client, "redakteurin")
    assert login(client, "fb-a", PASSWORD).status_code == 302, "other account, same address"
    client.logout()
    other_address = login(client, "redakteurin", PASSWORD, ip="198.51.100.9")
    assert other_address.status_code == 302, "same account, other address"


def test_lockout_ends_after_the_cool_off(client, redaktion):
    fail_until_locked(client, "redakteurin")
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert login(client, "redakteurin", PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, redaktion):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "redakteurin", "falsches-passwort")
    assert login(client, "redakteurin", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["kurz", "123456789012", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
