"""Whole-page cache for the public portal, invalidated by any public change.

Public pages are the same for every visitor of a URL: the language is part of
the path; the data files and the sitemap have one address (the data files are
kept per visitor language, ``page_key``). So a rendered response can be kept
per URL and served again until the public content changes. One number, the
*content version*, names the current generation of pages; every save, delete
or many-to-many change that visitors can see (the rule is
``measures.visibility``) replaces it, and a page stored under an older version
is never served again. The day is part of each entry too, because pages
default to "as of today", and so is the release (``RELEASE``), so a deploy with
new templates or translations is seen at once.

Bounded: a page is stored only when it answered 200 and its query is exactly
what the view accepted, in canonical spelling (``request.page_cache_query``,
see ``measures.filters.canonical_query``; views that read no parameters accept
none), and only for the server's own host and port (``normal_host``). Entries
are plain JSON with a base64 body (``encode_entry``), never pickle; anything
else found under a key is a miss.

The version is kept in the database (``PublicContentVersion``) and copied into
the cache. Cache faults fail open (``aachen_portal.cache_guard``): pages are
served uncached and a version bump that cannot reach the cache still reaches
the database. When the cache answers again, a process that saw the fault
compares the copy with the database before serving; any other process does so
at least every ``PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS``. A cache that lost
the version (restarted, flushed, evicted) starts a new generation.

A hit costs one round trip to the cache (version, check mark and page in one
``get_many``) and no database query. The cache must be shared by all server
processes, so ``PORTAL_PAGE_CACHE`` is on by default only where ``REDIS_URL``
configures a shared cache (and in tests, which run in one process). Writes that
bypass model signals (``QuerySet.update``, ``bulk_create``, raw SQL) do not
invalidate; the portal's services never use them on content.
"""

import base64
import datetime
import hashlib
import threading
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import has_vary_header
from django.utils.translation import get_language, get_language_from_path

from measures.visibility import can_be_public, public_state

from . import cache_guard
from .models import PublicContentVersion
from .public import public_prefixes

VERSION_KEY = "portal:content-version"
# Present while the cache's copy of the version was compared with the database's
# recently (PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS).
CHECKED_KEY = "portal:content-version-checked"
VERSION_ROW = 1


def cache():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def _write_version(**fields) -> None:
    rows = PublicContentVersion.objects.filter(pk=VERSION_ROW)
    if not rows.update(**fields):
        _row, created = PublicContentVersion.objects.get_or_create(pk=VERSION_ROW, defaults=fields)
        if not created:
            rows.update(**fields)


def stored_version() -> tuple[str, datetime.datetime | None]:
    """The authoritative version and the time of the last public change, from the
    database (the row is created on first use)."""
    row = (
        PublicContentVersion.objects.filter(pk=VERSION_ROW)
        .values_list("version", "changed_at")
        .first()
    )
    if row is None:
        _write_version(version=uuid.uuid4().hex)
        return stored_version()
    return row


def _publish_version(version: str) -> None:
    """Tell the cache; a failure is logged and counted (the database holds the truth)."""
    cache_guard.guarded(cache().set, VERSION_KEY, version, timeout=None)
    _mark_checked()


def _mark_checked() -> None:
    """The cache's copy of the version agrees with the database for the next while."""
    cache_guard.guarded(
        cache().set,
        CHECKED_KEY,
        True,
        timeout=settings.PORTAL_PAGE_CACHE_VERSION_CHECK_SECONDS,
    )


def new_content_version(**_signal_arguments) -> str:
    """A change: every cached page is out of date from now on."""
    version = uuid.uuid4().hex
    _write_version(version=version, changed_at=timezone.now())
    _publish_version(version)
    return version


def new_cache_generation() -> str:
    """The cache lost its version (restart, flush, eviction): start afresh.

    Nothing says which changes the cache missed, so no page stored before is
    trusted. Public content did not change, so ``changed_at`` stays.
    """
    version = uuid.uuid4().hex
    _write_version(version=version)
    _publish_version(version)
    return version


def current_version(request, found: dict) -> str:
    """The version to serve and store under, given what ``get_many`` found.

    When it reads the database, the row's ``changed_at`` is kept on the request
    for the HTTP validators (``aachen_portal.validators``): no second query.
    """
    cached = found.get(VERSION_KEY)
    if cached is None:
        return new_cache_generation()
    if found.get(CHECKED_KEY) is None or cache_guard.health.needs_resync:
        try:
            version, request.portal_content_changed_at = stored_version()
        except DatabaseError:  # no page can be rendered now; stored ones still serve
            return cached
        cache_guard.health.needs_resync = False
        if version != cached:
            cache_guard.guarded(cache().set, VERSION_KEY, version, timeout=None)
        _mark_checked()
        return version
    return cached


def public_change() -> None:
    """Replace the version now, and again when the write commits.

    The second replacement matters: a visitor whose page was rendered from the
    old data while the write was still uncommitted stored it under the first
    new version; the version set on commit never serves that page.
    """
    new_content_version()
    transaction.on_commit(new_content_version)


# What visitors saw of each object being saved, by object, until its post_save.
_before = threading.local()


def _states() -> dict:
    if not hasattr(_before, "states"):
        _before.states = {}
    return _before.states


