"""Signs, punctuation, names and dates as the language writes them (issue 12)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from tests.pages import page, text_of

pytestmark = pytest.mark.django_db


def test_change_figures_keep_their_sign_in_arabic(client, synthetic_measures):
    html = page(client, "/ar/sachstand/", {"since": "2025-03-01"})
    comparison = html.split('id="changes-title"')[1].split("</table>")[0]
    changes = re.findall(r"<td[^>]*>((?:(?!<td).)*)</td></tr>", comparison)
    assert changes and all(re.fullmatch(r'<bdi dir="ltr">[^<]*</bdi>', c) for c in changes)
    assert re.search(r'<bdi dir="ltr">\u200e?\+1</bdi>', html)


@pytest.mark.parametrize(("language", "separator"), [("ar", "، "), ("zh-hans", "，")])
def test_status_and_progress_are_joined_with_the_languages_comma(
    client, synthetic_measures, language, separator
):
    html = page(client, f"/{language}/sachstand/")
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    assert f"</span>{separator}" in timeline
    assert "</span>, " not in timeline


def test_chinese_chart_captions_end_sentences_with_the_chinese_full_stop(
    client, synthetic_measures
):
    html = page(client, "/zh-hans/sachstand/")
    captions = re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", html, re.S)
    assert captions
    for caption in captions:
        assert "。" in caption and ". " not in caption and "(" not in caption


def test_chart_description_lists_statuses_with_the_arabic_comma(client, synthetic_measures):
    html = page(client, "/ar/sachstand/")
    description = re.search(r'<desc id="status-chart-desc">(.*?)</desc>', html, re.S).group(1)
    assert "، " in description and ", " not in description


def test_turkish_names_the_concept_one_way():
    catalogue = Path(settings.BASE_DIR, "locale/tr/LC_MESSAGES/django.po").read_text()
    content = Path(settings.BASE_DIR, "locale/content/tr.json").read_text()
    assert "hepimiz biziz" not in catalogue + content
    assert "Aachen – hepimiziz!" in catalogue and "Aachen – hepimiziz!" in content


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "11 July 2018"), ("tr", "1 Aralık 2026")],
)
def test_one_date_style_per_language(language, expected):
    import datetime

    day = datetime.date(2018, 7, 11) if language == "en" else datetime.date(2026, 12, 1)
    with translation.override(language):
        assert date_format(day, "DATE_FORMAT") == expected
        assert date_format(day, "SHORT_DATE_FORMAT") == expected


def test_english_pages_write_dates_day_month_year(client, sources):
    text = text_of(page(client, "/en/quellen/"))
    assert "11 July 2018" in text
    assert "July 11, 2018" not in text


def test_arabic_dual_count_has_no_numeral(client, synthetic_measures):
    html = page(client, "/ar/massnahmen/", {"field": "feld-a"})
    assert "عُثر على إجراءين" in text_of(html)
    assert "عُثر على 2 إجراءين" not in text_of(html)
