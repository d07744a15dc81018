"""Placeholder router, filled in by the records endpoints work (issue 12)."""

from ninja import Router

router = Router()
