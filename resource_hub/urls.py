from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from resource_hub.access.admin_views import KnownPagesChosenMultipleView
from resource_hub.core import views as core_views
from resource_hub.desk.views.admin_approval import RecordApprovalWorkflowActionView
from resource_hub.interop.oai.views import oai_pmh
from resource_hub.portal import browse as browse_views
from resource_hub.portal import robots, sitemaps
from resource_hub.records import views as record_views
from search import views as search_views

# Also a 503 while the database does not answer (core/views.server_error).
handler500 = "resource_hub.core.views.server_error"
# A host name the site does not serve gets a plain 400, not the layout (core/views.bad_request).
handler400 = "resource_hub.core.views.bad_request"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # For crawlers, at the root where they look (portal/sitemaps.py).
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Ahead of the admin's own: Wagtail's view names any page asked for (see the view).
    path(
        "admin/choose-page/chosen-multiple/",
        KnownPagesChosenMultipleView.as_view(),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    # Ahead of the admin's own: approving a record goes to its confirmation (see the view).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(RecordApprovalWorkflowActionView.as_view()),
        name="desk_admin_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("files/", include("resource_hub.files.urls")),
    path("records/", include("resource_hub.records.urls")),
    # A record's or a collection's files in one ZIP, and course packages (bundles/).
    path("bundles/", include("resource_hub.bundles.urls")),
    # A record's lasting address (records.selectors.record_stable_url): unprefixed, it
    # sends each visitor to the page in their language. Any key: the view refuses odd ones.
    path("r/<path:key>", record_views.record_stable_link, name="record_stable"),
    path("api/v1/", include("resource_hub.api.urls")),
    # OAI-PMH for harvesters (interop/oai): one address, the protocol's own.
    path("oai", oai_pmh, name="oai_pmh"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What people read is under a language prefix (/en/, /zh-hans/, /th/ ...), the
# default language included, so every page has one address per language and
# `/` redirects to the visitor's language (LocaleMiddleware: cookie, then
# Accept-Language, then LANGUAGE_CODE). Wagtail keeps one page tree
# (WAGTAIL_I18N_ENABLED is off): page.get_url() reverses `wagtail_serve` under
# the active language. Machines' URLs (admin, API, files, health) stay unprefixed.
urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("browse/", include(browse_views.urlpatterns)),
    # Which countries and institutions work together (resource_hub/network).
    path("network/", include("resource_hub.network.views")),
    path("desk/", include("resource_hub.desk.urls")),
    # Signing in and out, and passwords (Django's views, the site's e-mail and look).
    path("accounts/", include("resource_hub.notifications.auth_urls")),
    path("accounts/", include("resource_hub.notifications.urls")),  # landing, e-mail settings
    # Wagtail's page serving catches everything else, so it goes last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
