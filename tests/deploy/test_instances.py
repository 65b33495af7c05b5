"""Several instances behind a real proxy, as in production, and a backup restored.

Two gunicorn instances (separate processes and ports, production settings) on
one PostgreSQL database and one Redis, with Debian's nginx in front using the
forwarding the repository ships (deploy/nginx/portal-proxy.conf):

- a status published through instance A's admin is on instance B's next page;
- a login on A is valid on B; a lockout on A holds on B;
- through nginx the lockout counts the real client address (X-Forwarded-For,
  whatever the client wrote) and plain HTTP is redirected to HTTPS
  (X-Forwarded-Proto, whatever the client wrote);
- ``pg_dump`` of the database restored into a copy holds the same content.

Needs PostgreSQL and Redis (``DATABASE_URL``, ``REDIS_URL``): several
processes on one SQLite file and a per-process memory cache are not the
production topology, so on SQLite this module skips; CI runs it on PostgreSQL.
Without nginx or gunicorn it skips locally and fails in CI (``make nginx``).
"""

import datetime
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = settings.REDIS_URL  # this worker's Redis database (settings/test.py)
PASSWORD = "ein-langes-test-passwort-4711"
CLIENT = "127.0.0.1"  # the address nginx sees this test connecting from


def _unavailable() -> str | None:
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL:
        return "needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): the production topology"
    missing = [tool for tool in (NGINX, GUNICORN) if not Path(tool).exists()]
    missing += [
        tool for tool in ("pg_dump", "pg_restore", "psql", "openssl") if not shutil.which(tool)
    ]
    if missing:
        message = f"missing {', '.join(missing)} (make nginx)"
        if os.environ.get("CI"):
            pytest.fail(message)
        return message
    return None


@pytest.fixture(scope="module", autouse=True)
def _requirements():
    reason = _unavailable()
    if reason:
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(name: str) -> str:
    parts = urlsplit(DATABASE_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(name: str, *sql: str) -> str:
    args = ["psql", database_url(name), "-qAt", "-v", "ON_ERROR_STOP=1"]
    for statement in sql:
        args += ["-c", statement]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def wait_for(port: int, path: str = "/", headers=None) -> None:
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path, headers=headers or {})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


