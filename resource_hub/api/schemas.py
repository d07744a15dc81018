"""Schemas every endpoint shares: the error shape and links."""

from ninja import Schema


class ErrorDetail(Schema):
    code: str
    message: str
    parameter: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


#: The error answers an endpoint may give, for its `response=` map (OpenAPI).
def errors(*statuses: int) -> dict:
    return dict.fromkeys(statuses, ErrorOut)


class CodeLabel(Schema):
    """A vocabulary entry: its standard code, and its name in the request's language."""

    code: str
    label: str
