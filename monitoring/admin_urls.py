from django.urls import path

from .views import MonitoringView

app_name = "monitoring"
urlpatterns = [path("", MonitoringView.as_view(), name="index")]
