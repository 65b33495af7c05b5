"""One display rule for translated text, on every surface that shows it.

An outdated translation (made from a German text that has since changed) is
never shown: pages, feeds, filter choices, chart labels and ``<title>`` all
show the current German text instead.
"""

import pytest
from django.utils import translation

from tests.conftest import record
from tests.factories import ActionFieldFactory, CommitmentFactory, MeasureFactory
from translations.display import shown
from translations.provenance import TranslationState

pytestmark = pytest.mark.django_db


def outdate(obj, field_name: str, new_german: str):
    """Change the German text after the English translation was made from it."""
    setattr(obj, f"{field_name}_de", new_german)
    obj.save()
    return obj


@pytest.fixture
def field():
    field = ActionFieldFactory(name_de="Wohnen alt", name_en="Housing (old)")
    return outdate(field, "name", "Wohnen neu")


@pytest.fixture
def measure(field):
    measure = MeasureFactory(field=field, title_de="Titel alt", title_en="Old title")
    outdate(measure, "title", "Titel neu")
    record(measure, measure.created_at.date(), "planned")
    return measure


def test_shown_gives_the_german_text_language_and_state_for_an_outdated_translation(field):
    text = shown(field, "name", "en")
    assert (text.text, text.language, text.state) == ("Wohnen neu", "de", TranslationState.OUTDATED)
    assert text.is_fallback


def test_shown_gives_a_current_machine_translation_marked_as_such():
    field = ActionFieldFactory(name_de="Bildung", name_en="Education")
    text = shown(field, "name", "en")
    assert (text.text, text.language, text.is_machine_translation) == ("Education", "en", True)


def test_shown_never_gives_an_empty_text():
    field = ActionFieldFactory(name_de="", name_tr="Eğitim")
    assert (shown(field, "name", "en").text, shown(field, "name", "en").language) == (
        "Eğitim",
        "tr",
    )


def test_feed_shows_the_german_title_when_the_translation_is_outdated(client, measure):
    body = client.get("/en/feeds/sachstaende/").content.decode()
    assert "Titel neu" in body
    assert "Old title" not in body


def test_field_feed_title_shows_the_german_name_when_the_translation_is_outdated(client, field):
    body = client.get(f"/en/feeds/handlungsfelder/{field.slug}/").content.decode()
    assert "Wohnen neu" in body
    assert "Housing (old)" not in body


def test_filter_choices_show_the_german_name_when_the_translation_is_outdated(client, measure):
    body = client.get("/en/massnahmen/").content.decode()
    assert "Wohnen neu" in body
    assert "Housing (old)" not in body


def test_dashboard_chart_labels_show_the_german_name_when_the_translation_is_outdated(
    client, measure
):
    body = client.get("/en/sachstand/").content.decode()
    assert "Housing (old)" not in body


def test_commitment_title_element_follows_the_display_rule(client):
    commitment = CommitmentFactory(title_de="Verpflichtung alt", title_en="Old commitment")
    outdate(commitment, "title", "Verpflichtung neu")
    with translation.override("en"):
        url = commitment.get_absolute_url()
    body = client.get(url).content.decode()
    title = body.split("<title>")[1].split("</title>")[0]
    assert "Verpflichtung neu" in title
    assert "Old commitment" not in body
