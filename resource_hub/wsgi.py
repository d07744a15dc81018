"""WSGI entry point; production servers import `application` from here."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.production")

application = get_wsgi_application()
