"""Atom feeds of published status changes: all, per Handlungsfeld, per measure.

Only published entries of published measures appear, newest published first;
internal notes and drafts never do. Titles and notes follow the display rule
(``translations.display``): an outdated or missing translation shows German.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fields.models import ActionField
from measures.models import Measure, StatusEntry
from translations.display import shown_text
from translations.provenance import ProvenanceLookup
from translations.text import xml_safe

FEED_LENGTH = 50


@dataclass(frozen=True)
class FeedItem:
    """One status entry as the feed shows it, its texts chosen by the display rule."""

    entry: StatusEntry
    title: str
    description: str


def feed_item(entry: StatusEntry, lookup: ProvenanceLookup) -> FeedItem:
    status = entry.get_status_display()
    if entry.progress is not None:
        status = _("%(status)s, %(progress)s %%") % {"status": status, "progress": entry.progress}
    title = f"{entry.measure.code} {shown_text(entry.measure, 'title', lookup=lookup)}: {status}"
    date = _("Stand vom %(date)s") % {"date": date_format(entry.reported_on, "DATE_FORMAT")}
    note = shown_text(entry, "public_note", lookup=lookup)
    return FeedItem(entry, title, f"{date}. {note}" if note else f"{date}.")


def _xml_safe_values(values: dict) -> dict:
    return {
        key: [xml_safe(v) for v in value] if isinstance(value, list | tuple) else xml_safe(value)
        for key, value in values.items()
    }


class XmlSafeAtomFeed(Atom1Feed):
    """Atom that never fails on stored text: characters XML cannot carry are dropped
    (rows stored before the input rule, ``translations.text.clean_text``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = _xml_safe_values(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = _xml_safe_values(self.items[-1])


class StatusFeed(Feed):
    feed_type = XmlSafeAtomFeed

    def title(self, obj):
        return _("Integrationsportal Aachen: neue Sachstände")

    def subtitle(self, obj):
        return _("Veröffentlichte Sachstandsmeldungen zu den Maßnahmen des Integrationskonzepts.")

    def link(self, obj):
        return reverse("measures:dashboard")

    def entries(self, obj):
        return StatusEntry.objects.public()

    def items(self, obj):
        lookup = ProvenanceLookup()
        entries = self.entries(obj).recent_first().select_related("measure")[:FEED_LENGTH]
        return [feed_item(entry, lookup) for entry in entries]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return f"{item.entry.measure.get_absolute_url()}#sachstand-{item.entry.public_id}"

    def item_pubdate(self, item):
        return item.entry.published_at or item.entry.created_at

    def item_updateddate(self, item):
        return item.entry.published_at or item.entry.created_at


class FieldStatusFeed(StatusFeed):
    def get_object(self, request, slug):
        return get_object_or_404(ActionField, slug=slug)

    def title(self, obj):
        return _("Neue Sachstände im Handlungsfeld %(field)s") % {"field": obj.label()}

    def link(self, obj):
        return obj.get_absolute_url()

    def entries(self, obj):
        return StatusEntry.objects.public().filter(measure__field=obj)


class MeasureStatusFeed(StatusFeed):
    def get_object(self, request, code):
        return get_object_or_404(Measure.objects.published(), code=code)

    def title(self, obj):
        return _("Neue Sachstände der Maßnahme %(measure)s") % {
            "measure": f"{obj.code} {shown_text(obj, 'title')}"
        }

    def link(self, obj):
        return obj.get_absolute_url()

    def entries(self, obj):
        return StatusEntry.objects.public().filter(measure=obj)
