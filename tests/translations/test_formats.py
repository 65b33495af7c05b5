"""Numbers, percentages and dates in each locale's own format (CLDR)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import translation

from fields.templatetags.concept import figure_value
from measures import services
from measures.models import Measure
from translations.templatetags.translated import percent

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class Figure:
    def __init__(self, value, unit="count", qualifier="exact"):
        self.value, self.unit, self.qualifier = Decimal(value), unit, qualifier


@pytest.mark.parametrize(
    ("language", "share", "inhabitants"),
    [
        ("de", "36,4\xa0%", "250.000"),
        ("en", "36.4%", "250,000"),
        ("tr", "%36,4", "250.000"),
        ("ar", "36.4%", "250,000"),
        ("zh-hans", "36.4%", "250,000"),
    ],
)
def test_key_figures_follow_the_locale(language, share, inhabitants):
    with translation.override(language):
        assert figure_value(Figure("36.4", unit="percent")) == share
        assert inhabitants in figure_value(Figure("250000", qualifier="about"))


def test_progress_percentages_follow_the_locale():
    with translation.override("de"):
        assert percent(40) == "40\xa0%"
    with translation.override("tr"):
        assert percent(40) == "%40"
    with translation.override("ar"):
        assert percent(40) == "40%"


def test_german_home_page_shows_36_comma_4_percent(client, sources):
    assert "36,4 %" in text_of(client.get("/de/").content.decode())


def test_arabic_home_page_shows_numbers_and_dates_in_arabic_format(client, sources):
    text = text_of(client.get("/ar/").content.decode())
    assert "36.4%" in text
    assert "32.4%" in text
    assert "250,000" in text
    assert "11 يوليو 2018" in text


def test_arabic_measure_page_shows_status_date_and_progress_in_arabic_format(client, sources):
    services.record_status(
        measure=Measure.objects.get(code="3.6"),
        reported_on=datetime.date(2025, 5, 1),
        status="in_progress",
        progress=40,
        publish=True,
    )
    text = text_of(client.get("/ar/massnahmen/3.6/").content.decode())
    assert "1 مايو 2025" in text
    assert "40%" in text


def test_chinese_and_turkish_dates_follow_their_locale(client, sources):
    assert "2018年7月11日" in text_of(client.get("/zh-hans/").content.decode())
    assert "11 Temmuz 2018" in text_of(client.get("/tr/").content.decode())
