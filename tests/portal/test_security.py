"""Security headers on every response, and production settings that pass Django's deploy check."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PATHS = ["/de/", "/ar/massnahmen/3.1/", "/de/handlungsfelder/gibt-es-nicht/", "/admin/login/"]


def csp_directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, sources, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    directives = csp_directives(csp)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def run_with_production_settings(code: str, **extra_env: str) -> subprocess.CompletedProcess:
    # A clean environment: the browser tests allow async-unsafe ORM calls in
    # their own process, which a deployment must never do.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.production",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "integration.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        # The settings are checked here, not the machine's Redis (see test_cache_bounds.py).
        "REDIS_URL": "",
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# The operator details live in the database: migrate the in-memory database,
# store synthetic details (all of them, or all but the accessibility contact), check.
DEPLOY_CHECK_WITH_DETAILS = (
    "import django; django.setup();"
    "from django.core.management import call_command;"
    "call_command('migrate', verbosity=0);"
    "from operator_pages.models import OperatorDetails;"
    "OperatorDetails.objects.create(name='Synthetischer Betreiber', address='Teststraße 1',"
    " representative='Test Person', email='betreiber@example.org',"
    " data_protection_officer='Test DSB', supervisory_authority='Testbehörde',"
    " log_retention='Test: nichts', accessibility_email={accessibility!r});"
    "call_command('check', '--deploy', '--fail-level', 'WARNING')"
)


def test_production_settings_pass_the_deploy_check_at_warning_level():
    result = run_with_production_settings(
        DEPLOY_CHECK_WITH_DETAILS.format(accessibility="barrierefreiheit@example.org")
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_warns_while_the_accessibility_contact_is_missing():
    result = run_with_production_settings(DEPLOY_CHECK_WITH_DETAILS.format(accessibility=""))
    assert result.returncode != 0
    assert "portal.W001" in result.stderr


def test_production_sends_hsts_and_redirects_plain_http_to_https():
    result = run_with_production_settings(
        "import django, json; django.setup();"
        "from django.test import Client, override_settings;"
        # Hashed static names need collectstatic; the headers do not depend on them.
        "override_settings(STORAGES={'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}}).enable();"
        "c = Client(HTTP_HOST='integration.example.org');"
        "plain = c.get('/admin/login/');"
        "secure = c.get('/admin/login/', secure=True);"
        "print(json.dumps({'plain': plain.status_code, 'location': plain.get('Location'),"
        " 'hsts': secure.headers.get('Strict-Transport-Security')}))"
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["plain"] == 301
    assert outcome["location"].startswith("https://integration.example.org/")
    assert "max-age=31536000" in outcome["hsts"]
    assert "includeSubDomains" in outcome["hsts"]


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.production",
        "SECRET_KEY": "x" * 50,
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_URL must be set" in result.stderr


UNSAFE_METHODS = ["TRACE", "PUT", "DELETE", "PATCH"]
READ_ONLY = [
    "/daten/massnahmen.csv",
    "/daten/sachstaende.json",
    "/de/feeds/sachstaende/",
    "/de/feeds/handlungsfelder/wohnen-sozialplanung/",
    "/de/feeds/massnahmen/3.1/",
    "/sitemap.xml",
    "/robots.txt",
    "/de/massnahmen/",
]


def test_unsupported_methods_are_refused(client, sources):
    for url in READ_ONLY:
        for method in UNSAFE_METHODS:
            response = client.generic(method, url)
            assert response.status_code == 405, (method, url, response.status_code)
            assert b"<urlset" not in response.content and b"<feed" not in response.content
