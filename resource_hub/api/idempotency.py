"""Safe retries of POSTs: the `Idempotency-Key` request header.

Follows the IETF draft "The Idempotency-Key HTTP Header Field"
(draft-ietf-httpapi-idempotency-key-header): a client that sends a key with
a request may send the same request again with the same key (after a
timeout, a dropped connection) and gets the first answer again instead of
a second record. Here:

- the key is 1-255 printable ASCII characters, sent as a Structured Field
  string (`Idempotency-Key: "4f0c…"`) or bare; anything else is 400;
- the first successful answer (status, body, Location) is kept per user and
  key for `KEY_LIFETIME`, with a fingerprint of the method, path and body;
- a retry with the same fingerprint is answered from it, with
  `Idempotent-Replayed: true`, and the work is not done again;
- the same key with another request is 422 `idempotency_key_reused`;
- a retry that arrives while the first request is still running waits for
  it (the key's row is written in the first request's transaction, and
  PostgreSQL holds the second insert until that commits) and then replays;
- a refused request (4xx) did nothing and keeps nothing: sending it again
  with the same key runs it again.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Status

from .errors import ApiError
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255


@dataclass
class Answer:
    """What a write answers: its status, its JSON body and, for a new resource, its address."""

    status: int
    body: dict
    headers: dict[str, str] = field(default_factory=dict)


def parse_key(value: str | None) -> str | None:
    """The key of the header's value, None when the header is absent; 400 when it is malformed."""
    if value is None:
        return None
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':  # an sf-string (RFC 8941 §3.3.3)
        text = text[1:-1]
        if any(char == '"' for char in text.replace('\\"', "").replace("\\\\", "")):
            text = ""
        text = text.replace('\\"', '"').replace("\\\\", "\\")
    if not 1 <= len(text) <= MAX_KEY_LENGTH or not all(" " <= char <= "~" for char in text):
        raise ApiError(
            400,
            "invalid_header",
            _("Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID."),
            parameter=HEADER,
        )
    return text


def fingerprint(request) -> str:
    """SHA-256 of the method, path and body (JSON compared by content, not by spacing)."""
    try:
        body = json.dumps(json.loads(request.body or b"null"), sort_keys=True).encode()
    except ValueError:
        body = request.body
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def purge() -> int:
    """Forget keys older than `KEY_LIFETIME`; called on every keyed write."""
    deleted, _by_model = IdempotencyKey.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def idempotent(request, response, *, key: str | None, work: Callable[[], Answer]) -> Status:
    """Run `work` once per (user, Idempotency-Key); what the endpoint returns.

    `key` is the header's value as sent (None: no header, `work` simply runs);
    `response` is ninja's temporal response, which carries the headers.
    """
    key = parse_key(key)
    if key is None:
        return _answered(response, work())
    purge()
    sent = fingerprint(request)
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = IdempotencyKey.objects.create(
                    user=request.user,
                    key=key,
                    fingerprint=sent,
                    expires_at=timezone.now() + KEY_LIFETIME,
                )
        except IntegrityError:  # a first request with this key has finished
            return _replay(response, key=key, user=request.user, fingerprint=sent)
        answer = work()
        entry.status = answer.status
        entry.body = answer.body
        entry.location = answer.headers.get("Location", "")
        entry.save(update_fields=["status", "body", "location"])
    return _answered(response, answer)


def _replay(response, *, key, user, fingerprint) -> Status:
    entry = IdempotencyKey.objects.get(user=user, key=key)
    if entry.fingerprint != fingerprint:
        raise ApiError(
            422,
            "idempotency_key_reused",
            _(
                "This Idempotency-Key was already used for another request; "
                "use a new key for a new request."
            ),
            parameter=HEADER,
        )
    headers = {REPLAYED_HEADER: "true"}
    if entry.location:
        headers["Location"] = entry.location
    return _answered(response, Answer(entry.status, entry.body, headers))


def _answered(response, answer: Answer) -> Status:
    for name, value in answer.headers.items():
        response[name] = value
    return Status(answer.status, answer.body)
