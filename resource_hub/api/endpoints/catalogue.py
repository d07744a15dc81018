"""Placeholder router, filled in by the catalogue endpoints work (issue 12)."""

from ninja import Router

router = Router()
