"""Fixtures of the portal tests: Redis servers of the test's own."""

from tests.portal.redis_servers import own_redis, silent_port  # noqa: F401
