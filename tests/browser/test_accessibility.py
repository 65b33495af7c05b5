"""axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on any public page in any
language, and every control can be reached and seen with the keyboard alone."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# States of pages that a plain visit does not show: a filtered list with an
# error summary, a reporting date with a comparison, the second page.
EXTRA_STATES = [
    "/{language}/massnahmen/?as_of=31.02.2025&status=erfunden",
    "/{language}/massnahmen/?status=no_report&sort=title&page=2",
    "/{language}/sachstand/?as_of=2025-01-01&since=2024-01-01",
]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(node["target"][0]) for node in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_no_wcag_a_or_aa_violations(page, live_sources, language):
    axe = Axe()
    paths = list(public_urls(language).values())
    paths += [state.format(language=language) for state in EXTRA_STATES]
    failures = []
    for path in paths:
        page.goto(f"{live_sources.url}{path}")
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    assert failures == []


# The operator's pages are in the list above (they are public pages) with their
# gaps; here once more with every operator detail filled (synthetic test data).
OPERATOR_PAGES = ["impressum", "datenschutz", "kontakt", "ueber-das-portal", "barrierefreiheit"]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_operator_pages_with_every_detail_filled_have_no_violations(page, live_sources, language):
    from operator_pages.models import OperatorDetails

    OperatorDetails.objects.create(
        name="Synthetischer Betreiber",
        address="Teststraße 1\n00000 Teststadt",
        representative="Test Person",
        email="betreiber@example.org",
        phone="+49 000 0000",
        data_protection_officer="Synthetische Datenschutzbeauftragte",
        supervisory_authority="Synthetische Aufsichtsbehörde",
        log_retention="Synthetisch: keine Zugriffsprotokolle",
        accessibility_email="barrierefrei@example.org",
    )
    axe = Axe()
    failures = []
    for slug in OPERATOR_PAGES:
        path = f"/{language}/{slug}/"
        page.goto(f"{live_sources.url}{path}")
        assert "Synthetischer Betreiber" in page.content() or slug == "barrierefreiheit"
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    assert failures == []


FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40),
          visible: outline || shadow};
}"""

COUNT_FOCUSABLE = """() => [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]'
)].filter(el => el.offsetParent !== null || el === document.activeElement)
 .filter(el => !el.closest('details:not([open]) > :not(summary)')).length"""
# (controls folded inside a closed <details> are not shown, so not reached; its summary is)


@pytest.mark.parametrize("path", ["/de/massnahmen/", "/ar/sachstand/", "/de/"])
def test_every_control_is_reached_by_tab_with_a_visible_focus(page, live_sources, path):
    page.goto(f"{live_sources.url}{path}")
    expected = page.evaluate(COUNT_FOCUSABLE)
    seen = []
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_IS_VISIBLE)
        if state["tag"] == "BODY":
            break
        assert state["visible"], f"focus not visible on {state}"
        seen.append(state)
    assert len(seen) >= expected, f"reached {len(seen)} of {expected} controls"


def test_filter_form_works_with_the_keyboard_alone(page, live_sources):
    page.goto(f"{live_sources.url}/de/massnahmen/")
    page.get_by_label("Suche in Titel und Beschreibung").focus()
    page.keyboard.type("Quartiersmanagement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/massnahmen/?*q=Quartiersmanagement*")
    assert page.locator("table.measure-table tbody tr").count() == 1


LABEL_BESIDE_CONTROL = """() => [
  ...document.querySelectorAll('.filter-form__grid .form-field')
].map(cell => {
  const label = cell.querySelector('label').getBoundingClientRect();
  const control = cell.querySelector('input, select').getBoundingClientRect();
  const left = Math.abs(label.left - control.left) < 2;
  const right = Math.abs(label.right - control.right) < 2;
  return {name: cell.querySelector('label').textContent.trim(),
          sameColumn: left || right, above: label.bottom <= control.top + 1};
})"""


@pytest.mark.parametrize("path", ["/de/massnahmen/", "/ar/massnahmen/", "/de/sachstand/"])
def test_each_filter_label_stands_right_above_its_own_control(page, live_sources, path):
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"{live_sources.url}{path}")
    cells = page.evaluate(LABEL_BESIDE_CONTROL)
    assert len(cells) >= 2
    misplaced = [cell["name"] for cell in cells if not (cell["sameColumn"] and cell["above"])]
    assert misplaced == []
