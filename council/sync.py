"""Sync the council's papers from an OParl 1.1 system into the portal's tables.

``sync_council`` walks System → Body → the body's lists of organizations,
meetings (with their agenda items) and papers (with their consultations).
Each list is walked page by page; after every page its objects and the
position (the next page's URL, ``SyncState``) are saved in one transaction,
so an interrupted run resumes at the page it did not finish. After a full
pass the next run asks only for what changed since that pass began
(``modified_since``). Objects are compared before they are written, so a
second run over unchanged data changes nothing.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import AgendaItem, Consultation, Meeting, Organization, Paper, SyncState
from .oparl import INVALID_URL, OParlClient, OParlError

# Sent as modified_since: the start of the last full pass, less a margin for clocks
# that differ between the council system and the portal (a re-read object is unchanged).
CLOCK_MARGIN = datetime.timedelta(hours=1)
URL_FIELDS = [
    "oparl_id",
    "web",
    "main_file_url",
    "meeting_url",
    "agenda_item_url",
    "organization_url",
]

KINDS = {
    Organization: "organization",
    Meeting: "meeting",
    AgendaItem: "agenda_item",
    Paper: "paper",
    Consultation: "consultation",
}

# Reasons for skipping an object, as printed in the summary.
SKIP_NO_ID = "no id"
SKIP_WRONG_TYPE = "unexpected type"
SKIP_DELETED_UNKNOWN = "deleted before it was ever synced"
SKIP_UNREADABLE = "could not be fetched"
SKIP_INVALID = "invalid values"


@dataclass
class SyncReport:
    fetched: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    marked_deleted: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # by (kind, reason)
    quirks: Counter = field(default_factory=Counter)
    pages: int = 0
    requests: int = 0
    resumed_lists: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.created.values()) + sum(self.updated.values())) or bool(
            sum(self.marked_deleted.values())
        )

    def lines(self) -> list[str]:
        kinds = list(KINDS.values())
        lines = [
            f"pages: {self.pages}, requests: {self.requests}, lists resumed: {self.resumed_lists}"
        ]
        for kind in kinds:
            lines.append(
                f"{kind}: fetched {self.fetched[kind]}, created {self.created[kind]}, "
                f"updated {self.updated[kind]}, unchanged {self.unchanged[kind]}, "
                f"marked deleted {self.marked_deleted[kind]}"
            )
        fetched = sum(self.fetched.values())
        created = sum(self.created.values())
        updated = sum(self.updated.values())
        skipped = sum(self.skipped.values())
        lines.append(
            f"total: fetched {fetched}, created {created}, updated {updated}, "
            f"marked deleted {sum(self.marked_deleted.values())}, skipped {skipped}"
        )
        for (kind, reason), count in sorted(self.skipped.items()):
            lines.append(f"skipped {kind} ({reason}): {count}")
        for quirk, count in sorted(self.quirks.items()):
            lines.append(f"tolerated ({quirk}): {count}")
        return lines


def is_type(item: dict, name: str) -> bool:
    """OParl types are URLs ending in the type's name (1.0 and 1.1 alike)."""
    kind = item.get("type")
    return not kind or str(kind).rstrip("/").rsplit("/", 1)[-1] == name


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value, limit: int) -> str:
    """A text as shown: control characters (read tolerantly, see ``oparl``) become spaces."""
    if value is None:
        return ""
    return CONTROL_CHARACTERS.sub(" ", str(value)).strip()[:limit]


def web_url(value, client: OParlClient) -> str:
    """A link shown to residents: only http(s); anything else (``javascript:``…) is dropped."""
    url = text(value, 500)
    if url and not url.lower().startswith(("http://", "https://")):
        client.quirks[INVALID_URL] += 1
        return ""
    return url


def url_of(value) -> str:
    """A reference: either the URL itself or an embedded object with its ``id``."""
    if isinstance(value, dict):
        return text(value.get("accessUrl") or value.get("id"), 2000)
    return text(value, 2000)


