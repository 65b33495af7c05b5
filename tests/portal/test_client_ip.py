"""The login lockout behind the reverse proxy counts the real client address.

The proxy appends the address it saw to X-Forwarded-For; everything left of
the entries our PROXY_COUNT proxies appended was written by the client and is
never trusted.
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse

from aachen_portal.client_ip import client_ip

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-password"
PROXY = "10.0.0.2"


def request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    "proxy_count, forwarded, expected",
    [
        # No proxy in front: the peer is the client, whatever the header says.
        (0, None, PROXY),
        (0, "198.51.100.1", PROXY),
        # One proxy (nginx appends $remote_addr): the right-most entry.
        (1, None, PROXY),  # not through the proxy: the peer itself, never NULL
        (1, "", PROXY),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the client wrote 1.2.3.4
        (1, "1.2.3.4, 5.6.7.8, 203.0.113.7", "203.0.113.7"),
        (1, "203.0.113.7, 10.0.0.2", "10.0.0.2"),  # what the proxy saw, not what came in
        (1, "nonsense, 203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, not-an-address", PROXY),  # garbage where the proxy writes: the peer
        (1, " 2001:db8::1 ", "2001:db8::1"),
        # Two proxies: the entry the outer one appended, second from the right.
        (2, "203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),  # fewer entries than proxies: the peer
        # Three proxies.
        (3, "1.2.3.4, 203.0.113.7, 10.0.0.1, 10.0.0.3", "203.0.113.7"),
        (3, "10.0.0.1, 10.0.0.3", PROXY),
    ],
)
def test_client_ip_is_what_the_trusted_proxy_appended(proxy_count, forwarded, expected):
    with override_settings(PROXY_COUNT=proxy_count):
        assert client_ip(request(forwarded)) == expected


def login(client, password, forwarded=None, username="redakteurin"):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@override_settings(PROXY_COUNT=1)
def test_spoofed_forwarded_entries_cannot_escape_the_lockout(client, redaktion):
    for attempt in range(12):
        login(client, "falsch", f"192.0.2.{attempt}, 203.0.113.7")
    assert login(client, PASSWORD, "192.0.2.99, 203.0.113.7").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


@override_settings(PROXY_COUNT=1)
def test_a_lockout_through_the_proxy_hits_only_that_client(client, redaktion):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "falsch", "203.0.113.7")
    assert login(client, PASSWORD, "203.0.113.7").status_code == 429
    assert login(client, PASSWORD, "198.51.100.9").status_code == 302, "another client"


@override_settings(PROXY_COUNT=1)
@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.7"])
def test_a_lockout_record_always_has_an_address(client, redaktion, forwarded):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "falsch", forwarded)
    assert None not in AccessAttempt.objects.values_list("ip_address", flat=True)
    assert AccessAttempt.objects.get().ip_address in (PROXY, "203.0.113.7")


@override_settings(PROXY_COUNT=1)
def test_access_attempt_list_shows_the_client_address(client, redaktion, admin_user):
    login(client, "falsch", "1.2.3.4, 203.0.113.7")
    client.force_login(admin_user)
    page = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "203.0.113.7" in page
    assert "1.2.3.4" not in page
