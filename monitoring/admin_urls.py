from django.urls import path

from .follow_up import recheck
from .views import MonitoringView

app_name = "monitoring"
urlpatterns = [path("", MonitoringView.as_view(), name="index"),
               path("periksa-ulang/<int:pk>/", recheck, name="recheck")]
