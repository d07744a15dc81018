"""Every write to a record goes through these functions; the admin hooks, the
front end and the API call them. Each checks permission first."""

from .drafts import (
    file_attach,
    file_detach,
    record_check,
    record_create_draft,
    record_update_draft,
)
from .workflow import (
    record_reject,
    record_release,
    record_submit,
    record_unpublish,
    record_withdraw,
    submission_withdraw,
)

__all__ = [
    "file_attach",
    "file_detach",
    "record_check",
    "record_create_draft",
    "record_reject",
    "record_release",
    "record_submit",
    "record_unpublish",
    "record_update_draft",
    "record_withdraw",
    "submission_withdraw",
]
