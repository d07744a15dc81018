from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("notifications/", views.preferences, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
