from django.urls import path

from .views import PemenuhanEditView, PenilaianView

app_name = "penilaian"
urlpatterns = [
    path("", PenilaianView.as_view(), name="index"),
    path("<slug:code>/", PemenuhanEditView.as_view(), name="edit"),
]
