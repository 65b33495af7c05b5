"""A staff member in a real browser records a status update that then shows publicly."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from fields.models import OrganisationalUnit
from measures.models import Measure, UnitAssignment

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "ein-langes-passwort-123"


def staff(username: str, role: str, unit=None):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    if unit is not None:
        UnitAssignment.objects.create(user=user, unit=unit)
    return user


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def report_status(page, base_url: str, code: str, *, status: str, progress: str, note: str):
    page.goto(f"{base_url}/admin/measures/measure/")
    row = page.locator("tr", has=page.get_by_role("link", name=code, exact=True))
    row.get_by_role("link", name="melden").click()
    page.select_option("#id_status", status)
    page.fill("#id_progress", progress)
    page.fill("#id_public_note_de", note)


def test_redaktion_records_a_published_status_that_shows_on_the_public_page(page, live_sources):
    staff("redakteurin", "Redaktion")
    log_in(page, live_sources.url, "redakteurin")
    report_status(
        page,
        live_sources.url,
        "3.5",
        status="in_progress",
        progress="30",
        note="Faltblatt im Druck",
    )
    page.check("#id_publish")
    page.get_by_role("button", name="Sachstand speichern").or_(
        page.locator("input[type=submit][value='Sachstand speichern']")
    ).click()
    page.wait_for_url(re.compile(r"/admin/measures/measure/$"))

    page.goto(f"{live_sources.url}/de/massnahmen/3.5/")
    main = page.locator("main").inner_text()
    assert "in Umsetzung" in main
    assert "30\xa0%" in main  # Babel keeps number and sign together
    assert "Faltblatt im Druck" in main


def test_fachbereich_draft_stays_hidden_until_the_redaktion_publishes_it(
    page, chromium, live_sources
):
    unit = OrganisationalUnit.objects.get(slug="fb-56")
    Measure.objects.filter(code="3.2").update(responsible_unit=unit)
    staff("fachbereich", "Fachbereich", unit)
    log_in(page, live_sources.url, "fachbereich")
    report_status(
        page, live_sources.url, "3.2", status="preparing", progress="10", note="Workshop geplant"
    )
    assert page.locator("#id_publish").count() == 0, "editors cannot publish"
    page.locator("input[type=submit][value='Sachstand speichern']").click()
    page.wait_for_url(re.compile(r"/admin/measures/measure/$"))

    visitor = chromium.new_page()
    visitor.goto(f"{live_sources.url}/de/massnahmen/3.2/")
    assert "Workshop geplant" not in visitor.locator("main").inner_text()
    assert "kein Sachstand gemeldet" in visitor.locator("main").inner_text()

    measure = Measure.objects.get(code="3.2")
    entry = measure.status_entries.get()
    assert not entry.is_published
    from measures.services import publish_status_entry

    publish_status_entry(entry=entry)
    visitor.reload()
    assert "Workshop geplant" in visitor.locator("main").inner_text()
    visitor.close()
