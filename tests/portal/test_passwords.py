"""Staff passwords: predictable ones are refused with a German message; the first
account's name is not predictable."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

pytestmark = pytest.mark.django_db

WEAK = ["passwort1234", "aachen123456", "qwertzuiop12", "passwordpassword", "Sommer2024!!"]


@pytest.mark.parametrize("password", WEAK)
def test_predictable_passwords_are_refused_with_a_german_message(password):
    with translation.override("de"), pytest.raises(ValidationError) as error:
        validate_password(password)
    text = " ".join(error.value.messages)
    assert "zu leicht zu erraten" in text or "zu häufig" in text


@pytest.mark.parametrize(
    "password", ["Tulpe-Regal-Fenster-93", "mK7#vQ2!pL9@wX", "ein Satz mit Lücken 42"]
)
def test_strong_passwords_pass(password):
    validate_password(password)


def test_the_first_staff_account_has_no_predictable_name():
    out = io.StringIO()
    call_command("ensure_staff_account", stdout=out)
    user = get_user_model().objects.get()
    assert user.username != "admin"
    assert re.fullmatch(r"redaktion-[0-9a-f]{6}", user.username)
    assert user.username in out.getvalue()
