from django.urls import path

from aachen_portal.conditional import conditional_page

from . import views

app_name = "fields"

urlpatterns = [
    path("", conditional_page(views.HomeView.as_view()), name="home"),
    path("quellen/", conditional_page(views.SourcesView.as_view()), name="sources"),
    path(
        "handlungsfelder/<slug:slug>/",
        conditional_page(views.FieldDetailView.as_view()),
        name="detail",
    ),
]
