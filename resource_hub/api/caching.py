"""Conditional reads: an ETag from an answer's body, and If-None-Match checked against it.

One way for every endpoint that can answer 304 (records, vocabularies).
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.http import parse_etags
from django.utils.translation import get_language


def etag_of(data, *, per_language: bool = True) -> str:
    """A strong ETag of a JSON answer; by default one per language, as labels follow it
    (`per_language=False` for answers that carry every language at once)."""
    body = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=True)
    language = get_language() if per_language else ""
    digest = hashlib.sha256(f"{language}\n{body}".encode()).hexdigest()
    return f'"{digest[:40]}"'


def not_modified(request, etag: str) -> bool:
    """Does the caller's If-None-Match already hold `etag` (weak comparison, RFC 9110)?"""
    held = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
    return etag in held or "*" in held
