"""WSGI entry point; production servers import `application` from here."""

import os

from django.core.wsgi import get_wsgi_application
from wagtail.images.utils import get_allowed_image_extensions

from resource_hub.core.codecs import defer_heif

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resource_hub.settings.production")

# A web worker decodes no HEIC photo: keep the codec out of its memory (core/codecs.py).
defer_heif(get_allowed_image_extensions())

application = get_wsgi_application()
