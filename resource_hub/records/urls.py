from django.urls import path

from . import views

# "records" is taken by the admin viewset (records/admin).
app_name = "record_exports"

urlpatterns = [
    path(
        "<int:record_id>/export/<slug:export_format>",
        views.record_export,
        name="export",
    ),
]
