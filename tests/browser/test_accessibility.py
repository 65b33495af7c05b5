"""axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on public pages in any language."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PUBLIC_PATHS = [
    "/{language}/",
    "/{language}/handlungsfelder/wohnen-sozialplanung/",
    "/{language}/handlungsfelder/sport/",
    "/{language}/massnahmen/3.6/",
]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_wcag_a_or_aa_violations(page, live_sources, language):
    axe = Axe()
    for template in PUBLIC_PATHS:
        path = template.format(language=language)
        page.goto(f"{live_sources.url}{path}")
        result = axe.run(page, options=WCAG_AA)
        violations = result.response["violations"]
        assert violations == [], f"{path}:\n{describe(violations)}"
