"""The signed-in person's account: the header's menu and where they land after signing in.

Who reviews is the desk's question (`institutions_edited_by`, the same one
"Awaiting my review" asks), and what is waiting is the desk's review queue:
nothing here decides either.
"""

from dataclasses import dataclass

from django.urls import reverse

from resource_hub.access import records as access
from resource_hub.desk.selectors import institutions_edited_by, review_queue


@dataclass(frozen=True)
class AccountMenu:
    name: str
    reviews: bool  # edits an institution, so reviews its submissions
    waiting: int  # submissions waiting in their review queue


def account_menu(user) -> AccountMenu | None:
    """The header menu of a signed-in person: one query, four for people who review.

    Bounded whatever the length of the queue (tests/desk/test_account_menu.py).
    """
    if not (user.is_authenticated and user.is_active):
        return None
    reviews = institutions_edited_by(user).exists()
    return AccountMenu(
        name=user.get_full_name() or user.get_username(),
        reviews=reviews,
        waiting=review_queue(user).count() if reviews else 0,
    )


def landing_url(user) -> str:
    """After signing in: editors to their review queue, everyone else to their submissions."""
    if user.is_authenticated and institutions_edited_by(user).exists():
        return reverse("desk:review")
    return reverse("desk:submissions")


def record_edit_url(user, record) -> str:
    """The desk's edit page of `record` when the access policy lets `user` change it, else ""."""
    if not getattr(user, "is_authenticated", False) or not access.can_edit(user, record):
        return ""
    return reverse("desk:record-edit", args=[record.pk])
