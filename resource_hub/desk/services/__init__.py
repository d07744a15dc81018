"""Writes of the teacher's desk. Record changes go through records.services."""

from .membership import (
    invitation_accept,
    invitation_create,
    invitation_renew,
    membership_request_create,
    membership_request_decide,
)

__all__ = [
    "invitation_accept",
    "invitation_create",
    "invitation_renew",
    "membership_request_create",
    "membership_request_decide",
]
