"""A resident in a real browser: home → Handlungsfeld → measure, and into Arabic and back."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_resident_goes_from_home_to_a_field_to_a_measure(page, live_sources):
    page.goto(f"{live_sources.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("link", name="Wohnen / Sozialplanung").click()
    page.wait_for_url(re.compile(r"/de/handlungsfelder/wohnen-sozialplanung/$"))
    assert page.get_by_role("heading", level=1).inner_text().endswith("Wohnen / Sozialplanung")
    page.get_by_role(
        "link", name=re.compile("^Umsetzung des Konzeptes zum Quartiersmanagement")
    ).click()
    page.wait_for_url(re.compile(r"/de/massnahmen/3\.6/$"))
    assert "kein Sachstand gemeldet" in page.locator("main").inner_text()


def test_resident_switches_to_arabic_and_back_on_the_same_page(page, live_sources):
    page.goto(f"{live_sources.url}/de/massnahmen/3.1/")
    switcher = page.locator(".language-switcher")
    switcher.get_by_role("link", name="العربيّة", exact=True).click()
    page.wait_for_url(re.compile(r"/ar/massnahmen/3\.1/$"))
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    switcher.get_by_role("link", name="Deutsch", exact=True).click()
    page.wait_for_url(re.compile(r"/de/massnahmen/3\.1/$"))
    assert page.locator("html").get_attribute("dir") == "ltr"


def test_pages_work_without_javascript(chromium, live_sources):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_sources.url}/de/")
    page.get_by_role("link", name="Sport", exact=True).click()
    page.wait_for_url(re.compile(r"/de/handlungsfelder/sport/$"))
    assert "noch keine Maßnahmen erfasst" in page.locator("main").inner_text()
    context.close()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_sources):
    page.goto(f"{live_sources.url}/de/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_main_pages_are_captured_as_screenshots(phone, live_sources, screenshot_dir, language):
    for name, path in [
        ("home", f"/{language}/"),
        ("field", f"/{language}/handlungsfelder/wohnen-sozialplanung/"),
        ("measure", f"/{language}/massnahmen/3.1/"),
    ]:
        phone.goto(f"{live_sources.url}{path}")
        target = screenshot_dir / f"{name}-{language}.png"
        phone.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000


def test_resident_filters_the_measure_list_and_the_filter_lives_in_the_url(page, live_sources):
    page.goto(f"{live_sources.url}/de/massnahmen/")
    page.get_by_label("Suche in Titel und Beschreibung").fill("Wohnen")
    page.get_by_text("Weitere Filter, Sortierung und Stichtag").click()  # folded filters
    page.get_by_label("Handlungsfeld").select_option(label="3. Wohnen / Sozialplanung")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url(re.compile(r"/de/massnahmen/\?.*q=Wohnen"))
    assert "field=wohnen-sozialplanung" in page.url
    rows = page.locator("table.measure-table tbody tr")
    assert rows.count() == 2
    text = page.locator("table.measure-table").inner_text()
    assert "3.3" in text and "3.5" in text

    shared = page.url
    page.goto(shared)
    assert page.locator("table.measure-table tbody tr").count() == 2


def test_invalid_filter_input_gets_a_message_not_an_error(page, live_sources):
    response = page.goto(f"{live_sources.url}/de/massnahmen/?as_of=31.02.2025&status=erfunden")
    assert response.status == 200
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "Stichtag" in summary.inner_text()