def remember_public_state(sender, instance, **kwargs):
    if can_be_public(sender):
        previous = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
        _states()[id(instance)] = public_state(previous)


def content_saved(sender, instance, **kwargs):
    if can_be_public(sender) and _states().pop(id(instance), None) != public_state(instance):
        public_change()


def content_deleted(sender, instance, **kwargs):
    if public_state(instance) is not None:
        public_change()


def relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and public_state(instance) is not None:
        public_change()


def connect_signals() -> None:
    """Public changes only: the rule is ``measures.visibility``."""
    pre_save.connect(remember_public_state, dispatch_uid="portal-page-cache-pre-save")
    post_save.connect(content_saved, dispatch_uid="portal-page-cache-post-save")
    post_delete.connect(content_deleted, dispatch_uid="portal-page-cache-post-delete")
    m2m_changed.connect(relations_changed, dispatch_uid="portal-page-cache-m2m")


# Query parameters of public pages. A request with any other parameter, or with
# free text, is answered but not stored, so random URLs cannot fill the cache.
CACHEABLE_PARAMETERS = frozenset(
    {"as_of", "since", "page", "sort", "status", "field", "unit", "commitment", "district",
     "progress"}
)  # fmt: skip
MAX_QUERY_LENGTH = 300


def query_pairs(request) -> list[tuple[str, str]]:
    return sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True))


def normal_host(request) -> str | None:
    """The host for the key, or None when the Host header names a port of its own.

    ``get_host`` has checked the name against ``ALLOWED_HOSTS``; a port other
    than the scheme's default or the server's own would make a new copy of
    every page (pages embed their absolute address), so such requests are
    answered uncached.
    """
    domain, port = split_domain_port(request.get_host())
    default = "443" if request.is_secure() else "80"
    if not port or port == default:
        return domain
    if port == str(request.META.get("SERVER_PORT")):
        return f"{domain}:{port}"
    return None


def page_key(request) -> str:
    """Per page: scheme, normalised host, path, the sorted query and the language.

    Pages embed their host in hreflang links and the sitemap; the data files
    (one address for every language) sort and label by the visitor's language.
    """
    scheme = "https" if request.is_secure() else "http"
    address = "|".join(
        [
            scheme,
            normal_host(request) or "",
            request.path,
            urlencode(query_pairs(request)),
            # Prefixed pages name their language in the path; the others follow
            # the visitor's (Accept-Language or the remembered choice).
            "" if get_language_from_path(request.path_info) else get_language() or "",
        ]
    )
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape"))
    return f"portal:page:{digest.hexdigest()}"


def accepted_by_view(request) -> bool:
    """Whether the view accepted exactly this query (see ``measures.filters.canonical_query``).

    A view that reads parameters sets ``request.page_cache_query`` to the
    canonical pairs it accepted; any other view accepts only an empty query.
    """
    pairs = query_pairs(request)
    return not pairs or pairs == sorted(getattr(request, "page_cache_query", None) or [])


def encode_entry(response, *, version: str, day: str) -> dict:
    """A page as plain data (JSON through ``cache_serializer``): no pickle."""
    return {
        "version": version,
        "day": day,
        "release": settings.RELEASE,
        "status": response.status_code,
        "headers": [[name, value] for name, value in response.items() if name != "Set-Cookie"],
        "body": base64.b64encode(response.content).decode("ascii"),
    }


def _is_text_pairs(headers) -> bool:
    return isinstance(headers, list) and all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
        for pair in headers
    )


def decode_entry(entry, *, version: str, day: str) -> HttpResponse | None:
    """The stored page, if ``entry`` is one of ours and current; anything else is a miss."""
    if not (
        isinstance(entry, dict)
        and entry.get("version") == version
        and entry.get("day") == day
        and entry.get("release") == settings.RELEASE
        and entry.get("status") == 200
        and isinstance(entry.get("body"), str)
        and _is_text_pairs(entry.get("headers"))
    ):
        return None
    try:
        body = base64.b64decode(entry["body"], validate=True)
    except ValueError:
        return None
    response = HttpResponse(body, status=200)
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PublicPageCacheMiddleware:
    """Serve public pages from the cache; store fresh ones. See the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = public_prefixes()

    def cacheable_request(self, request) -> bool:
        return (
            settings.PORTAL_PAGE_CACHE
            and request.method == "GET"
            and request.path_info.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and normal_host(request) is not None
            and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
            and set(request.GET) <= CACHEABLE_PARAMETERS
        )

    @staticmethod
    def cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not has_vary_header(response, "Cookie")
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        found = cache_guard.guarded(cache().get_many, [VERSION_KEY, CHECKED_KEY, key])
        if found is None:  # the cache failed: serve uncached (see cache_guard)
            return self.get_response(request)
        version = current_version(request, found)
        today = timezone.localdate().isoformat()
        page = decode_entry(found.get(key), version=version, day=today)
        if page is not None:
            return page

        response = self.get_response(request)
        if self.cacheable_response(response) and accepted_by_view(request):
            entry = encode_entry(response, version=version, day=today)
            cache_guard.guarded(cache().set, key, entry, timeout=settings.PORTAL_PAGE_CACHE_SECONDS)
        return response
