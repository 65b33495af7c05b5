"""Queries stay constant in the number of measures: 1,000 synthetic measures (test DB only)."""

import datetime
import itertools

import pytest

from fields.models import ActionField
from measures.models import Commitment, CommitmentMeasure, Measure, StatusEntry
from measures.status import Status
from tests.factories import (
    ActionFieldFactory,
    CommitmentFactory,
    OrganisationalUnitFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db

MEASURES = 1000
REPORTED = [s for s in Status.values if s != Status.NO_REPORT]


@pytest.fixture
def big_catalogue(db):
    """1,000 published measures in 9 fields, 2 status entries each, linked to commitments."""
    SourceDocumentFactory()
    fields = [ActionFieldFactory(number=n, slug=f"feld-{n}") for n in range(1, 10)]
    units = [OrganisationalUnitFactory() for _ in range(3)]
    commitments = [CommitmentFactory() for _ in range(3)]
    statuses = itertools.cycle(Status.values)
    measures = []
    for i in range(MEASURES):
        field = fields[i % 9]
        status = next(statuses)
        position = i // 9 + 1
        measures.append(
            Measure(
                code=f"{field.number}.{position}",
                field=field,
                position=position,
                title_de=f"Synthetische Maßnahme {i}",
                title_en=f"Synthetic measure {i}",
                responsible_unit=units[i % 3] if i % 4 else None,
                district=["Nord", "Süd", ""][i % 3],
                is_published=i % 50 != 0,
                status=status,
                progress=None if status == Status.NO_REPORT or i % 5 == 0 else i % 101,
                status_changed_on=None
                if status == Status.NO_REPORT
                else datetime.date(2025, 1 + i % 12, 1),
            )
        )
    Measure.objects.bulk_create(measures)
    measures = list(Measure.objects.all())
    entries = []
    for i, measure in enumerate(measures):
        if measure.status == Status.NO_REPORT:
            continue
        entries.append(
            StatusEntry(
                measure=measure,
                reported_on=datetime.date(2024, 6, 1),
                status=Status.PLANNED,
                progress=0,
                is_published=True,
                public_note_de=f"Planung {i}",
            )
        )
        entries.append(
            StatusEntry(
                measure=measure,
                reported_on=measure.status_changed_on,
                status=measure.status,
                progress=measure.progress,
                is_published=i % 7 != 0,
                public_note_de=f"Bericht {i}",
            )
        )
    StatusEntry.objects.bulk_create(entries)
    CommitmentMeasure.objects.bulk_create(
        CommitmentMeasure(commitment=commitments[i % 3], measure=measure)
        for i, measure in enumerate(measures[::3])
    )
    link_council_papers(measures, fields)
    assert Measure.objects.count() == MEASURES
    return {"fields": fields, "commitments": commitments}


def link_council_papers(measures, fields):
    """Synthetic council papers (test data only), each with two consultations, linked to
    every fifth measure and to every field: the Ratsbezug sections must not grow either."""
    from council.models import AgendaItem, Consultation, Meeting, Organization, Paper
    from measures.models import CouncilPaperLink

    base = "http://oparl.test"
    committee = Organization.objects.create(oparl_id=f"{base}/o/1", name="Testausschuss")
    meeting = Meeting.objects.create(oparl_id=f"{base}/m/1", name="Testsitzung")
    item = AgendaItem.objects.create(oparl_id=f"{base}/a/1", meeting=meeting, result="beschlossen")
    papers = Paper.objects.bulk_create(
        Paper(oparl_id=f"{base}/p/{n}", reference=f"TEST/{n:04}", name=f"Testvorlage {n}")
        for n in range(20)
    )
    Consultation.objects.bulk_create(
        Consultation(
            oparl_id=f"{base}/c/{paper.pk}/{n}",
            paper=paper,
            meeting=meeting,
            agenda_item=item,
            organization=committee,
        )
        for paper in papers
        for n in range(2)
    )
    CouncilPaperLink.objects.bulk_create(
        [
            *(
                CouncilPaperLink(paper=papers[i % 20], measure=measure)
                for i, measure in enumerate(measures[::5])
            ),
            *(CouncilPaperLink(paper=papers[i], field=field) for i, field in enumerate(fields)),
        ]
    )


FILTERED = {
    "as_of": "2025-06-30",
    "since": "2025-01-01",
    "status": ["planned", "in_progress"],
    "district": "Nord",
    "unit": "test-einheit-0",
    "q": "Maßnahme",
    "sort": "changed",
}

# (url, query, maximum number of queries), whatever the number of measures. The list's
# filter form costs 4 of them (fields, units, commitments, districts for the selects).
# The Ratsbezug section (issue 15) costs 2 on the field page (papers, their consultations)
# and 2 in the report (links, papers; their consultations only where papers are linked).
LIMITS = [
    ("/de/massnahmen/", None, 7),
    ("/de/massnahmen/", {"page": "30", "sort": "status"}, 7),
    ("/de/massnahmen/", FILTERED, 9),
    ("/de/handlungsfelder/feld-3/", None, 8),
    ("/de/sachstand/", None, 9),
    ("/de/sachstand/", {"as_of": "2025-06-30", "since": "2025-01-01"}, 13),
    ("/de/sachstand/bericht/", None, 8),
    ("/de/sachstand/bericht/", {"as_of": "2025-06-30"}, 8),
    ("/de/selbstverpflichtungen/", None, 3),
    ("/de/selbstverpflichtungen/{commitment}/", None, 5),
    ("/de/", None, 8),
    ("/daten/massnahmen.csv", None, 2),
    ("/daten/massnahmen.csv", {"as_of": "2025-06-30", "field": "feld-2"}, 3),
    ("/daten/massnahmen.json", None, 2),
    ("/daten/sachstaende.csv", None, 2),
    ("/daten/handlungsfelder.csv", None, 4),
    ("/daten/selbstverpflichtungen.csv", None, 5),
    ("/daten/ratsbezug.csv", None, 3),
    ("/de/feeds/sachstaende/", None, 2),
    ("/sitemap.xml", None, 4),
]


def test_page_queries_do_not_grow_with_the_number_of_measures(
    client, big_catalogue, django_assert_max_num_queries
):
    commitment = Commitment.objects.first().slug
    for url, params, limit in LIMITS:
        with django_assert_max_num_queries(limit, info=f"{url} {params}"):
            response = client.get(url.format(commitment=commitment), params)
        assert response.status_code == 200, url


def test_the_big_catalogue_really_is_on_the_pages(client, big_catalogue):
    response = client.get("/de/sachstand/")
    html = response.content.decode()
    published = Measure.objects.published().count()
    assert f"{published} von 107 Maßnahmen erfasst" in html
    report = client.get("/de/sachstand/bericht/").content.decode()
    assert report.count('class="field-report"') == ActionField.objects.count()
    assert report.count('<th scope="row"><a href="/de/massnahmen/') == published
    csv_lines = client.get("/daten/massnahmen.csv").content.decode().strip().splitlines()
    assert len(csv_lines) == published + 1
