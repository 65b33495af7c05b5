from django.urls import path

from . import views

app_name = "fields"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("quellen/", views.SourcesView.as_view(), name="sources"),
    path(
        "handlungsfelder/<slug:slug>/",
        views.FieldDetailView.as_view(),
        name="detail",
    ),
]
