"""Which cookies the portal sets, found by using it, and which the Datenschutzerklärung names."""

import re

from django.test import Client
from django.urls import reverse

from tests.public_pages import feed_pattern_names, public_urls

PASSWORD = "a-long-test-password"
DOCUMENTED = re.compile(r'<code class="cookie-name">([^<]+)</code>')


class CookieJarClient(Client):
    """A test client that notes the name of every cookie any response sets."""

    def __init__(self, **kwargs):
        super().__init__(enforce_csrf_checks=True, **kwargs)
        self.set_names: set[str] = set()

    def request(self, **request):
        response = super().request(**request)
        self.set_names.update(response.cookies.keys())
        return response

    def csrf_post(self, path, data=None):
        data = {**(data or {}), "csrfmiddlewaretoken": self.cookies["csrftoken"].value}
        return self.post(path, data)


def cookies_set_by_the_portal(languages, staff_username: str) -> set[str]:
    """Visit what residents and staff visit and collect every Set-Cookie name.

    Residents: every public page in every language, the unprefixed start page,
    the feeds' index, the data files and the sitemap. Staff: the admin login
    (a failed and a successful attempt), a save in the admin that confirms
    itself with a message, and the logout. When e-mail subscriptions arrive
    (issue 14), their flow belongs here too.
    """
    client = CookieJarClient()
    for language in languages:
        for url in public_urls(language).values():
            client.get(url)
    client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    client.get(reverse("sitemap"))
    client.get(reverse("robots"))
    client.get("/daten/massnahmen.csv")
    assert feed_pattern_names(), "the feeds are part of the visit"

    login = reverse("admin:login")
    client.get(login)
    client.csrf_post(login, {"username": staff_username, "password": "falsch-falsch-falsch"})
    response = client.csrf_post(login, {"username": staff_username, "password": PASSWORD})
    assert response.status_code == 302, "the staff member is logged in"
    client.get(reverse("admin:index"))
    details = reverse("admin:operator_pages_operatordetails_add")
    response = client.csrf_post(details, {"name": "Synthetischer Betreiber"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    client.get(reverse("admin:operator_pages_operatordetails_changelist"))
    client.csrf_post(reverse("admin:logout"))
    return client.set_names


def cookies_named_on_the_privacy_page(client) -> set[str]:
    html = client.get(reverse("operator_pages:privacy")).content.decode()
    return set(DOCUMENTED.findall(html))
