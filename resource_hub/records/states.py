"""Where a record stands: one vocabulary for the desk, the admin, the API and e-mails.

Wagtail has its own words for a page's state ("live + draft", "in
moderation", "scheduled"), our desk had a third set and the admin's filter a
fourth. People met three names for one state, so every surface now says one
of these seven, computed by `records.selectors.record_status`:

    draft              never released, not under review
    in_review          submitted, waiting for an editor
    changes_requested  sent back to its author with a comment
    released           live (a draft of changes may be waiting: `pending_changes`)
    embargoed          approved, released automatically on its date
    unpublished        released once, taken offline by an editor
    withdrawn          taken offline with a stated reason (`records.withdraw`)

Unpublished and withdrawn differ by the last take-down action logged on the
record: Wagtail's unpublish, or our withdrawal (which unpublishes and logs
its reason after).
"""

from django.utils.translation import pgettext_lazy

DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
RELEASED = "released"
EMBARGOED = "embargoed"
UNPUBLISHED = "unpublished"
WITHDRAWN = "withdrawn"

LABELS = {
    DRAFT: pgettext_lazy("record state", "Draft"),
    IN_REVIEW: pgettext_lazy("record state", "In review"),
    CHANGES_REQUESTED: pgettext_lazy("record state", "Changes requested"),
    RELEASED: pgettext_lazy("record state", "Released"),
    EMBARGOED: pgettext_lazy("record state", "Embargoed"),
    UNPUBLISHED: pgettext_lazy("record state", "Unpublished"),
    WITHDRAWN: pgettext_lazy("record state", "Withdrawn"),
}
CHOICES = list(LABELS.items())

WITHDRAW_ACTION = "records.withdraw"
#: Log actions that take a released record offline; the latest one names the state.
TAKEDOWN_ACTIONS = ("wagtail.unpublish", WITHDRAW_ACTION)
