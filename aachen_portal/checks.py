"""System checks of the portal (`manage.py check`).

The operator details' deploy checks are in operator_pages/checks.py.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Tags, Warning, register

logger = logging.getLogger("aachen_portal.cache")


@register(Tags.caches)
def redis_eviction_policy(app_configs, **kwargs):
    """A Redis that never evicts refuses writes when full; the page cache needs eviction.

    Read at start-up from the cache itself. A Redis that does not answer (or
    forbids CONFIG) is no reason to refuse to start: the portal fails open.
    """
    cache = caches[settings.PORTAL_PAGE_CACHE_ALIAS]
    client_of = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client_of is None:  # not Redis
        return []
    try:
        policy = client_of(write=False).config_get("maxmemory-policy").get("maxmemory-policy")
    except Exception as error:  # noqa: BLE001 - down, stalled or CONFIG not allowed
        logger.warning("Could not read Redis' maxmemory-policy: %s", type(error).__name__)
        return []
    if policy != "noeviction":
        return []
    return [
        Warning(
            "Redis' maxmemory-policy is noeviction: when the cache is full, every write "
            "fails and the page cache stops storing pages.",
            hint="Set maxmemory and maxmemory-policy allkeys-lru (README, Operations).",
            id="portal.W010",
        )
    ]
