"""A title with an unpaired right-to-left override cannot reorder the page around it.

All measures here are synthetic test data; the title is written straight into
the database, as a row stored before the input rule would be.
"""

import datetime

import pytest

from measures import services
from measures.models import Measure
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db(transaction=True)

RLO = "\u202e"

# x positions of text pieces inside an element, as the browser lays them out.
POSITIONS = """([selector, pieces]) => {
    const root = document.querySelector(selector);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = {};
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (const piece of pieces) {
            const at = node.data.indexOf(piece);
            if (at < 0 || piece in found) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + piece.length);
            const rect = range.getBoundingClientRect();
            found[piece] = [rect.left, rect.right];
        }
    }
    return found;
}"""


@pytest.fixture
def overriding_title(live_server):
    measure = MeasureFactory(title_de="Sprachcafé im Quartier")
    services.record_status(
        measure=measure,
        reported_on=datetime.date(2024, 5, 1),
        status="implemented",
        progress=54,
        publish=True,
    )
    Measure.objects.filter(pk=measure.pk).update(title_de="Sprachcafé im Quartier" + RLO)
    return measure


def test_text_after_an_overriding_title_on_the_dashboard_stays_in_order(
    page, live_server, overriding_title
):
    page.goto(f"{live_server.url}/de/sachstand/")
    selector = ".timeline li"
    assert "Sprachcafé" in page.locator(selector).first.inner_text()
    x = page.evaluate(POSITIONS, [selector, ["Quartier", "umgesetzt", "54"]])
    assert set(x) == {"Quartier", "umgesetzt", "54"}, x
    assert x["Quartier"][1] <= x["umgesetzt"][0] <= x["54"][0], x


def test_the_page_title_closes_the_override(page, live_server, overriding_title):
    page.goto(f"{live_server.url}/de/massnahmen/{overriding_title.code}/")
    title = page.title()
    assert title.index(RLO) < title.index("\u202c") < title.index("Aachen"), repr(title)
