"""Load benchmark: gunicorn on PostgreSQL, driven by wrk, against a static baseline.

    make bench            (or: .venv/bin/python bench/run.py)

For each catalogue size (107 and 10,000 measures, each in its own database) it
seeds the database, serves the portal with gunicorn (production settings), and
measures every page with wrk at a fixed concurrency. The baseline is a static
file of the same size as the measure list, served by the same stack
(whitenoise): the fastest this server can answer. It prints requests per
second, p50 and p95 latency, and each page's throughput relative to the
baseline measured in the same run, and writes them to bench/results/.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8911"))
LUA = Path(__file__).with_name("report.lua")
PAGES = {
    "home": "/de/",
    "measure list": "/de/massnahmen/",
    "measure page": "/de/massnahmen/3.1/",
    "dashboard": "/de/sachstand/",
    "CSV export": "/daten/massnahmen.csv",
}
BASELINE_PATH = "/static/bench/baseline.html"


def env_for(database: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "aachen_portal.settings.production",
        "DATABASE_URL": f"{PG}/{database}",
        "SECRET_KEY": "benchmark-only-secret-key-not-for-production-0123456789abcdef",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "CONN_MAX_AGE": "600",
        # The production set-up: a shared Redis for the whole-page cache, with a
        # fresh key prefix so no page of an earlier run is served.
        "REDIS_URL": os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14"),
        "CACHE_KEY_PREFIX": f"bench-{database}-{time.time_ns()}",
    }


def run(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(
        args, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def recreate_database(database: str) -> None:
    subprocess.run(
        [
            "psql",
            f"{PG}/postgres",
            "-q",
            "-c",
            f'DROP DATABASE IF EXISTS "{database}"',
            "-c",
            f'CREATE DATABASE "{database}"',
        ],
        check=True,
        capture_output=True,
    )


def prepare(measures: int, env: dict[str, str]) -> None:
    run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], env)
    print(run([PYTHON, "bench/seed.py", "--measures", str(measures)], env).strip())
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)


def wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:  # noqa: BLE001 - the server is still starting
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not come up at {url}")


def write_baseline(env: dict[str, str]) -> int:
    """A static file exactly as large as the measure list response.

    Written before gunicorn starts, because whitenoise indexes static files at start-up.
    """
    size = run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from django.test import Client;"
            f"print(len(Client(HTTP_HOST='{HOST}').get('{PAGES['measure list']}').content))",
        ],
        env,
    )
    size_bytes = int(size.strip().splitlines()[-1])
    target = ROOT / "staticfiles" / "bench" / "baseline.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x" * size_bytes)
    return size_bytes


def wrk(path: str, connections: int, seconds: int, *, strict: bool = True) -> dict[str, float]:
    """Drive one URL; ``strict`` fails on any error, otherwise errors are counted."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(LUA),
            f"http://{HOST}:{PORT}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(re.search(r"^JSON (.*)$", output, re.M).group(1))
    if strict and (result["non_2xx"] or result["errors"]):
        raise RuntimeError(f"{path}: {result['non_2xx']} non-2xx, {result['errors']} errors")
    return result


def serve_and_measure(env, connections: int, seconds: int, workers: int, *, cached: bool):
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "aachen_portal.wsgi", "--bind", f"{HOST}:{PORT}",
         "--workers", str(workers), "--access-logfile", "/dev/null", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    rows = {}
    try:
        wait_until_up(f"http://{HOST}:{PORT}{BASELINE_PATH}")
        if cached:
            wrk(BASELINE_PATH, connections, 1)  # warm up
            rows["static baseline"] = {
                "path": BASELINE_PATH,
                **wrk(BASELINE_PATH, connections, seconds),
            }
        for name, path in PAGES.items():
            wrk(path, connections, 1, strict=cached)  # warm caches and connections
            rows[name] = {"path": path, **wrk(path, connections, seconds, strict=cached)}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return rows


def measure_size(size: int, connections: int, seconds: int, workers: int, keep: bool) -> dict:
    database = f"aachen_bench_{size}"
    env = env_for(database)
    if keep:  # same data, but the schema and catalogues of this checkout
        run([PYTHON, "manage.py", "migrate", "-v0"], env)
        run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], env)
    else:
        recreate_database(database)
        prepare(size, env)
    size_bytes = write_baseline(env)
    rows = serve_and_measure(env, connections, seconds, workers, cached=True)
    # For the record, not for the targets: every page rendered anew (page cache off),
    # which shows the cost of a cache miss and how it grows with the catalogue.
    uncached = serve_and_measure(
        {**env, "PORTAL_PAGE_CACHE": "0"}, connections, seconds, workers, cached=False
    )
    for name, row in uncached.items():
        rows[f"{name} (uncached)"] = row
    baseline = rows["static baseline"]["rps"]
    for row in rows.values():
        row["ratio"] = row["rps"] / baseline
    return {"measures": size, "list_bytes": size_bytes, "rows": rows}


def print_table(result: dict) -> None:
    print(f"\n{result['measures']} measures (measure list {result['list_bytes']:,} bytes)")
    print(f"{'page':<28}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'× static':>10}{'errors':>8}")
    for name, row in result["rows"].items():
        print(
            f"{name:<28}{row['rps']:>9.0f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
            f"{row['ratio']:>10.2f}{row['errors'] + row['non_2xx']:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="107,10000")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--keep-data", action="store_true", help="reuse the databases of the last run"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    results = [
        measure_size(int(size), args.connections, args.seconds, args.workers, args.keep_data)
        for size in args.sizes.split(",")
    ]
    for result in results:
        print_table(result)
    if len(results) == 2:
        small, large = results
        print("\n10,000 vs 107 measures (throughput ratio, target ≥ 0.5 except the full CSV):")
        for name in small["rows"]:
            if name == "static baseline":
                continue
            print(f"  {name:<16}{large['rows'][name]['rps'] / small['rows'][name]['rps']:.2f}")
    print(
        "\nTargets (cached pages, as served): ≥ 0.5× static, p95 < 50 ms, 10,000 within 2× of 107"
    )
    for result in results:
        for name in PAGES:
            row = result["rows"][name]
            ok = row["ratio"] >= 0.5 and row["p95_ms"] < 50
            print(f"  {result['measures']:>6} {name:<14} {'met' if ok else 'MISSED'}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    machine = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    (out / f"{stamp}.json").write_text(
        json.dumps(
            {"machine": machine, "results": results, "connections": args.connections}, indent=2
        )
    )
    print(f"\nResults written to bench/results/{stamp}.json")


if __name__ == "__main__":
    main()
