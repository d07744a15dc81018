"""/api/v1/: the JSON API (see docs/api/)."""

from django.urls import path

from resource_hub.files import api as files_api
from search import api as search_api

app_name = "api"

urlpatterns = [
    path("search", search_api.search_records, name="search"),
    path("search/suggest", search_api.suggest, name="search-suggest"),
    path("collections", files_api.collections, name="collections"),
    path("uploads", files_api.upload_list, name="uploads"),
    path("uploads/<uuid:upload_id>", files_api.upload_detail, name="upload"),
    path("uploads/<uuid:upload_id>/parts", files_api.upload_sign_parts, name="upload-parts"),
    path(
        "uploads/<uuid:upload_id>/parts/<int:number>",
        files_api.upload_part,
        name="upload-part",
    ),
    path("uploads/<uuid:upload_id>/complete", files_api.upload_complete, name="upload-complete"),
]
