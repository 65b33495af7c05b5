"""Pages at real size: every public page in every language, on a phone and a desktop.

With a year's worth of synthetic reports (tests/synthetic_year.py) no page may
scroll sideways and no table cell may stand outside the box that holds its
table; printed (emulated on an A4 text width), the report and the dashboard keep
every column on the page.
"""

import pytest
from django.conf import settings

from tests.public_pages import public_urls
from tests.synthetic_year import fill_year

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
A4_TEXT_WIDTH = 680  # px: 210 mm less 2 × 15 mm margins at 96 dpi

OVERFLOW = """() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
  }
  for (const table of document.querySelectorAll('main table')) {
    const box = table.parentElement.getBoundingClientRect();
    for (const cell of table.querySelectorAll('th, td')) {
      const r = cell.getBoundingClientRect();
      if (!r.width) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        problems.push(`${table.className || 'table'}: "${cell.innerText.trim().slice(0, 30)}" `
          + `at ${Math.round(r.left)}–${Math.round(r.right)} outside `
          + `${Math.round(box.left)}–${Math.round(box.right)}`);
        break;
      }
    }
  }
  return problems;
}"""


@pytest.fixture
def year(live_sources):
    fill_year()
    return live_sources


def _overflow(chromium, base_url, urls, width, media="screen"):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.emulate_media(media=media)
    found = {}
    for url in urls:
        page.goto(f"{base_url}{url}")
        problems = page.evaluate(OVERFLOW)
        if problems:
            found[url] = problems
    context.close()
    return found


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_scrolls_sideways_or_pushes_a_column_out(chromium, year, language, width):
    urls = sorted(public_urls(language).values())
    assert len(urls) > 8
    assert _overflow(chromium, year.url, urls, width) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_report_and_dashboard_keep_every_column_on_the_page(chromium, year, language):
    urls = [f"/{language}/sachstand/", f"/{language}/sachstand/bericht/?since=2025-06-01"]
    assert _overflow(chromium, year.url, urls, A4_TEXT_WIDTH, media="print") == {}


def test_on_a_phone_the_first_result_shows_on_the_first_screen(chromium, year):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{year.url}/de/massnahmen/")
    title = page.locator("table.measure-table tbody tr th a").first.bounding_box()
    context.close()
    assert title["y"] + title["height"] < 844


CHART_TEXTS = """() => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const out = [];
  for (const text of document.querySelectorAll('.chart__svg text')) {
    const box = text.getBoundingClientRect();
    if (!box.width) continue;
    let background = 'rgb(255, 255, 255)';
    for (const rect of text.ownerSVGElement.querySelectorAll('rect')) {
      const r = rect.getBoundingClientRect();
      if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top) {
        background = getComputedStyle(rect).fill;
      }
    }
    const [a, b] = [luminance(getComputedStyle(text).fill), luminance(background)];
    out.push({text: text.textContent.trim(), size: parseFloat(getComputedStyle(text).fontSize)
      * text.getScreenCTM().a, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)});
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["de", "ar", "zh-hans"])
def test_chart_texts_are_12_px_or_more_and_readable_against_their_bars(
    chromium, year, language, width
):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{year.url}/{language}/sachstand/")
    texts = page.evaluate(CHART_TEXTS)
    context.close()
    assert len(texts) >= 18  # a field name per row of both charts
    assert [t for t in texts if t["size"] < 12] == []
    assert [t for t in texts if t["contrast"] < 4.5] == []


def test_arabic_charts_run_right_to_left(chromium, year):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{year.url}/ar/sachstand/")
    sides = page.evaluate("""() => [...document.querySelectorAll('.chart__svg')].map(svg => {
      const frame = svg.getBoundingClientRect();
      const bar = svg.querySelector('rect').getBoundingClientRect();
      const label = svg.querySelector('.chart-label').getBoundingClientRect();
      return {bar: Math.round(frame.right - bar.right),
              label: Math.round(frame.right - label.right)};
    })""")
    context.close()
    assert sides and all(side == {"bar": 0, "label": 0} for side in sides)


def test_progress_bar_of_one_reported_measure_in_two_fills_half(chromium, year):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{year.url}/de/sachstand/")
    share = page.evaluate("""() => {
      const svg = document.querySelector('#progress-chart-title').ownerSVGElement;
      const row = [...svg.querySelectorAll('g')].find(g => g.textContent.includes('7. Religion'));
      const filled = row.querySelector('.chart-progress').getBoundingClientRect().width;
      return filled / svg.getBoundingClientRect().width;
    }""")
    context.close()
    assert share == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("language", ["de", "ar", "zh-hans"])
def test_dashboard_and_report_are_captured_on_phone_desktop_and_paper(
    chromium, year, screenshot_dir, language
):
    """Pictures to look at (test-artifacts/screenshots/): the council pages at real size."""
    pages = {
        "dashboard": f"/{language}/sachstand/?since=2025-06-01",
        "report": f"/{language}/sachstand/bericht/?since=2025-06-01",
    }
    for name, path in pages.items():
        for label, width, media in [("390", 390, "screen"), ("1366", 1366, "screen")] + [
            ("print", 794, "print")
        ]:
            context = chromium.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.emulate_media(media=media)
            page.goto(f"{year.url}{path}")
            target = screenshot_dir / f"council-{name}-{language}-{label}.png"
            page.screenshot(path=str(target), full_page=True)
            context.close()
            assert target.stat().st_size > 10_000
