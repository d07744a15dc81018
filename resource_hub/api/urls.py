"""/api/v1/: the JSON API (see docs/api/)."""

from .app import api

urlpatterns = [*api.urls[0]]
app_name = "api"