class Sync:
    def __init__(self, *, client: OParlClient, report: SyncReport, since=None):
        self.client = client
        self.report = report
        self.since = since

    # Writing --------------------------------------------------------------

    def upsert(self, model, item: dict, values: dict):
        """Create, update or leave an object by its OParl id; ``None`` if skipped."""
        kind = KINDS[model]
        self.report.fetched[kind] += 1
        oparl_id = text(item.get("id"), 500)
        if not oparl_id:
            self.report.skipped[(kind, SKIP_NO_ID)] += 1
            return None
        existing = model.objects.filter(oparl_id=oparl_id).first()
        if item.get("deleted") is True:
            if existing is None:
                self.report.skipped[(kind, SKIP_DELETED_UNKNOWN)] += 1
            elif not existing.deleted:
                existing.deleted = True
                existing.modified = self.client.parse_datetime(item.get("modified"))
                existing.save()
                self.report.marked_deleted[kind] += 1
            else:
                self.report.unchanged[kind] += 1
            return None
        values = {
            **values,
            "modified": self.client.parse_datetime(item.get("modified")),
            "deleted": False,
        }
        obj = existing or model(oparl_id=oparl_id)
        changed = {name for name, value in values.items() if getattr(obj, name, None) != value}
        if existing is not None and not changed:
            self.report.unchanged[kind] += 1
            return existing
        for name, value in values.items():
            setattr(obj, name, value)
        try:
            # URLs are kept as the server sends them (an intranet host name has no TLD).
            obj.full_clean(exclude=URL_FIELDS, validate_unique=False)
        except ValidationError:
            self.report.skipped[(kind, SKIP_INVALID)] += 1
            return existing
        obj.save()
        if existing is None:
            self.report.created[kind] += 1
        else:
            self.report.updated[kind] += 1
        return obj

    def organization(self, item: dict) -> None:
        if not is_type(item, "Organization"):
            self.report.skipped[("organization", SKIP_WRONG_TYPE)] += 1
            return
        self.upsert(
            Organization,
            item,
            {"name": text(item.get("name"), 500), "short_name": text(item.get("shortName"), 200)},
        )

    def meeting(self, item: dict) -> None:
        if not is_type(item, "Meeting"):
            self.report.skipped[("meeting", SKIP_WRONG_TYPE)] += 1
            return
        meeting = self.upsert(
            Meeting,
            item,
            {
                "name": text(item.get("name"), 500),
                "start": self.client.parse_datetime(item.get("start")),
                "cancelled": item.get("cancelled") is True,
                "web": web_url(item.get("web"), self.client),
            },
        )
        for agenda_item in self.client.as_list(item.get("agendaItem")):
            if isinstance(agenda_item, str):
                agenda_item = self.fetch(agenda_item, "agenda_item")
            if isinstance(agenda_item, dict):
                self.agenda_item(agenda_item, meeting)
        self.client.as_list(item.get("auxiliaryFile"))

    def agenda_item(self, item: dict, meeting: Meeting | None = None) -> None:
        if meeting is None:
            meeting = Meeting.objects.filter(oparl_id=text(item.get("meeting"), 500)).first()
        self.upsert(
            AgendaItem,
            item,
            {
                "meeting": meeting,
                "number": text(item.get("number"), 50),
                "name": text(item.get("name"), 10000),
                "result": text(item.get("result"), 500),
            },
        )
        self.client.as_list(item.get("auxiliaryFile"))

    def paper(self, item: dict) -> None:
        if not is_type(item, "Paper"):
            self.report.skipped[("paper", SKIP_WRONG_TYPE)] += 1
            return
        paper = self.upsert(
            Paper,
            item,
            {
                "reference": text(item.get("reference"), 200),
                "name": text(item.get("name"), 10000),
                "date": self.client.parse_date(item.get("date")),
                "paper_type": text(item.get("paperType"), 200),
                "web": web_url(item.get("web"), self.client),
                "main_file_url": web_url(url_of(item.get("mainFile")), self.client),
            },
        )
        self.client.as_list(item.get("auxiliaryFile"))
        if paper is None:
            return
        for consultation in self.client.as_list(item.get("consultation")):
            if isinstance(consultation, str):
                consultation = self.fetch(consultation, "consultation")
            if isinstance(consultation, dict):
                self.consultation(consultation, paper)

    def consultation(self, item: dict, paper: Paper) -> None:
        organizations = [url_of(o) for o in self.client.as_list(item.get("organization"))]
        meeting_url = url_of(item.get("meeting"))[:500]
        agenda_item_url = url_of(item.get("agendaItem"))[:500]
        organization_url = (organizations[0] if organizations else "")[:500]
        self.upsert(
            Consultation,
            item,
            {
                "paper": paper,
                "meeting_url": meeting_url,
                "agenda_item_url": agenda_item_url,
                "organization_url": organization_url,
                "meeting": Meeting.objects.filter(oparl_id=meeting_url).first()
                if meeting_url
                else None,
                "agenda_item": AgendaItem.objects.filter(oparl_id=agenda_item_url).first()
                if agenda_item_url
                else None,
                "organization": Organization.objects.filter(oparl_id=organization_url).first()
                if organization_url
                else None,
                "role": text(item.get("role"), 200),
                "authoritative": item.get("authoritative") is True,
            },
        )

    def fetch(self, url: str, kind: str) -> dict | None:
        """An object referenced by URL instead of embedded; ``None`` if it cannot be read."""
        try:
            return self.client.get(url)
        except OParlError:
            self.report.skipped[(kind, SKIP_UNREADABLE)] += 1
            return None

    # Walking the lists ----------------------------------------------------

    def walk(self, list_url: str, handle) -> None:
        """All pages of one list, resuming where an interrupted run stopped."""
        state, _ = SyncState.objects.get_or_create(list_url=list_url)
        params = None
        if state.next_url:
            url = state.next_url
            self.report.resumed_lists += 1
        else:
            url = list_url
            state.started_at = timezone.now()
            state.save(update_fields=["started_at"])
            since = self.since or (state.completed_at and state.completed_at - CLOCK_MARGIN)
            if since is not None:
                params = {"modified_since": since.isoformat(timespec="seconds")}
        for page in self.client.pages(url, params):
            with transaction.atomic():
                for item in page.items:
                    if isinstance(item, dict):
                        handle(item)
                state.next_url = page.next_url or ""
                state.save(update_fields=["next_url"])
            self.report.pages += 1
        state.next_url = ""
        state.completed_at = state.started_at
        state.save(update_fields=["next_url", "completed_at"])

    def run(self, system_url: str) -> None:
        system = self.client.get(system_url)
        bodies = []
        body_list = system.get("body")
        if isinstance(body_list, str):
            for page in self.client.pages(body_list):
                bodies.extend(page.items)
        else:
            bodies = self.client.as_list(body_list)
        for body in bodies:
            if isinstance(body, str):
                body = self.client.get(body)
            for key, handle in (
                ("organization", self.organization),
                ("meeting", self.meeting),
                ("paper", self.paper),
            ):
                if isinstance(body.get(key), str):
                    self.walk(body[key], handle)
        self.link_pending_references()

    def link_pending_references(self) -> None:
        """Link consultations to the meeting, agenda item and organization they name.

        What the lists did not bring (a server that does not embed agenda items
        in meetings, a committee missing from the organization list) is fetched
        by its URL, once per run.
        """
        tried: set[str] = set()
        for model, url_name, fk, kind, handle in (
            (Meeting, "meeting_url", "meeting", "meeting", self.meeting),
            (AgendaItem, "agenda_item_url", "agenda_item", "agenda_item", self.agenda_item),
            (Organization, "organization_url", "organization", "organization", self.organization),
        ):
            pending = Consultation.objects.filter(**{f"{fk}__isnull": True}).exclude(
                **{url_name: ""}
            )
            for consultation in pending:
                url = getattr(consultation, url_name)
                target = model.objects.filter(oparl_id=url).first()
                if target is None and url not in tried:
                    tried.add(url)
                    item = self.fetch(url, kind)
                    if isinstance(item, dict):
                        with transaction.atomic():
                            handle(item)
                    target = model.objects.filter(oparl_id=url).first()
                if target is not None:
                    setattr(consultation, fk, target)
                    consultation.save(update_fields=[fk])


def sync_council(
    *, system_url: str, since: datetime.datetime | None = None, client: OParlClient
) -> SyncReport:
    """Sync everything the system publishes; raises ``OParlError`` if a list stays unreadable.

    The report holds what was done up to the error; the next run resumes.
    """
    report = SyncReport()
    try:
        Sync(client=client, report=report, since=since).run(system_url)
    except OParlError as error:
        error.report = report
        raise
    finally:
        report.quirks.update(client.quirks)
        report.requests = client.requests
    return report
