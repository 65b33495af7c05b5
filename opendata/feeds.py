"""Atom feeds of published status changes: all, per Handlungsfeld, per measure.

Only published entries of published measures appear, newest published first;
internal notes and drafts never do.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fields.models import ActionField
from measures.models import Measure, StatusEntry

FEED_LENGTH = 50


class StatusFeed(Feed):
    feed_type = Atom1Feed

    def title(self, obj):
        return _("Integrationsportal Aachen: neue Sachstände")

    def subtitle(self, obj):
        return _("Veröffentlichte Sachstandsmeldungen zu den Maßnahmen des Integrationskonzepts.")

    def link(self, obj):
        return reverse("measures:dashboard")

    def entries(self, obj):
        return StatusEntry.objects.public()

    def items(self, obj):
        return self.entries(obj).recent_first().select_related("measure")[:FEED_LENGTH]

    def item_title(self, item):
        status = item.get_status_display()
        if item.progress is not None:
            status = _("%(status)s, %(progress)s %%") % {
                "status": status,
                "progress": item.progress,
            }
        return f"{item.measure.code} {item.measure.title}: {status}"

    def item_description(self, item):
        date = _("Stand vom %(date)s") % {"date": date_format(item.reported_on, "DATE_FORMAT")}
        return f"{date}. {item.public_note}" if item.public_note else f"{date}."

    def item_link(self, item):
        return f"{item.measure.get_absolute_url()}#sachstand-{item.pk}"

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.published_at or item.created_at


class FieldStatusFeed(StatusFeed):
    def get_object(self, request, slug):
        return get_object_or_404(ActionField, slug=slug)

    def title(self, obj):
        return _("Neue Sachstände im Handlungsfeld %(field)s") % {"field": obj}

    def link(self, obj):
        return obj.get_absolute_url()

    def entries(self, obj):
        return StatusEntry.objects.public().filter(measure__field=obj)


class MeasureStatusFeed(StatusFeed):
    def get_object(self, request, code):
        return get_object_or_404(Measure.objects.published(), code=code)

    def title(self, obj):
        return _("Neue Sachstände der Maßnahme %(measure)s") % {"measure": obj}

    def link(self, obj):
        return obj.get_absolute_url()

    def entries(self, obj):
        return StatusEntry.objects.public().filter(measure=obj)
