"""HTTP validators for the public pages, feeds and data: repeat visits cost a 304.

Every content model keeps a change history (django-simple-history), and every
change, including a deletion or the publication of a draft, adds a row to it.
The newest history timestamp across all of them is therefore a complete
"last modified" for the public content; one query reads it.

Pages also depend on the calendar (the dashboard's default Stichtag is today),
so the validators never predate the start of the current day.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import condition

from measures.content import history_models


def history_tables() -> list[str]:
    return [model._meta.db_table for model in history_models()]


def content_changed_at() -> datetime.datetime | None:
    """The time of the newest change to any public content, in one query."""
    quote = connection.ops.quote_name
    parts = [
        f"SELECT MAX({quote('history_date')}) AS changed FROM {quote(table)}"
        for table in history_tables()
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(changed) FROM ({' UNION ALL '.join(parts)}) AS changes")
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns the text of a UNIONed column
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _freshness(request) -> tuple[datetime.datetime, str]:
    """Last-Modified and ETag for this request, computed once per request."""
    cached = getattr(request, "_portal_freshness", None)
    if cached is not None:
        return cached
    today = timezone.localdate()
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
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


def conditional_page(view):
    """Send ETag and Last-Modified; answer 304 when the client's copy is current."""
    return condition(
        etag_func=lambda request, *args, **kwargs: _freshness(request)[1],
        last_modified_func=lambda request, *args, **kwargs: _freshness(request)[0],
    )(view)
