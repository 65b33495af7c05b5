from django.urls import path

from .models import URL_NAMES, Page
from .views import OperatorPageView

app_name = "operator_pages"

urlpatterns = [
    path(f"{slug}/", OperatorPageView.as_view(slug=slug), name=URL_NAMES[slug])
    for slug in Page.Slug
]
