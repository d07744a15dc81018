"""E-mail: an SMTP backend that connects (and signs in), or a note that nothing is sent."""

from collections.abc import Iterator

from django.conf import settings
from django.core.mail import get_connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .result import Result, describe, fail, ok, warn

LABEL = gettext_lazy("E-mail")
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def check_email(*, timeout: float, **options) -> Iterator[Result]:
    if settings.EMAIL_BACKEND != SMTP:
        yield warn(
            "email.backend",
            LABEL,
            _("e-mails are not sent (backend %(backend)s)") % {"backend": settings.EMAIL_BACKEND},
            _("Production settings send through SMTP: set EMAIL_HOST and the EMAIL_* settings."),
        )
        return
    server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    connection = get_connection(SMTP, timeout=timeout, fail_silently=False)
    try:
        connection.open()  # connects, STARTTLS or TLS, and signs in when a user is set
    except Exception as error:  # refused, timed out, TLS, authentication
        yield fail(
            "email.smtp",
            LABEL,
            _("cannot use the SMTP server %(server)s: %(error)s")
            % {"server": server, "error": describe(error)},
            _(
                "Check EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS (587) or EMAIL_USE_SSL (465), and "
                "EMAIL_HOST_USER / EMAIL_HOST_PASSWORD; the server must accept this machine."
            ),
        )
        return
    finally:
        connection.close()
    security = (
        "TLS" if settings.EMAIL_USE_SSL else "STARTTLS" if settings.EMAIL_USE_TLS else _("no TLS")
    )
    message = _("connected to %(server)s (%(security)s)") % {"server": server, "security": security}
    if settings.EMAIL_HOST_USER:
        message += _(", signed in as %(user)s") % {"user": settings.EMAIL_HOST_USER}
    if security not in ("TLS", "STARTTLS") and settings.EMAIL_HOST not in (
        "localhost",
        "127.0.0.1",
        "::1",
    ):
        yield warn(
            "email.smtp",
            LABEL,
            message,
            _("Mail to another host travels unencrypted: set EMAIL_USE_TLS or EMAIL_USE_SSL."),
        )
    else:
        yield ok("email.smtp", LABEL, message)
    if settings.DEFAULT_FROM_EMAIL.rstrip(">").endswith("@localhost"):
        yield warn(
            "email.sender",
            LABEL,
            _("the sender is %(sender)s") % {"sender": settings.DEFAULT_FROM_EMAIL},
            _(
                "Set DEFAULT_FROM_EMAIL to an address of the site's domain, e.g. "
                "Resource Hub <noreply@hub.example.org>; receivers refuse @localhost."
            ),
        )
