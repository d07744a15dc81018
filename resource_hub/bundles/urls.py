"""Downloads of whole records and collections: ZIPs and IMS Common Cartridges.

Unprefixed, like /files/: machines' addresses, the same in every language.
"""

from django.urls import path

from . import views

app_name = "bundles"

urlpatterns = [
    path("records/<int:record_id>/files.zip", views.record_files, name="record_files"),
    path(
        "collections/<int:collection_id>/files.zip",
        views.collection_files,
        name="collection_files",
    ),
    path("events/<int:event_id>/files.zip", views.event_files, name="event_files"),
    path(
        "records/<int:record_id>/cartridge.imscc", views.record_cartridge, name="record_cartridge"
    ),
    path(
        "collections/<int:collection_id>/cartridge.imscc",
        views.collection_cartridge,
        name="collection_cartridge",
    ),
]
