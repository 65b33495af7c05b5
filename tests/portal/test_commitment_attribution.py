"""The 11 points are a candidate's programme, never the city's own promises (issue 12).

Wherever they appear, the page says whose they are: the programme "Wandel menschlich
gestalten", a candidate's programme for the Aachen municipal election 2020, with a
link to the source.
"""

import pytest

from tests.pages import page, text_of

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/",
    "/{lang}/selbstverpflichtungen/",
    "/{lang}/selbstverpflichtungen/{slug}/",
    "/{lang}/sachstand/",
    "/{lang}/offene-daten/",
    "/{lang}/leichte-sprache/",
]


@pytest.fixture
def first_commitment(sources):
    from measures.models import Commitment

    return Commitment.objects.order_by("position").first()


@pytest.mark.parametrize("template", PAGES)
def test_commitments_are_attributed_to_the_candidates_programme(client, first_commitment, template):
    html = page(client, template.format(lang="de", slug=first_commitment.slug))
    notice = html.split('class="attribution')[1].split("</p>")[0]
    text = text_of(notice)
    assert "„Wandel menschlich gestalten“" in text
    assert "Kommunalwahl 2020" in text or "Kommunal-Wahl 2020" in text  # Leichte Sprache
    assert ("nicht" in text or "keine" in text) and "Stadt Aachen" in text
    assert 'href="https://harald-baal.de/"' in notice


@pytest.mark.parametrize("language", ["en", "tr", "ar", "zh-hans"])
def test_attribution_is_translated(client, first_commitment, language):
    html = page(client, f"/{language}/selbstverpflichtungen/")
    notice = text_of(html.split('class="attribution')[1].split("</p>")[0])
    assert "2020" in notice and "Wandel menschlich gestalten" in notice
    assert "Kommunalwahl" not in notice
