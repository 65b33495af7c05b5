"""The status vocabulary, its labels and badge, who publishes a status, and
the progress per group (``measures/status.py``, ``measures/services.py``,
``MeasureQuerySet.progress_by``)."""

import datetime
import os
import subprocess
import sys

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.utils import translation

from measures import services
from measures.models import Measure, StatusEntry
from measures.progress import GroupProgress, ProgressSummary
from measures.status import Status, german_label
from tests.factories import ActionFieldFactory, CommitmentFactory, MeasureFactory

pytestmark = pytest.mark.django_db

JAN = datetime.date(2025, 1, 15)


# The vocabulary and its labels ----------------------------------------------------


def test_the_vocabulary_in_the_order_a_council_member_reads_it():
    assert Status.values == [
        "no_report",
        "planned",
        "preparing",
        "in_progress",
        "implemented",
        "established",
        "deferred",
        "dropped",
    ]


@pytest.mark.parametrize("language", ["de", "en", "ar", "zh-hans"])
def test_german_label_is_german_whatever_the_active_language(language):
    with translation.override(language):
        assert german_label("in_progress") == "in Umsetzung"
        assert german_label(Status.NO_REPORT) == "kein Sachstand gemeldet"


def test_the_interface_label_follows_the_active_language():
    with translation.override("en"):
        assert str(Status.IN_PROGRESS.label) != "in Umsetzung"


def render_badge(value) -> str:
    return Template("{% load status %}[{% status_badge value %}]").render(Context({"value": value}))


def test_the_status_badge_names_the_status_in_the_active_language():
    with translation.override("de"):
        assert render_badge("implemented") == (
            '[<span class="status status--implemented">'
            '<span class="status__mark" aria-hidden="true"></span>umgesetzt</span>]'
        )


def test_an_unknown_status_reads_as_no_report_in_the_badge():
    with translation.override("de"):
        assert render_badge("<script>") == (
            '[<span class="status status--no_report">'
            '<span class="status__mark" aria-hidden="true"></span>kein Sachstand gemeldet</span>]'
        )


def test_the_vocabulary_and_the_progress_rule_need_no_models():
    """status.py and progress.py load before any model does: no import circle."""
    code = "import measures.status, measures.progress"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr


# Who publishes: the service decides from the author ---------------------------------


def test_save_status_entry_keeps_a_fachbereich_authors_entry_a_draft(fachbereich, own_measure):
    entry = StatusEntry(
        measure=own_measure, reported_on=JAN, status=Status.IMPLEMENTED, is_published=True
    )
    services.save_status_entry(entry=entry, author=fachbereich)
    entry.refresh_from_db()
    own_measure.refresh_from_db()
    assert entry.is_published is False
    assert own_measure.status == Status.NO_REPORT


def test_record_status_keeps_a_fachbereich_authors_entry_a_draft_even_if_publishing_is_asked(
    fachbereich, own_measure
):
    entry = services.record_status(
        measure=own_measure,
        reported_on=JAN,
        status=Status.IMPLEMENTED,
        author=fachbereich,
        publish=True,
    )
    entry.refresh_from_db()
    own_measure.refresh_from_db()
    assert entry.is_published is False
    assert own_measure.status == Status.NO_REPORT


def test_a_fachbereich_author_cannot_change_a_published_entry_through_the_service(
    fachbereich, own_measure
):
    entry = services.record_status(
        measure=own_measure, reported_on=JAN, status=Status.PLANNED, publish=True
    )
    entry.status = Status.DROPPED
    with pytest.raises(PermissionDenied):
        services.save_status_entry(entry=entry, author=fachbereich)
    entry.refresh_from_db()
    assert entry.status == Status.PLANNED


def test_an_inactive_redaktion_account_only_writes_drafts(redaktion, own_measure):
    redaktion.is_active = False
    redaktion.save()
    entry = services.record_status(
        measure=own_measure, reported_on=JAN, status=Status.PLANNED, author=redaktion, publish=True
    )
    assert entry.is_published is False


def test_the_redaktion_publishes_when_it_asks_to(redaktion, own_measure):
    entry = services.record_status(
        measure=own_measure, reported_on=JAN, status=Status.PLANNED, author=redaktion, publish=True
    )
    own_measure.refresh_from_db()
    assert entry.is_published is True
    assert own_measure.status == Status.PLANNED


def test_the_redaktion_can_still_save_a_draft(redaktion, own_measure):
    entry = services.record_status(
        measure=own_measure, reported_on=JAN, status=Status.PLANNED, author=redaktion
    )
    assert entry.is_published is False


def test_the_portal_itself_publishes_as_asked(own_measure):
    """No author: the source loader or the command-line import without --user."""
    entry = services.record_status(
        measure=own_measure, reported_on=JAN, status=Status.PLANNED, publish=True
    )
    assert entry.is_published is True


# Progress per group ---------------------------------------------------------------------


def test_progress_by_names_the_summary_and_the_counts_per_status():
    field = ActionFieldFactory()
    measure = MeasureFactory(field=field)
    MeasureFactory(field=field)
    services.record_status(
        measure=measure, reported_on=JAN, status=Status.IN_PROGRESS, progress=40, publish=True
    )
    progress = Measure.objects.published().progress_by("field")[field.pk]
    assert progress.summary == ProgressSummary(total=2, reported=1, with_progress=1, average=40.0)
    assert progress.counts[Status.IN_PROGRESS] == 1
    assert progress.counts[Status.NO_REPORT] == 1


def test_a_group_without_measures_reads_as_empty_progress():
    commitment = CommitmentFactory()
    progress = Measure.objects.published().progress_by("commitments")[commitment.pk]
    assert progress == GroupProgress()
    assert progress.summary.total == 0
    assert progress.counts.get(Status.PLANNED, 0) == 0
