from django.urls import path

from . import views

app_name = "files"

urlpatterns = [
    path("<int:document_id>/download", views.download, name="download"),
    path("<int:document_id>/preview", views.preview, name="preview"),
    path("<int:document_id>/thumbnail", views.thumbnail, name="thumbnail"),
]
