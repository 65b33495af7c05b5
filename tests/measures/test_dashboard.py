"""The council dashboard: status matrix, the progress rule, reporting dates, changes, print."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.pages import page, text_of

pytestmark = pytest.mark.django_db

DASHBOARD = "/de/sachstand/"


def matrix_row(html: str, name: str) -> list[str]:
    """The cells of the matrix row of one field, as text."""
    table = html.split('class="matrix')[1].split("</table>")[0]
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        if name in row:
            return [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    raise AssertionError(f"no row for {name}")


def test_matrix_counts_measures_per_field_and_status(client, synthetic_measures):
    html = page(client, DASHBOARD)
    # columns: 8 statuses in vocabulary order, catalogued, progress
    assert matrix_row(html, "Feld A")[:9] == ["1", "0", "0", "1", "0", "0", "0", "0", "2"]
    assert matrix_row(html, "Feld B")[:9] == ["1", "1", "0", "0", "1", "0", "0", "0", "3"]
    assert matrix_row(html, "Alle Handlungsfelder")[:9] == [
        "2",
        "1",
        "0",
        "1",
        "1",
        "0",
        "0",
        "0",
        "5",
    ]


def test_matrix_has_caption_and_header_scopes(client, synthetic_measures):
    html = page(client, DASHBOARD)
    table = html.split('class="matrix')[1].split("</table>")[0]
    assert "<caption" in table
    # field, 8 statuses, catalogued, with a report, mean progress
    assert table.count('<th scope="col"') == 12
    assert '<th scope="row">' in table


def test_progress_per_field_and_overall_follow_the_rule_and_state_it(client, synthetic_measures):
    html = page(client, DASHBOARD)
    text = text_of(html)
    # columns after the catalogued count: with a report, mean of the stated progress
    assert matrix_row(html, "Feld A")[9:] == ["1", "40 %"]
    assert matrix_row(html, "Feld B")[9:] == ["2", "100 %"]
    assert "Feld A: 1 von 2 Maßnahmen mit Sachstand, Durchschnitt 40 % (1 Fortschrittsangabe)" in (
        text
    )
    overall = "3 von 5 Maßnahmen mit Sachstand, Durchschnitt 70 % (2 Fortschrittsangaben)"
    assert f'aria-valuetext="{overall}"' in html
    assert '<progress max="100" value="70"' in html
    assert "Maßnahmen ohne Meldung zählen nicht als 0 %" in text


def test_catalogue_completeness_against_the_declared_107(client, synthetic_measures):
    html = page(client, DASHBOARD)
    assert '<progress max="107" value="5"' in html
    assert "5 von 107 Maßnahmen erfasst" in text_of(html)


def test_commitments_use_the_same_rule_on_their_linked_published_measures(
    client, synthetic_measures
):
    text = text_of(page(client, DASHBOARD))
    assert (
        "Testverpflichtung 2 von 2 Maßnahmen mit Sachstand, Durchschnitt 70 % "
        "(2 Fortschrittsangaben)"
    ) in text


def test_dashboard_at_a_reporting_date_is_computed_from_the_history(client, synthetic_measures):
    html = page(client, DASHBOARD, {"as_of": "2025-02-15"})
    text = text_of(html)
    assert "Stand am Stichtag 15. Februar 2025" in text
    assert matrix_row(html, "Feld A")[:9] == ["1", "1", "0", "0", "0", "0", "0", "0", "2"]
    assert matrix_row(html, "Feld B")[:9] == ["2", "0", "0", "1", "0", "0", "0", "0", "3"]
    assert "2 von 5 Maßnahmen mit Sachstand, Durchschnitt 35 % (2 Fortschrittsangaben)" in text


def test_dashboard_before_any_report_has_no_average_and_no_bar(client, synthetic_measures):
    html = page(client, DASHBOARD, {"as_of": "2024-12-31"})
    assert "0 von 5 Maßnahmen mit Sachstand, noch keine Fortschrittsangabe" in text_of(html)
    assert '<progress max="100"' not in html
    assert "Bis zu diesem Datum ist noch kein Sachstand veröffentlicht." in text_of(html)


def test_changes_between_two_dates(client, synthetic_measures):
    html = page(client, DASHBOARD, {"since": "2025-02-15", "as_of": "2025-04-15"})
    text = text_of(html)
    assert "Veränderungen vom 15. Februar 2025 bis 15. April 2025" in text
    assert "2 Maßnahmen mit verändertem Sachstand" in text
    changes = html.split('id="changes-title"')[1].split("</section>")[0]
    assert "/de/massnahmen/101.1/" in changes and "/de/massnahmen/102.2/" in changes
    assert "/de/massnahmen/102.1/" not in changes
    assert "geplant 10 %" in text_of(changes) and "in Umsetzung 40 %" in text_of(changes)
    # 15.02: A1 planned, B1 in progress; 15.04: A1 and B1 in progress, B2 planned.
    assert "geplant 1 1 0" in text_of(changes)
    assert "in Umsetzung 1 2 +1" in text_of(changes)
    assert "kein Sachstand gemeldet 3 2 -1" in text_of(changes)


def test_no_changes_in_a_quiet_period_says_so(client, synthetic_measures):
    text = text_of(page(client, DASHBOARD, {"since": "2025-06-10", "as_of": "2025-07-01"}))
    assert "In diesem Zeitraum hat sich kein Sachstand geändert." in text


def test_recent_changes_list_published_entries_only(client, synthetic_measures):
    html = page(client, DASHBOARD)
    recent = text_of(html.split('id="recent-title"')[1].split("</section>")[0])
    assert recent.index("102.1") < recent.index("101.1")
    assert "Elternschule" not in recent, "a draft never shows"
    assert "Unveröffentlichte" not in recent, "an unpublished measure never shows"


def test_status_chart_is_svg_with_a_text_alternative(client, synthetic_measures):
    html = page(client, DASHBOARD)
    svg = html.split('<svg class="chart__svg"')[1].split("</svg>")[0]
    assert 'role="img"' in svg
    assert "<title" in svg and "<desc" in svg
    desc = text_of(svg.split("<desc")[1].split("</desc>")[0].split(">", 1)[1])
    assert "Feld A: 2 Maßnahmen, davon kein Sachstand gemeldet 1, in Umsetzung 1." in desc
    # Feld A: two equal halves of the 360 units wide bar, under the field's name
    assert re.search(r'class="chart-bar chart-status--no_report" x="0" y="\d+" width="180"', svg)
    assert re.search(
        r'class="chart-bar chart-status--in_progress" x="180" y="\d+" width="180"', svg
    )


def test_progress_chart_marks_fields_without_progress_instead_of_zero(client, synthetic_measures):
    html = page(client, DASHBOARD, {"as_of": "2024-12-31"})
    svg = html.split('id="progress-chart-title"')[1].split("</svg>")[0]
    assert "chart-progress" not in svg.split("</desc>")[1]
    assert "keine Fortschrittsangabe" in svg


def test_each_field_gets_a_report_section_for_print(client, synthetic_measures):
    html = page(client, "/de/sachstand/bericht/", {"as_of": "2025-02-15"})
    assert html.count('class="field-report"') == 2
    assert html.count('class="print-only print-meta"') == 3
    assert html.count('class="print-only print-running"') == 1
    assert "Stand: 15. Februar 2025 · Quelle: Integrationskonzept Aachen 2018" in html


def test_report_lists_every_measure_of_each_field_at_the_reporting_date(client, synthetic_measures):
    html = page(client, "/de/sachstand/bericht/", {"as_of": "2025-02-15"})
    text = text_of(html)
    for title in ["Sprachcafé im Quartier", "Lotsenprojekt", "Beratungsstelle", "Elternschule"]:
        assert title in text
    assert "Unveröffentlichte Sprachmaßnahme" not in text
    # On 15 February 2025 A1 was "geplant" with 10 %, B1 "in Umsetzung" with 60 %.
    assert "geplant" in text and "in Umsetzung" in text


def test_dashboard_links_its_report_at_the_same_reporting_date(client, synthetic_measures):
    html = page(client, DASHBOARD, {"as_of": "2025-02-15"})
    assert 'href="/de/sachstand/bericht/?as_of=2025-02-15"' in html
    assert 'class="field-report"' not in html, "the dashboard stays the same size"


def test_report_with_a_bad_date_explains_and_lists_nothing(client, synthetic_measures):
    html = page(client, "/de/sachstand/bericht/", {"as_of": "31.13.2025"})
    assert "error-summary" in html
    assert 'class="field-report"' not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"as_of": "2999-12-31"}, "Der Stichtag darf nicht in der Zukunft liegen."),
        ({"as_of": "31.13.2025"}, "Stichtag:"),
        ({"since": "2025-06-01", "as_of": "2025-01-01"}, "Das Vergleichsdatum muss vor dem"),
        ({"since": "\x00"}, "Veränderungen seit:"),
    ],
)
def test_invalid_reporting_dates_get_a_clear_message_and_no_figures(
    client, synthetic_measures, params, message
):
    html = page(client, DASHBOARD, params)
    assert message in text_of(html)
    assert 'class="matrix' not in html


def test_print_stylesheet_hides_navigation_and_starts_each_field_on_a_new_page(
    client, synthetic_measures
):
    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert ".site-nav" in css.split("display: none")[0]
    assert ".filter-form" in css.split("display: none")[0]
    assert ".print-only { display: block; }" in css
    assert ".field-report { break-before: page;" in css
    assert "position: fixed" in css.split(".print-running")[1].split("}")[0]
    html = page(client, DASHBOARD)
    assert 'href="/static/css/print.css" media="print"' in html
