"""The open-data page and the feeds, under each language prefix (feeds: GET and HEAD only)."""

from django.urls import path
from django.views.decorators.http import require_safe

from measures import converters  # noqa: F401 - registers <measure_code:…>

from . import feeds, views

app_name = "opendata"

urlpatterns = [
    path("offene-daten/", views.OpenDataView.as_view(), name="index"),
    path("feeds/sachstaende/", require_safe(feeds.StatusFeed()), name="feed"),
    path(
        "feeds/handlungsfelder/<slug:slug>/",
        require_safe(feeds.FieldStatusFeed()),
        name="field_feed",
    ),
    path(
        "feeds/massnahmen/<measure_code:code>/",
        require_safe(feeds.MeasureStatusFeed()),
        name="measure_feed",
    ),
]
