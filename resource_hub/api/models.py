"""What the API itself stores: the answers to requests sent with an Idempotency-Key."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """The first answer to a request sent with an `Idempotency-Key`, replayed to its retries.

    A key is its user's own (two clients may well pick the same key); the
    fingerprint of the request (method, path, body) tells a retry from another
    request reusing the key. The row is written in the same transaction as
    the work it answers for, so it exists exactly when the work was done.
    See resource_hub/api/idempotency.py.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    key = models.CharField(_("key"), max_length=255)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    status = models.PositiveSmallIntegerField(_("status"), null=True)
    body = models.JSONField(_("body"), encoder=DjangoJSONEncoder, null=True)
    location = models.CharField(_("location"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_key_per_user")
        ]

    def __str__(self):
        return self.key


class RateWindow(models.Model):
    """How many requests one caller made in the current window (api/throttling.py).

    One row per caller (a token, a user or an address), counted up by a single
    upsert per request and restarted when a new window begins; every web
    process shares it through the database. Rows of ended windows are deleted
    by the worker's clock, so the table holds the callers of the last window,
    not every address that ever called.
    """

    key = models.CharField(_("caller"), max_length=100, primary_key=True)
    window_number = models.BigIntegerField(_("window"))
    count = models.PositiveIntegerField(_("requests"))
    # Seconds since the epoch: once past, the row counts for nothing (its caller's next
    # request starts again at one) and the worker's clock deletes it.
    ends_at = models.BigIntegerField(_("window ends"), default=0, db_index=True)

    class Meta:
        verbose_name = _("API rate window")
        verbose_name_plural = _("API rate windows")

    def __str__(self):
        return self.key
