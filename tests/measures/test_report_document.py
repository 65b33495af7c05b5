"""The Sachstandsbericht as a council document: summary first, changes, a PDF (issue 12)."""

import os
import shutil
import subprocess

import pytest

from tests.pages import page, text_of

pytestmark = pytest.mark.django_db

REPORT = "/de/sachstand/bericht/"
PDF = "/de/sachstand/bericht.pdf"


def test_first_section_summarises_stichtag_completeness_state_and_matrix(
    client, synthetic_measures
):
    html = page(client, REPORT, {"as_of": "2025-12-31"})
    summary = html.split('class="report-summary"')[1].split("</section>")[0]
    text = text_of(summary)
    assert "Stichtag 31. Dezember 2025" in text
    assert "5 von 107 Maßnahmen erfasst" in text
    assert "3 von 5 Maßnahmen mit Sachstand, Durchschnitt 70 %" in text
    assert 'class="matrix' in summary


def test_with_since_the_report_lists_changes_before_and_after(client, synthetic_measures):
    html = page(client, REPORT, {"since": "2025-03-01"})
    changes = html.split('class="report-changes"')[1].split("</section>")[0]
    text = text_of(changes)
    assert "Veränderungen seit 1. März 2025" in text
    assert "Beratungsstelle" in text  # B1: in Umsetzung 60 % → umgesetzt 100 %
    assert "→" in text
    assert "Sprachcafé" in text  # A1: geplant 10 % → in Umsetzung 40 %
    assert "Lotsenprojekt" not in text  # never reported


def test_fields_without_measures_share_one_line(client, synthetic_measures):
    from tests.factories import ActionFieldFactory

    ActionFieldFactory(number=103, name_de="Feld C")
    ActionFieldFactory(number=104, name_de="Feld D")
    html = page(client, REPORT)
    assert html.count('class="field-report"') == 2
    empty = text_of(html.split('class="report-empty"')[1].split("</p>")[0])
    assert "103. Feld C, 104. Feld D" in empty


def test_report_prints_no_navigation(client, synthetic_measures):
    html = page(client, REPORT)
    assert 'class="breadcrumbs no-print"' in html


def pdf_text(content: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext missing (make pdf-tools)")
        pytest.skip("pdftotext missing (apt-get install poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_holds_summary_changes_and_page_numbers(client, synthetic_measures, tmp_path):
    response = client.get(PDF, {"as_of": "2025-12-31", "since": "2025-03-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="sachstandsbericht-2025-12-31.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content, tmp_path)
    assert "5 von 107 Maßnahmen erfasst" in text
    assert "Veränderungen seit 1. März 2025" in text
    assert "Seite 1 von" in text
    assert "Stichtag" in text


def test_pdf_in_arabic_runs_right_to_left(client, synthetic_measures, tmp_path):
    response = client.get("/ar/sachstand/bericht.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert "107" in text and "الصفحة" in text


def test_report_links_its_pdf(client, synthetic_measures):
    html = page(client, REPORT, {"as_of": "2025-12-31"})
    assert 'href="/de/sachstand/bericht.pdf?as_of=2025-12-31"' in html
