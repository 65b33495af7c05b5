"""Writes with side effects on measures: loading, status reports, publishing.

The admin, the management commands and the tests all go through these
functions, so a measure's current status is always a copy of its latest
published status entry. Whether an entry is published is decided here, from
who writes it (``permissions.can_publish_status``): an author who may not
publish always writes a draft, whatever the caller asks.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from fields.models import ActionField, SourceDocument
from fields.services import LoadReport, translated, upsert_keeping_edits

from . import source_data
from .models import (
    Commitment,
    CommitmentField,
    CommitmentMeasure,
    CouncilPaperLink,
    LinkBasis,
    Measure,
    StatusEntry,
)
from .permissions import can_change_paper_link, can_publish_status
from .status import Status


def measure_code(field: ActionField, position: int) -> str:
    return f"{field.number}.{position}"


@transaction.atomic
def load_source_measures(*, report: LoadReport) -> None:
    """Load the 6 measures and the 11 commitments the sources name."""
    fields = {f.slug: f for f in ActionField.objects.all()}
    measures = {}
    for field_slug, position, title in source_data.MEASURES:
        field = fields[field_slug]
        code = measure_code(field, position)
        measures[code] = upsert_keeping_edits(
            Measure,
            lookup={"code": code},
            values={
                "field": field,
                "position": position,
                "is_published": True,
                **translated(title=title),
            },
            report=report,
        )

    programme = SourceDocument.objects.get(slug=source_data.COMMITMENTS_PROGRAMME)
    for position, data in enumerate(source_data.COMMITMENTS, start=1):
        commitment = upsert_keeping_edits(
            Commitment,
            lookup={"slug": data["slug"]},
            values={
                "programme": programme,
                "position": position,
                **translated(title=data["title"], passage=data["passage"]),
            },
            report=report,
        )
        if commitment is None:
            continue
        for field_slug in data["fields"]:
            upsert_keeping_edits(
                CommitmentField,
                lookup={"commitment": commitment, "field": fields[field_slug]},
                values={"basis": LinkBasis.EDITORIAL},
                report=report,
            )
        for code in data["measures"]:
            if measures.get(code) is not None:
                upsert_keeping_edits(
                    CommitmentMeasure,
                    lookup={"commitment": commitment, "measure": measures[code]},
                    values={"basis": LinkBasis.EDITORIAL},
                    report=report,
                )


def refresh_current_status(measure: Measure) -> None:
    """Copy the latest published status entry onto the measure (or reset it)."""
    latest = measure.status_entries.published().latest_first().first()
    if latest is None:
        status, progress, changed_on = Status.NO_REPORT, None, None
    else:
        status, progress, changed_on = latest.status, latest.progress, latest.reported_on
    if (measure.status, measure.progress, measure.status_changed_on) == (
        status,
        progress,
        changed_on,
    ):
        return
    measure.status, measure.progress, measure.status_changed_on = status, progress, changed_on
    # save() raises the version; callers hold the row lock (select_for_update).
    measure.save(update_fields=["status", "progress", "status_changed_on", "updated_at"])


def _may_publish(author: AbstractBaseUser | None) -> bool:
    """Whether entries written by ``author`` may be published.

    Without an author the write comes from the portal itself (the source
    loader, the catalogue import run on the command line without ``--user``),
    which publishes as asked.
    """
    return author is None or can_publish_status(author)


@transaction.atomic
def record_status(
    *,
    measure: Measure,
    reported_on: datetime.date,
    status: str,
    progress: int | None = None,
    public_notes: dict[str, str] | None = None,
    internal_note: str = "",
    author: AbstractBaseUser | None = None,
    publish: bool = False,
) -> StatusEntry:
    """Add a status entry to a measure; a published one becomes its current status.

    ``publish`` asks for a published entry; an author who may not publish
    gets a draft. ``public_notes`` maps language codes to the public note in
    that language. Invalid values (unknown status, progress outside 0–100) raise
    ``ValidationError`` and write nothing.
    """
    entry = StatusEntry(
        measure=measure,
        reported_on=reported_on,
        status=status,
        progress=progress,
        internal_note=internal_note,
        author=author,
        is_published=publish and _may_publish(author),
    )
    for language, note in (public_notes or {}).items():
        setattr(entry, f"public_note_{language.replace('-', '_')}", note)
    entry.full_clean()
    entry.save()
    refresh_current_status(Measure.objects.select_for_update().get(pk=measure.pk))
    return entry


@transaction.atomic
def save_status_entry(
    *,
    entry: StatusEntry,
    author: AbstractBaseUser | None = None,
) -> StatusEntry:
    """Save an entry edited in a form (new or changed) by ``author``; the measure's
    status follows.

    An author who may not publish (a Fachbereich editor) keeps the entry a
    draft and cannot change a published entry at all.
    """
    if not _may_publish(author):
        if entry.pk and StatusEntry.objects.filter(pk=entry.pk, is_published=True).exists():
            raise PermissionDenied("Only the Redaktion changes published status entries.")
        entry.is_published = False
    if entry.author_id is None and author is not None:
        entry.author = author
    entry.full_clean()
    entry.save()
    refresh_current_status(Measure.objects.select_for_update().get(pk=entry.measure_id))
    return entry


@transaction.atomic
def publish_status_entry(*, entry: StatusEntry) -> StatusEntry:
    """Publish a draft entry after review; the measure's status follows."""
    if not entry.is_published:
        entry.is_published = True
        entry.save(update_fields=["is_published"])
    refresh_current_status(Measure.objects.select_for_update().get(pk=entry.measure_id))
    return entry


@transaction.atomic
def delete_status_entry(*, entry: StatusEntry) -> None:
    measure_id = entry.measure_id
    entry.delete()
    refresh_current_status(Measure.objects.select_for_update().get(pk=measure_id))


@transaction.atomic
def set_measure_papers(
    *, measure: Measure, paper_ids: set[int], user: AbstractBaseUser | None = None
) -> bool:
    """Link exactly these council papers to ``measure``; returns whether anything changed.

    Without a user the write comes from the portal itself (the import on the
    command line); a user must be allowed to link papers to this measure.
    """
    links = list(measure.paper_links.all())
    current = {link.paper_id for link in links}
    if current == paper_ids:
        return False
    probe = CouncilPaperLink(measure=measure)
    if user is not None and not can_change_paper_link(user, probe):
        raise PermissionDenied("This user may not link council papers to this measure.")
    for link in links:
        if link.paper_id not in paper_ids:
            link._history_user = user
            link.delete()
    for paper_id in sorted(paper_ids - current):
        link = CouncilPaperLink(measure=measure, paper_id=paper_id)
        link.full_clean()
        link._history_user = user
        link.save()
    return True
