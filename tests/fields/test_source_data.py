"""Every German text the portal ships as a quote stands verbatim in the sources."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from fields import source_data as concept_data
from measures import source_data as catalogue_data

# A copy of the public source texts travels with the code (fields/sources/), so
# these checks run from any clone; where the shared originals sit beside the
# repository, the copy must equal them.
SOURCES = Path(settings.BASE_DIR) / "fields" / "sources"
SHARED = Path(settings.BASE_DIR).parent / "shared" / "sources"


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def slides() -> str:
    return normalised((SOURCES / "integrationskonzept-2018.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def programme() -> str:
    return normalised((SOURCES / "eine-soziale-gemeinschaft.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def public_record() -> str:
    return normalised((SOURCES / "README.md").read_text(encoding="utf-8"))


def test_the_nine_field_names_are_quoted_from_the_slides_in_their_order(slides):
    names = [name for _number, _slug, name in concept_data.FIELDS]
    assert len(names) == 9
    positions = [slides.index(f"- {name}") for name in names]
    assert positions == sorted(positions)


def test_needs_and_measures_are_quoted_from_the_slides(slides):
    quoted = concept_data.NEEDS["wohnen-sozialplanung"] + [
        title for _field, _position, title in catalogue_data.MEASURES
    ]
    assert len(quoted) == 9
    for text in quoted:
        assert f"- {text}" in slides, text


def test_every_commitment_title_and_passage_is_quoted_from_the_programme(programme):
    assert len(catalogue_data.COMMITMENTS) == 11
    titles = [c["title"] for c in catalogue_data.COMMITMENTS]
    positions = [programme.index(f"• {title}") for title in titles]
    assert positions == sorted(positions), "commitments keep the programme's order"
    for commitment in catalogue_data.COMMITMENTS:
        assert normalised(commitment["passage"]) in programme, commitment["slug"]


def test_key_figures_quote_their_source_and_match_its_value(slides, programme):
    for figure in concept_data.KEY_FIGURES:
        text = slides if figure["document"] == concept_data.CONCEPT_SLUG else programme
        assert figure["source_quote"] in text, figure["slug"]
        number = figure["value"].replace(".", ",")
        if figure["slug"] == "einwohner":
            number = "250.000"
        assert number in figure["source_quote"], figure["slug"]


def test_funding_lines_are_quoted_from_the_slides(slides):
    for names in concept_data.FUNDING_LINES.values():
        for name in names:
            assert f"- {name}" in slides, name


def test_adoption_facts_match_the_public_record(public_record):
    concept = concept_data.DOCUMENTS[0]
    assert concept["council_reference"] in public_record
    assert concept["council_reference_title"] in public_record
    assert concept["adopted_on"].strftime("%d.%m.%Y") in public_record
    assert concept["document_date"].strftime("%d.%m.%Y") in public_record
    for date, body, _is_decision in concept_data.DELIBERATIONS:
        assert f"{date:%d.%m.%Y} {body}" in public_record, body
    for unit in concept_data.UNITS:
        assert unit["name"] in public_record, unit["name"]


def test_the_copy_of_the_sources_equals_the_shared_originals():
    names = sorted(path.name for path in SOURCES.iterdir())
    names.remove("COPY.md")
    assert names == ["README.md", "eine-soziale-gemeinschaft.txt", "integrationskonzept-2018.txt"]
    if not SHARED.exists():
        pytest.skip("the shared originals are not beside this clone")
    for name in names:
        assert (SOURCES / name).read_bytes() == (SHARED / name).read_bytes(), name
