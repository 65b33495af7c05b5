"""Fail open: the page cache is an optimisation, so its faults never reach a visitor.

Every call to the cache goes through ``guarded``: an error (Redis down, a
timeout, a full Redis refusing writes, a value it cannot read) is logged,
counted and answered with ``None``, and the caller serves the page uncached
or skips the version bump. The settings give the Redis client short connect
and read timeouts (``CACHE_SOCKET_TIMEOUT``), and after an error a circuit
breaker skips the cache for ``PORTAL_CACHE_BREAKER_SECONDS``, so a stalled
Redis costs one request the timeout, not every request.

The counters are per server process; ``/healthz`` shows those of the process
that answers it.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger("aachen_portal.cache")


@dataclass
class CacheHealth:
    errors: int = 0
    skipped: int = 0
    open_until: float = 0.0
    # Set when the breaker closes again: the cache may have missed a version bump.
    needs_resync: bool = False

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self.open_until


health = CacheHealth()
_lock = threading.Lock()


def guarded(operation, *args, **kwargs):
    """``operation(*args, **kwargs)``, or ``None`` when the cache fails or the breaker is open."""
    if health.is_open:
        with _lock:
            health.skipped += 1
        return None
    try:
        result = operation(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - any cache fault means "no cache"
        with _lock:
            health.errors += 1
            health.open_until = time.monotonic() + settings.PORTAL_CACHE_BREAKER_SECONDS
            health.needs_resync = True
        logger.warning(
            "Page cache unavailable (%s: %s); serving uncached for %s s.",
            type(error).__name__,
            error,
            settings.PORTAL_CACHE_BREAKER_SECONDS,
        )
        return None
    return result


def reset() -> None:
    """Forget the state (tests; a new process starts like this)."""
    vars(health).update(vars(CacheHealth()))
