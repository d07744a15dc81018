"""The base of every domain error: a message a person can act on, an HTTP status and a code.

Each app's errors (records/errors.py, files/errors.py, desk/errors.py,
core/params.InvalidParameter) derive from `DomainError` and say, as class
attributes, how an API answers them; the API's one exception handler
(resource_hub/api/errors.py) turns any of them into
`{"error": {"code", "message", "parameter"?}}` without a table of its own,
and HTML views show `str(error)`.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status: int = 400
    code: str = "invalid_request"
    default_message = _("This cannot be done.")
    #: The request parameter or body field at fault, when there is one.
    parameter: str | None = None

    def __init__(self, message=None, *, parameter: str | None = None):
        self.message = str(message or self.default_message)
        if parameter is not None:
            self.parameter = parameter
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def error_body(code: str, message, parameter: str | None = None) -> dict:
    """The one shape of every JSON error: `{"error": {"code", "message", "parameter"?}}`."""
    error = {"code": code, "message": str(message)}
    if parameter:
        error["parameter"] = parameter
    return {"error": error}
