from django.urls import path

from aachen_portal.conditional import conditional_page
from measures import converters  # noqa: F401 - registers <measure_code:…>

from . import views

app_name = "measures"

urlpatterns = [
    path("massnahmen/", conditional_page(views.MeasureListView.as_view()), name="list"),
    path(
        "massnahmen/<measure_code:code>/",
        conditional_page(views.MeasureDetailView.as_view()),
        name="detail",
    ),
    path("sachstand/", conditional_page(views.DashboardView.as_view()), name="dashboard"),
    path("sachstand/bericht/", conditional_page(views.ReportView.as_view()), name="report"),
    path(
        "selbstverpflichtungen/",
        conditional_page(views.CommitmentListView.as_view()),
        name="commitments",
    ),
    path(
        "selbstverpflichtungen/<slug:slug>/",
        conditional_page(views.CommitmentDetailView.as_view()),
        name="commitment",
    ),
]
