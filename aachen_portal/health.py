"""``/healthz`` for the load balancer: does this instance reach its database and cache?

- 200 ``ok``: database and cache answer.
- 200 ``degraded``: the database answers, the cache does not (or its circuit
  breaker is open). The site still serves every page, uncached
  (``aachen_portal.cache_guard``), so the instance stays in the pool: taking
  every instance out because the one shared Redis is down would turn a slower
  site into no site.
- 503 ``unavailable``: the database does not answer; no page can be served.

The body names only the state of each part and this process's count of cache
errors, no host, error text or version. It is never cached.
"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import cache_guard
from .page_cache import VERSION_KEY, cache


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers() -> bool:
    marker = object()
    return cache_guard.guarded(cache().get, VERSION_KEY, marker) is not None


@never_cache
@require_safe
def healthz(request):
    database = database_answers()
    cached = cache_answers()
    if not database:
        state, status = "unavailable", 503
    elif not cached:
        state, status = "degraded", 200
    else:
        state, status = "ok", 200
    return JsonResponse(
        {
            "status": state,
            "database": "ok" if database else "error",
            "cache": "ok" if cached else "error",
            "cache_errors": cache_guard.health.errors,
            "cache_skipped": cache_guard.health.skipped,
        },
        status=status,
    )
