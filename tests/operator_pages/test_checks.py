"""`check --deploy` warns for each operator detail the pages still name as missing."""

import pytest
from django.core.checks import run_checks

from operator_pages.models import OperatorDetails

pytestmark = pytest.mark.django_db

ALL = {
    "portal.W001",
    "portal.W002",
    "portal.W003",
    "portal.W004",
    "portal.W005",
    "portal.W006",
    "portal.W007",
    "portal.W008",
}


def deploy_warnings() -> set[str]:
    return {m.id for m in run_checks(include_deployment_checks=True) if m.id in ALL}


def test_without_operator_details_each_item_is_a_warning():
    assert deploy_warnings() == ALL


def test_a_filled_item_is_no_longer_warned_about():
    OperatorDetails.objects.create(name="Synthetischer Betreiber", phone="+49 000 0000")
    assert deploy_warnings() == ALL - {"portal.W002", "portal.W005"}


def test_complete_details_pass_the_check():
    OperatorDetails.objects.create(
        name="Synthetischer Betreiber",
        address="Teststraße 1",
        representative="Test Person",
        email="betreiber@example.org",
        data_protection_officer="Test DSB",
        supervisory_authority="Testbehörde",
        log_retention="Test",
        accessibility_phone="+49 000 0000",
    )
    assert deploy_warnings() == set()


def test_the_warning_names_the_missing_item():
    messages = run_checks(include_deployment_checks=True)
    officer = next(m for m in messages if m.id == "portal.W006")
    assert "data_protection_officer" in officer.msg
