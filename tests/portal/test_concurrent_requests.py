"""Real concurrency: 20 staff report a status at the same moment to a running server.

The server runs as `make run` runs it (``manage.py runserver``, dev settings) in
its own process, on a SQLite file and — when the suite runs on PostgreSQL — on a
PostgreSQL database of its own; 20 threads each log in to the admin and post
the quick status form at once (a barrier releases them together). Every report
must be saved: 20 entries, no error.
"""

import datetime
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid

import httpx
import pytest
from django.conf import settings
from django.db import connection

PARALLEL = 20
PASSWORD = "parallel-test-password-7"  # noqa: S105 (test only)
SETUP = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("parallel", "", "{PASSWORD}")
from measures.models import Measure
print(Measure.objects.get(code="3.1").pk)
"""
COUNT = """
from measures.models import Measure, StatusEntry
m = Measure.objects.get(code="3.1")
print(StatusEntry.objects.filter(measure=m).count(), m.status, m.version)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


def server_env(database_url: str, tmp_path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_", "REDIS_URL", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="aachen_portal.settings.dev",
        DATABASE_URL=database_url,
        DEBUG="false",
        IMPORT_PREVIEW_DIR=str(tmp_path / "previews"),
    )
    return env


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def report(base: str, measure_pk: int, progress: int, barrier, outcomes: list) -> None:
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            login = client.get("/admin/login/")
            done = client.post(
                "/admin/login/?next=/admin/",
                data={
                    "csrfmiddlewaretoken": csrf_token(login.text),
                    "username": "parallel",
                    "password": PASSWORD,
                    "next": "/admin/",
                },
            )
            assert done.status_code == 302, done.status_code
            url = f"/admin/measures/measure/{measure_pk}/sachstand/"
            form = client.get(url)
            barrier.wait(timeout=120)
            response = client.post(
                url,
                data={
                    "csrfmiddlewaretoken": csrf_token(form.text),
                    "reported_on": datetime.date.today().strftime("%d.%m.%Y"),
                    "status": "in_progress",
                    "progress": str(progress),
                    "publish": "on",
                },
            )
            outcomes.append(response.status_code)
    except Exception as error:  # noqa: BLE001 (every failure is counted)
        outcomes.append(repr(error))


def run_parallel_reports(database_url: str, tmp_path) -> tuple[list, str]:
    env = server_env(database_url, tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_sources")
    measure_pk = int(manage(env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(300):
            try:
                httpx.get(base + "/admin/login/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        barrier = threading.Barrier(PARALLEL)
        outcomes: list = []
        threads = [
            threading.Thread(target=report, args=(base, measure_pk, n, barrier, outcomes))
            for n in range(1, PARALLEL + 1)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return outcomes, manage(env, "shell", "-c", COUNT).stdout.strip().splitlines()[-1].split()


def test_twenty_parallel_status_reports_on_sqlite_all_succeed(tmp_path):
    outcomes, (entries, status, _version) = run_parallel_reports(
        f"sqlite:///{tmp_path / 'portal.sqlite3'}", tmp_path
    )
    assert outcomes == [302] * PARALLEL
    assert (int(entries), status) == (PARALLEL, "in_progress")


@pytest.mark.django_db
def test_twenty_parallel_status_reports_on_postgresql_all_succeed(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL)")
    import psycopg

    params = connection.settings_dict
    name = f"aachen_live_{uuid.uuid4().hex[:10]}"
    admin = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
        url = f"postgres://{auth}@{admin['host']}:{admin['port']}/{name}"
        outcomes, (entries, status, _version) = run_parallel_reports(url, tmp_path)
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert outcomes == [302] * PARALLEL
    assert (int(entries), status) == (PARALLEL, "in_progress")
