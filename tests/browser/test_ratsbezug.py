"""The Ratsbezug section in a real browser: no sideways scrolling on a phone, any script.

Council papers come from the synthetic OParl server of the council tests only.
"""

import io

import pytest
from django.core.management import call_command

from measures.spreadsheet import import_catalogue
from tests.council.oparl_server import OParlServer
from tests.spreadsheets import csv_bytes


@pytest.fixture
def linked_papers(live_sources):
    with OParlServer() as server:
        call_command("sync_council", "--system", server.system_url, stdout=io.StringIO())
    import_catalogue(
        data=csv_bytes(["code", "council_papers"], [["3.1", "FB 56/0150/WP17; TEST/0003"]]),
        file_name="ratsbezug.csv",
    )
    return live_sources


@pytest.mark.parametrize("language", ["de", "ar", "zh-hans"])
def test_ratsbezug_fits_a_phone_in_every_script(phone, linked_papers, language, screenshot_dir):
    phone.goto(f"{linked_papers.url}/{language}/massnahmen/3.1/")
    section = phone.locator(".council-papers")
    assert section.locator(".council-paper").count() == 2
    section.scroll_into_view_if_needed()
    phone.screenshot(path=str(screenshot_dir / f"ratsbezug-390-{language}.png"), full_page=True)

    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    title = section.locator(".council-paper__title").first
    assert title.get_attribute("lang") == "de"
