"""The admin works in a real browser under the strict Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model

from measures.models import Measure

pytestmark = pytest.mark.django_db(transaction=True)


def test_translation_tabs_work_without_csp_violations(page, live_sources):
    get_user_model().objects.create_superuser("redaktion", "", "ein-langes-passwort-123")
    measure = Measure.objects.get(code="3.1")
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_sources.url}/admin/login/")
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", "ein-langes-passwort-123")
    page.click("input[type=submit]")
    page.goto(f"{live_sources.url}/admin/measures/measure/{measure.pk}/change/")
    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert "EN" in tabs.inner_text().upper()
    tabs.get_by_text("en", exact=False).first.click()
    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_de").is_visible()
    assert blocked == []
