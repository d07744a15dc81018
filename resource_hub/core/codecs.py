"""The HEIF/HEIC image codec (pillow-heif), loaded where images are decoded, not in web workers.

Willow, Wagtail's image library, imports pillow-heif when Wagtail's apps load,
and with it libheif, libde265 and x265: 4.8 MiB of every web worker's memory
(measured, issue 13). A web worker decodes no HEIC photo: Wagtail's image
formats leave HEIC out (WAGTAILIMAGES_EXTENSIONS), and the thumbnails of
uploaded photos are made by task workers. So the web entry point (wsgi.py)
defers the codec, and the thumbnail maker loads it when it runs, in whichever
process that is.
"""

import functools
import sys

HEIF_MODULE = "pillow_heif"


def defer_heif(image_extensions) -> None:
    """Before Django loads its apps: Willow's import of the codec then fails quietly, as
    when it is not installed. Nothing changes when Wagtail's images accept HEIC (then
    renditions decode it in the web process) or when the codec is already loaded."""
    if "heic" not in image_extensions:
        sys.modules.setdefault(HEIF_MODULE, None)


@functools.cache
def load_heif() -> bool:
    """Register the HEIF codec with Pillow, once per process; False when it cannot be had."""
    if HEIF_MODULE in sys.modules and sys.modules[HEIF_MODULE] is None:
        del sys.modules[HEIF_MODULE]  # deferred by defer_heif: now it is needed
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True
