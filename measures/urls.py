from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("massnahmen/<str:code>/", views.MeasureDetailView.as_view(), name="detail"),
]
