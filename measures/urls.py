from django.urls import path

from measures import converters  # noqa: F401 - registers <measure_code:…>

from . import views

app_name = "measures"

urlpatterns = [
    path("massnahmen/", views.MeasureListView.as_view(), name="list"),
    path(
        "massnahmen/<measure_code:code>/",
        views.MeasureDetailView.as_view(),
        name="detail",
    ),
    path("sachstand/", views.DashboardView.as_view(), name="dashboard"),
    path("sachstand/bericht/", views.ReportView.as_view(), name="report"),
    path("sachstand/bericht.pdf", views.ReportPdfView.as_view(), name="report_pdf"),
    path(
        "selbstverpflichtungen/",
        views.CommitmentListView.as_view(),
        name="commitments",
    ),
    path(
        "selbstverpflichtungen/<slug:slug>/",
        views.CommitmentDetailView.as_view(),
        name="commitment",
    ),
    path("handlungsfelder/<slug:slug>/", views.FieldDetailView.as_view(), name="field"),
]