class Browser:
    """Just enough of a browser: cookies (also secure ones), CSRF, forms."""

    def __init__(self, port: int, *, https: bool = False, proxied: bool = False, forwarded=None):
        self.port, self.https, self.proxied, self.forwarded = port, https, proxied, forwarded
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, headers=None):
        if self.https:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=30, context=context
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        host = f"127.0.0.1:{self.port}"
        all_headers = {"Host": host, "Accept-Language": "de"}
        if not self.proxied:
            # Straight to an instance: say what the proxy would say.
            all_headers["X-Forwarded-Proto"] = "https"
        if self.forwarded is not None:
            all_headers["X-Forwarded-For"] = self.forwarded
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = f"https://{host}"
            all_headers["Referer"] = f"https://{host}{path}"
        all_headers.update(headers or {})
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        connection.close()
        return response.status, response, content

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def submit(self, path: str, fields: dict):
        """GET a form, then POST it with its CSRF token."""
        status, _response, page = self.get(path)
        assert status == 200, (path, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **fields})

    def login(self, username: str, password: str = PASSWORD):
        status, response, _page = self.submit(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        return status


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """One database, one Redis, two gunicorn instances and nginx in front."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{urlsplit(DATABASE_URL).path.lstrip('/') or 'aachen'}_instances_{worker}"
    copy = f"{name}_restored"
    for database in (name, copy):
        psql("postgres", f'DROP DATABASE IF EXISTS "{database}"')
    psql("postgres", f'CREATE DATABASE "{name}"')
    prefix = tmp_path_factory.mktemp("stack")
    prefix.chmod(0o755)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.production",
        "DATABASE_URL": database_url(name),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"instances-{uuid.uuid4().hex}",
        "SECRET_KEY": f"instances-test-only-{uuid.uuid4().hex}{uuid.uuid4().hex}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PROXY_COUNT": "1",
        "STATIC_ROOT": str(prefix / "static"),
    }
    env.pop("EXPECT_DB_VENDOR", None)

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )

    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_sources")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User;"
        f"User.objects.create_superuser('chefin', 'chefin@example.org', '{PASSWORD}');"
        f"User.objects.create_superuser('vertretung', 'v@example.org', '{PASSWORD}');"
        f"User.objects.create_superuser('nginx-test', 'n@example.org', '{PASSWORD}')",
    )
    port_a, port_b, http_port, https_port = (free_port() for _ in range(4))
    processes = []
    for port in (port_a, port_b):
        log = open(prefix / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 - closed with the process
        processes.append(
            subprocess.Popen(
                [GUNICORN, "aachen_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=127.0.0.1", "-keyout", str(prefix / "key.pem"), "-out", str(prefix / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    config = (ROOT / "deploy" / "nginx" / "test.conf.template").read_text()
    for key, value in {
        "PREFIX": str(prefix),
        "PORT_A": str(port_a),
        "PORT_B": str(port_b),
        "HTTP_PORT": str(http_port),
        "HTTPS_PORT": str(https_port),
        "SNIPPET": str(ROOT / "deploy" / "nginx" / "portal-proxy.conf"),
    }.items():
        config = config.replace(f"@{key}@", value)
    (prefix / "nginx.conf").write_text(config)
    processes.append(
        subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(prefix / "nginx.out", "wb"),  # noqa: SIM115
        )
    )
    try:
        for port in (port_a, port_b):
            wait_for(port, "/de/", {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
        wait_for(http_port)
        yield {
            "a": port_a,
            "b": port_b,
            "http": http_port,
            "https": https_port,
            "database": name,
            "copy": copy,
            "prefix": prefix,
        }
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for database in (name, copy):
            psql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def measure_page(port: int) -> str:
    status, _response, page = Browser(port).get("/de/massnahmen/3.1/")
    assert status == 200
    return page


def test_a_status_published_on_a_is_on_b_next_response(stack):
    before = measure_page(stack["b"])
    assert measure_page(stack["b"]) == before, "B now serves the page from the shared cache"
    assert "Synthetischer Sachstand aus Instanz A" not in before

    editor = Browser(stack["a"])
    assert editor.login("chefin") == 302
    pk = psql(stack["database"], "SELECT id FROM measures_measure WHERE code = '3.1'")
    status, _response, _page = editor.submit(
        f"/admin/measures/measure/{pk}/sachstand/",
        {
            "reported_on": datetime.date.today().isoformat(),
            "status": "in_progress",
            "progress": "54",
            "public_note_de": "Synthetischer Sachstand aus Instanz A",
            "publish": "on",
        },
    )
    assert status == 302
    after = measure_page(stack["b"])
    assert "Synthetischer Sachstand aus Instanz A" in after
    assert "in Umsetzung" in after


def test_a_login_on_a_is_valid_on_b(stack):
    editor = Browser(stack["a"])
    assert editor.login("vertretung") == 302
    editor.port = stack["b"]
    status, _response, page = editor.get("/admin/")
    assert status == 200
    assert "vertretung" in page.casefold()
    assert Browser(stack["b"]).get("/admin/")[0] == 302, "without the session: to the login"


def test_a_lockout_on_a_holds_on_b(stack):
    attacker = Browser(stack["a"], forwarded="198.51.100.23")
    answers = [attacker.login("chefin", "falsch") for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert answers[-1] == 429, answers
    assert Browser(stack["b"], forwarded="198.51.100.23").login("chefin") == 429
    assert Browser(stack["b"], forwarded="198.51.100.24").login("chefin") == 302


def test_through_nginx_the_lockout_counts_the_real_client_address(stack):
    answers = [
        Browser(stack["https"], https=True, proxied=True, forwarded=f"192.0.2.{attempt}").login(
            "nginx-test", "falsch"
        )
        for attempt in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert answers[-1] == 429, answers
    again = Browser(stack["https"], https=True, proxied=True, forwarded="192.0.2.200")
    assert again.login("nginx-test") == 429
    addresses = psql(
        stack["database"],
        "SELECT DISTINCT ip_address FROM axes_accessattempt WHERE username = 'nginx-test'",
    )
    assert addresses.split() == [CLIENT]


def test_through_nginx_plain_http_is_redirected_to_https(stack):
    plain = Browser(stack["http"], proxied=True)
    status, response, _page = plain.get("/de/", headers={"X-Forwarded-Proto": "https"})
    assert status == 301, "a client cannot claim HTTPS: nginx overwrites the header"
    assert response.getheader("Location") == f"https://127.0.0.1:{stack['http']}/de/"
    status, response, page = Browser(stack["https"], https=True, proxied=True).get("/de/")
    assert status == 200
    assert "max-age=" in response.getheader("Strict-Transport-Security")
    assert "Integrationsportal" in page


def test_pg_dump_restored_into_a_copy_holds_the_same_content(stack):
    dump = stack["prefix"] / "backup.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}",
         database_url(stack["database"])],
        check=True, capture_output=True,
    )  # fmt: skip
    psql("postgres", f'CREATE DATABASE "{stack["copy"]}"')
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={database_url(stack['copy'])}",
         str(dump)],
        check=True, capture_output=True,
    )  # fmt: skip
    tables = psql(
        stack["database"],
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    ).split()
    assert "measures_measure" in tables and "measures_statusentry" in tables

    def content(database):
        return {
            table: psql(
                database,
                f"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                f"ORDER BY t::text)), '') FROM \"{table}\" t",
            )
            for table in tables
        }

    original = content(stack["database"])
    assert original == content(stack["copy"])
    assert not original["measures_measure"].startswith("0:")
