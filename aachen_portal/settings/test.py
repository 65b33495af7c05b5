"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL points at one."""

import os
import re
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The page cache is on in tests (one process, memory cache; emptied before each
# test), so every test also proves that edits invalidate it.
PORTAL_PAGE_CACHE = True

# Parallel test workers (pytest-xdist) each get a Redis database of their own:
# every test empties the cache, which must not empty another worker's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
_redis = re.fullmatch(r"(redis://[^/]+)/(\d+)", REDIS_URL)  # noqa: F405
if _redis and _worker.startswith("gw"):
    REDIS_URL = f"{_redis[1]}/{(int(_redis[2]) - int(_worker[2:])) % 16}"
    CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405

# The OParl tests talk to a local server: no politeness pause, short back-off.
OPARL_REQUEST_INTERVAL = 0
OPARL_BACKOFF = 0.01
OPARL_TIMEOUT = 5

# Import previews of this test process in a folder of its own (tests that count the
# files use a fresh folder each).
STORAGES["import_previews"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="aachen-import-previews-")},
}
