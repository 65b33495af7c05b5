"""Status at a glance: colour, text and a shape; the status mix of each field on the home page."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from measures.status import Status
from tests.pages import page, text_of

pytestmark = pytest.mark.django_db


def test_status_badges_carry_a_shape_besides_colour_and_text(client, synthetic_measures):
    html = page(client, "/de/massnahmen/")
    assert (
        '<span class="status status--implemented">'
        '<span class="status__mark" aria-hidden="true"></span>umgesetzt</span>'
    ) in html


def test_every_status_has_its_own_shape_in_the_stylesheet():
    css = Path(settings.BASE_DIR, "static/css/portal.css").read_text()
    shapes = {}
    for value in Status.values:
        rule = re.search(rf"\.status--{value} \.status__mark \{{([^}}]*)\}}", css)
        assert rule, value
        shapes[value] = rule.group(1).strip()
    assert len(set(shapes.values())) == len(Status.values)


def test_home_field_cards_show_their_status_mix_as_bar_and_text(client, synthetic_measures):
    html = page(client, "/de/")
    card = html.split("Feld B")[1].split("</li>")[0]
    assert '<svg class="status-mix"' in card
    assert card.count('<rect class="chart-status--') == 3
    assert "1 kein Sachstand gemeldet, 1 geplant, 1 umgesetzt" in text_of(card)


def test_home_field_card_without_measures_draws_no_bar(client, synthetic_measures):
    from tests.factories import ActionFieldFactory

    ActionFieldFactory(number=103, name_de="Feld C")
    card = page(client, "/de/").split("Feld C")[1].split("</li>")[0]
    assert "<svg" not in card
