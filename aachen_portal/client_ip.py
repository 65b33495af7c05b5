"""The client's address behind our reverse proxies, for the login lockout (django-axes).

Each proxy appends the address it received the connection from to
``X-Forwarded-For`` (nginx: ``$proxy_add_x_forwarded_for``). With
``PROXY_COUNT`` = N trusted proxies in front, the last N entries were written
by them and the N-th from the right is the client as the outermost proxy saw
it; anything further left was written by the client and is never trusted.
Without enough entries (a request that bypassed the proxies) or with garbage
where our proxy writes, the peer's own address (``REMOTE_ADDR``) counts — an
address is always recorded, never NULL.
"""

import ipaddress

from django.conf import settings


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    peer = request.META.get("REMOTE_ADDR", "")
    proxy_count = settings.PROXY_COUNT
    if proxy_count > 0:
        entries = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
        if len(entries) >= proxy_count:
            address = _address(entries[-proxy_count])
            if address is not None:
                return address
    return _address(peer)
