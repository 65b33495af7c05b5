"""The open-data page and the feeds, under each language prefix."""

from django.urls import path

from measures import converters  # noqa: F401 - registers <measure_code:…>

from . import feeds, views

app_name = "opendata"

urlpatterns = [
    path("offene-daten/", views.OpenDataView.as_view(), name="index"),
    path("feeds/sachstaende/", feeds.StatusFeed(), name="feed"),
    path(
        "feeds/handlungsfelder/<slug:slug>/",
        feeds.FieldStatusFeed(),
        name="field_feed",
    ),
    path(
        "feeds/massnahmen/<measure_code:code>/",
        feeds.MeasureStatusFeed(),
        name="measure_feed",
    ),
]
