"""Content-Security-Policy (django-csp 4): what a page may load, run and be framed by.

Two policies, both sent by `resource_hub.core.security_policy.ContentSecurityPolicyMiddleware`:

- the public site's (CONTENT_SECURITY_POLICY): scripts and styles from our own
  origin, or inline only with the request's nonce (`request.csp_nonce`); no
  page of ours may be framed, except a file preview by our record page
  (`files.views.preview`);
- the Wagtail admin's (ADMIN_CONTENT_SECURITY_POLICY), for every path under
  the admin: the tightest that Wagtail 8 works under, see below.

The object store's origin is added to both at request time, from
STORAGES["default"], to the directives in OBJECT_STORE_DIRECTIVES: downloads,
thumbnails and previews redirect to signed URLs there, and uploads go from the
browser straight to it.
"""

from csp.constants import NONCE, NONE, SELF

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],  # audio and video previews (signed URLs: the store)
        "frame-src": [SELF],  # the PDF preview <iframe> (signed URLs: the store)
        "connect-src": [SELF],  # search suggestions, the upload API (parts: the store)
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Wagtail 8's admin renders inline <script> elements that carry no nonce and
# cannot: InlinePanel and MultipleChooserPanel start their JavaScript inline,
# and so do the date and time widgets (the publishing schedule on every page
# editor), whose templates are rendered by the form renderer without the
# request. Without 'unsafe-inline' a record's editor has nine scripts blocked
# and its "Add creator" button does nothing (tests/e2e/test_admin_pages.py
# shows it works; the dashboard and listings need no inline script). Hence
# 'unsafe-inline' for scripts, and no nonce in script-src, since a browser
# ignores 'unsafe-inline' where a nonce is given. Everything else
# stays as strict as the public site: no 'unsafe-eval' (the admin's scripts
# run without it), no inline style blocks or attributes (Wagtail sets styles
# through the CSSOM, which CSP allows), no plugins, no other hosts. The admin
# frames itself (the page editor's live preview), so frame-ancestors is 'self'.
# The multiple-image upload previews files from blob: URLs (load-image).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF],
        "frame-src": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Where the object store's origin is added, in both policies.
OBJECT_STORE_DIRECTIVES = ("img-src", "media-src", "frame-src", "connect-src")
