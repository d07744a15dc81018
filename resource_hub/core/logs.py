"""Log filters named in settings.LOGGING."""

import logging


class RefusedHostFilter(logging.Filter):
    """A request for a host name the site does not serve: one WARNING line, no traceback.

    Scanners send any Host header. Django logs each such request at ERROR with
    the whole traceback (django.security.DisallowedHost), which fills the
    journal and trips alerts on errors for what is the client's mistake; the
    answer itself is our plain 400 (core/views.bad_request).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = None
        return True
