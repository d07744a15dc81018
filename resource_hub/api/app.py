"""The one NinjaAPI behind /api/v1/: routers from each app, one auth, one error shape.

Each domain app keeps its endpoints beside its services (search/api.py,
files/api.py, records/api.py, …) as a ninja `Router`; this module gathers
them, so it sits at the top of the import layers (.importlinter). The
OpenAPI 3.1 document is generated from the code at /api/v1/openapi.json and
drawn at /api/v1/docs from the site's own static files (no CDN: the
Content-Security-Policy stays strict).
"""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.constants import NOT_SET
from ninja.openapi.docs import Swagger

from resource_hub.files.api import router as files_router
from search.api import router as search_router

from .auth import anonymous
from .endpoints import record_writes  # noqa: F401 - adds the writes to the records router
from .endpoints.catalogue import router as catalogue_router
from .endpoints.cooperation import router as cooperation_router
from .endpoints.events import router as events_router
from .endpoints.records import router as records_router
from .endpoints.reports import router as reports_router
from .errors import install_error_handlers
from .throttling import throttles


class ResourceHubApi(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        # Answers depend on who asks: no shared cache may keep them. Reads that
        # can be revalidated (ETag) set their own Cache-Control.
        if "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        return response

    def get_openapi_schema(self, **kwargs):
        """ninja's document, saying also which operations need no credentials at all.

        OpenAPI writes "anonymous allowed" as an empty security requirement
        ({}); ninja lists only the schemes, so the public operations (those
        whose auth ends with `auth.anonymous`) get the {} added here.
        """
        schema = super().get_openapi_schema(**kwargs)
        public = {
            self.get_openapi_operation_id(operation)
            for _prefix, router in self._routers
            for view in router.path_operations.values()
            for operation in view.operations
            if anonymous in _auth_of(operation, router)
        }
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                if operation.get("operationId") in public and {} not in operation["security"]:
                    operation["security"].append({})
        return schema


def _auth_of(operation, router) -> list:
    """An operation's own auth, else its router's (ninja binds that only when serving)."""
    own = operation.auth_param
    if own is NOT_SET:
        own = router.auth
    return list(own) if isinstance(own, list | tuple) else [own]


api = ResourceHubApi(
    title="Resource Hub API",
    version="1",
    description=str(
        _(
            "Teaching materials and achievements of Chinese and ASEAN institutions: "
            "search, read, deposit and review records. Guide: docs/api/ in the source."
        )
    ),
    urls_namespace="api",
    throttle=throttles(),
    docs=Swagger(settings={"persistAuthorization": True}),
)
install_error_handlers(api)

api.add_router("", search_router)
api.add_router("", files_router)
api.add_router("", records_router)
api.add_router("", catalogue_router)
api.add_router("", events_router)
api.add_router("", cooperation_router)
api.add_router("", reports_router)
