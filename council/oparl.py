"""A thin OParl 1.1 client on httpx, tolerant of what real servers send.

``OParlClient.get`` fetches one object; ``OParlClient.pages`` walks a list
page by page along its ``links.next``. Every request keeps a polite distance
to the one before (``interval``), has a timeout, and is retried with
exponential back-off on HTTP 5xx, timeouts and connection errors. What real
servers (ALLRIS) get wrong is handled here and counted in ``quirks``, never
fatal: raw control characters inside JSON strings (parsed with
``json.loads(strict=False)``), a single object where the schema says array
(``as_list``), "N/A" and other unreadable dates (``parse_date``,
``parse_datetime``), and intermittent HTTP 500 (retried).

It never runs inside a web request: only ``manage.py sync_council`` uses it.
"""

import datetime
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
from django.utils import timezone
from django.utils.dateparse import parse_date as django_parse_date
from django.utils.dateparse import parse_datetime as django_parse_datetime

USER_AGENT = "aachen-integrationsportal/1.0 (Ratsbezug; OParl 1.1)"

# Names of the quirks as counted in the summary.
CONTROL_CHARACTERS = "control_characters"
SINGLE_OBJECT = "single_object_for_array"
UNREADABLE_DATE = "unreadable_date"
SERVER_ERROR = "server_error_retried"
CONNECTION_ERROR = "connection_error_retried"
INVALID_URL = "link_not_http_dropped"


class OParlError(Exception):
    """The server could not be read: after all retries, or it answered 4xx or no JSON."""


@dataclass
class Page:
    url: str
    items: list
    next_url: str | None


@dataclass
class OParlClient:
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 2.0
    interval: float = 0.5
    quirks: Counter = field(default_factory=Counter)
    requests: int = 0
    transport: httpx.BaseTransport | None = None

    def __post_init__(self):
        self._http = httpx.Client(
            timeout=httpx.Timeout(self.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=True,
            transport=self.transport,
        )
        self._last_request = 0.0

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Requests -------------------------------------------------------------

    def _wait_politely(self) -> None:
        pause = self._last_request + self.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last_request = time.monotonic()

    def _request(self, url: str, params: dict | None) -> httpx.Response:
        if params:
            # Added to the URL's own query (httpx would replace it).
            url, params = str(httpx.URL(url).copy_merge_params(params)), None
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            self._wait_politely()
            self.requests += 1
            try:
                response = self._http.get(url, params=params)
            except (httpx.TimeoutException, httpx.TransportError) as error:
                if last:
                    raise OParlError(f"{url}: {error.__class__.__name__}: {error}") from error
                self.quirks[CONNECTION_ERROR] += 1
            else:
                if response.status_code < 500:
                    if response.status_code >= 400:
                        raise OParlError(f"{url}: HTTP {response.status_code}")
                    return response
                if last:
                    raise OParlError(f"{url}: HTTP {response.status_code} after {attempt} retries")
                self.quirks[SERVER_ERROR] += 1
            time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def decode(self, text: str, url: str):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
        try:
            data = json.loads(text, strict=False)
        except json.JSONDecodeError as error:
            raise OParlError(f"{url}: no JSON ({error})") from error
        self.quirks[CONTROL_CHARACTERS] += 1
        return data

    def get(self, url: str, params: dict | None = None, list_allowed: bool = False):
        """One OParl object (or list page) as a dict."""
        response = self._request(url, params)
        data = self.decode(response.text, url)
        if not isinstance(data, dict) and not (list_allowed and isinstance(data, list)):
            raise OParlError(f"{url}: expected a JSON object")
        return data

    def pages(self, url: str, params: dict | None = None) -> Iterator[Page]:
        """The pages of an object list, following ``links.next`` to the end."""
        seen = set()
        while url:
            data = self.get(url, params, list_allowed=True)
            if isinstance(data, list):  # a bare array instead of a list object
                data = {"data": data}
            items = self.as_list(data.get("data"))
            links = data.get("links") if isinstance(data.get("links"), dict) else {}
            next_url = links.get("next") or None
            # The next link carries every parameter; a server repeating a page ends the walk.
            if next_url in seen or next_url == url:
                next_url = None
            seen.add(url)
            yield Page(
                url=str(httpx.URL(url, params=params)) if params else url,
                items=items,
                next_url=next_url,
            )
            url, params = next_url, None

    # Tolerant reading -----------------------------------------------------

    def as_list(self, value) -> list:
        """An array as the schema says; a single object where it says array is wrapped."""
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.quirks[SINGLE_OBJECT] += 1
        return [value]

    def parse_date(self, value) -> datetime.date | None:
        if value in (None, ""):
            return None
        try:
            parsed = django_parse_date(str(value)[:10]) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.quirks[UNREADABLE_DATE] += 1
        return parsed

    def parse_datetime(self, value) -> datetime.datetime | None:
        if value in (None, ""):
            return None
        parsed = None
        if isinstance(value, str):
            try:
                parsed = django_parse_datetime(value)
                if parsed is None:
                    day = django_parse_date(value)
                    if day is not None:
                        parsed = datetime.datetime.combine(day, datetime.time())
            except ValueError:
                parsed = None
        if parsed is None:
            self.quirks[UNREADABLE_DATE] += 1
            return None
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed
