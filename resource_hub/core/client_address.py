"""Who is calling: the client's address, read the same way by sign-in throttling
(django-axes) and the API's rate limits, so a proxy is configured once."""

import ipaddress

from django.conf import settings


def client_ip_address(request) -> str | None:
    """The client's address, as AXES_CLIENT_IP_CALLABLE.

    With no trusted proxy it is the connection's address. Behind
    TRUSTED_PROXY_COUNT proxies that each append to CLIENT_IP_HEADER, it is
    the entry that many places from the right: the one the outermost trusted
    proxy wrote. Entries further left came from the client and are ignored,
    so a client cannot pick an address by sending the header itself.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get(settings.CLIENT_IP_HEADER, "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < count:
        # Not through all the proxies (or they do not set the header): the
        # connection's address is the only one that cannot be forged.
        return remote
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return remote
