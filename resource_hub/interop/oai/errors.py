"""The protocol's error conditions, answered inside HTTP 200 (section 3.6)."""

from django.utils.translation import gettext_lazy as _


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = str(message)


def bad_argument(message=None) -> OAIError:
    return OAIError("badArgument", message or _("The request has illegal or missing arguments."))


def bad_resumption_token() -> OAIError:
    return OAIError("badResumptionToken", _("The resumption token is invalid or has expired."))


def cannot_disseminate(prefix: str) -> OAIError:
    return OAIError("cannotDisseminateFormat", _("Unknown metadata format: %s") % prefix)


def id_does_not_exist(identifier: str) -> OAIError:
    return OAIError("idDoesNotExist", _("No item has the identifier %s") % identifier)


def no_records_match() -> OAIError:
    return OAIError("noRecordsMatch", _("No records match the request."))
