"""The open-data page and the feeds, under each language prefix."""

from django.urls import path

from aachen_portal.conditional import conditional_page
from measures import converters  # noqa: F401 - registers <measure_code:…>

from . import feeds, views

app_name = "opendata"

urlpatterns = [
    path("offene-daten/", conditional_page(views.OpenDataView.as_view()), name="index"),
    path("feeds/sachstaende/", conditional_page(feeds.StatusFeed()), name="feed"),
    path(
        "feeds/handlungsfelder/<slug:slug>/",
        conditional_page(feeds.FieldStatusFeed()),
        name="field_feed",
    ),
    path(
        "feeds/massnahmen/<measure_code:code>/",
        conditional_page(feeds.MeasureStatusFeed()),
        name="measure_feed",
    ),
]
