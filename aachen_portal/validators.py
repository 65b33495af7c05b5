"""HTTP validators for the public pages, feeds and data: repeat visits cost a 304.

Every public change (the rule is ``measures.visibility``: not a draft, an
internal note or an unpublished measure) records its time with the content
version (``PublicContentVersion``, see ``aachen_portal.page_cache``). That
time is the "last modified" of the public content; one query reads it, and
staff work that visitors cannot see does not show in it.

Pages also depend on the calendar (the dashboard's default Stichtag is today),
so the validators never predate the start of the current day.

``PublicPageValidatorsMiddleware`` applies them to every view of a public
address (``aachen_portal.public``), so no app's URLs need to know about them.
"""

import datetime
import hashlib

from django.conf import settings
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.deprecation import MiddlewareMixin
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from .models import PublicContentVersion
from .page_cache import VERSION_ROW
from .public import public_prefixes

UNREAD = object()


def content_changed_at() -> datetime.datetime | None:
    """The time of the newest *public* change (``measures.visibility``), in one query."""
    return (
        PublicContentVersion.objects.filter(pk=VERSION_ROW)
        .values_list("changed_at", flat=True)
        .first()
    )


def _freshness(request) -> tuple[datetime.datetime, str]:
    """Last-Modified and ETag for this request, computed once per request."""
    cached = getattr(request, "_portal_freshness", None)
    if cached is not None:
        return cached
    today = timezone.localdate()
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    changed = getattr(request, "portal_content_changed_at", UNREAD)
    if changed is UNREAD:
        changed = content_changed_at()
    last_modified = max(changed, start_of_day) if changed else start_of_day
    fingerprint = "|".join(
        [
            changed.isoformat() if changed else "-",
            today.isoformat(),
            get_language(),
            settings.RELEASE,
        ]
    )
    etag = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    request._portal_freshness = (last_modified, etag)
    return request._portal_freshness


class PublicPageValidatorsMiddleware(MiddlewareMixin):
    """ETag and Last-Modified on public pages; 304 when the visitor's copy is current.

    What Django's ``condition`` decorator does around a view, for every view
    of a public address: just before the view runs (after the URL resolved
    and the other middleware checked the request) it answers 304 (GET, HEAD)
    or 412 (a failed If-Match or If-Unmodified-Since) without calling the
    view; otherwise the view's response gets the validators (GET, HEAD). A
    view that raises (404, 500) gets none, and addresses that resolve to no
    view are not touched.

    It belongs inside the page cache (``page_cache.PublicPageCacheMiddleware``):
    stored pages keep their validators, and a cache hit, which reaches no view,
    costs no query; ``ConditionalGetMiddleware`` outside both turns a current
    hit into a 304.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.prefixes = public_prefixes()

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(self.prefixes):
            return None
        last_modified, etag = _freshness(request)
        validators = (quote_etag(etag), int(last_modified.timestamp()))
        request._portal_validators = validators
        return get_conditional_response(request, etag=validators[0], last_modified=validators[1])

    def process_exception(self, request, exception):
        request._portal_validators = None

    def process_response(self, request, response):
        validators = getattr(request, "_portal_validators", None)
        if validators and request.method in ("GET", "HEAD"):
            etag, last_modified = validators
            if not response.has_header("Last-Modified"):
                response.headers["Last-Modified"] = http_date(last_modified)
            response.headers.setdefault("ETag", etag)
        return response
