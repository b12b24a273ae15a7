#!/usr/bin/env python3
"""
Foundation benchmark: cold start to healthy (median of 5), idle RSS, and the latency of
GET /api/v1/results with 100,000 stored runs, on SQLite and (when --pg URL is given) PostgreSQL.

Usage: scripts/bench/foundation/bench.py [--runs 100000] [--pg postgresql://kitt:kitt@127.0.0.1:5432/db]
Needs target/kitt.jar (scripts/kitt builds it). Uses only loopback.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
JAR = os.path.join(ROOT, "target", "kitt.jar")
PASSWORD = "bench-password"


def start(home, port, db_url):
    env = dict(os.environ, KITT_HOME=home, KITT_ADMIN_PASSWORD=PASSWORD, KITT_DATABASE_URL=db_url or "")
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", "-jar", JAR, "server", "--insecure", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1) as r:
                if r.status == 200:
                    return proc, time.monotonic() - t0
        except OSError:
            time.sleep(0.02)
    proc.kill()
    raise RuntimeError("server did not become healthy in 60 s")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def call(port, method, path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else body.encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read()


def login(port):
    _, body = call(port, "POST", "/api/v1/auth/login", json.dumps({"username": "admin", "password": PASSWORD}))
    return json.loads(body)["token"]


SEED_SQL = """
INSERT INTO runs (id, kitt_version, suite_name, engine, model, passed, total_benchmarks, passed_count,
                  failed_count, total_time_seconds, started_at, created_at, source, document)
SELECT 'seed-' || i, '0.1.0', 'quick',
       CASE i % 5 WHEN 0 THEN 'vllm' WHEN 1 THEN 'llama_cpp' WHEN 2 THEN 'ollama' WHEN 3 THEN 'exllamav2' ELSE 'sim' END,
       'model-' || (i % 40), 1, 1, 1, 0, 10.0, CAST(1767225600000 AS BIGINT) + CAST(i AS BIGINT) * 60000, CAST(1767225600000 AS BIGINT), 'seed', '{}'
FROM {series};
INSERT INTO benchmarks (id, run_id, test_name, test_version, run_number, passed, at, errors)
SELECT 'b-' || i, 'seed-' || i, 'throughput', '1.0.0', 1, 1, 0, '[]' FROM {series};
INSERT INTO metrics (benchmark_id, run_id, name, value)
SELECT 'b-' || i, 'seed-' || i, 'output_tokens_per_s', 50 + (i * 7919) % 5000 FROM {series};
"""


def seed_sql(home, db_url, n):
    """Bulk rows straight into the migrated schema: the list queries are what is measured."""
    if db_url:
        sql = SEED_SQL.replace("{series}", f"generate_series(1, {n}) AS s(i)")
        subprocess.run(["psql", db_url, "-qc", "SET client_min_messages = warning;" + sql], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["psql", db_url, "-qc", "ANALYZE"], check=True, stdout=subprocess.DEVNULL)
    else:
        series = f"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s)"
        con = sqlite3.connect(os.path.join(home, "kitt.db"))
        con.executescript(SEED_SQL.replace("{series}", series) + "ANALYZE;")
        con.close()


def seed(port, token, n):
    engines = ["vllm", "llama_cpp", "ollama", "exllamav2", "sim"]

    def one(i):
        ts = 1767225600000 + i * 60000
        tps = 50 + (i * 7919) % 5000
        doc = {"kitt_version": "0.1.0", "run_id": f"bench-{i:07d}", "suite_name": "quick", "timestamp": ts,
               "engine": engines[i % 5], "model": f"model-{i % 40}", "passed": True,
               "results": [{"test_name": "throughput", "run_number": 1, "passed": True, "errors": [],
                            "metrics": {"output_tokens_per_s": tps, "ttft_ms_p50": 1000 / tps}}]}
        call(port, "POST", "/api/v1/results", json.dumps(doc), token)

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(n), chunksize=256))
    return n / (time.monotonic() - t0)


def latency(port, token, path, count=200):
    samples = []
    for _ in range(count):
        t0 = time.perf_counter()
        call(port, "GET", path, token=token)
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def bench(label, db_url, runs, port):
    print(f"\n## {label}")
    starts = []
    for _ in range(5):
        home = tempfile.mkdtemp(prefix="kitt-bench-")
        proc, secs = start(home, port, db_url)
        starts.append(secs)
        stop(proc)
        shutil.rmtree(home, ignore_errors=True)
        if db_url:
            reset_pg(db_url)
    print(f"cold start to healthy: median {statistics.median(starts) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in starts)})")
    home = tempfile.mkdtemp(prefix="kitt-bench-")
    proc, _ = start(home, port, db_url)
    time.sleep(5)
    print(f"idle RSS: {rss_mb(proc.pid):.0f} MB")
    token = login(port)
    rate = seed(port, token, 2000)
    print(f"import through POST /api/v1/results: {rate:.0f} runs/s (2,000 runs, 8 clients)")
    stop(proc)
    seed_sql(home, db_url, runs)
    proc, _ = start(home, port, db_url)
    try:
        token = login(port)
        print(f"then {runs} more runs bulk-inserted; list latency over 200 requests each:")
        for path in ["/api/v1/results?per_page=50",
                     "/api/v1/results?per_page=50&engine=vllm",
                     "/api/v1/results?per_page=50&page=1000",
                     "/api/v1/results/aggregate?group_by=engine&metric=output_tokens_per_s"]:
            p50, p99 = latency(port, token, path)
            print(f"GET {path}: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    finally:
        stop(proc)
        shutil.rmtree(home, ignore_errors=True)


def reset_pg(url):
    subprocess.run(["psql", url, "-qc", "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;"],
                   check=True, stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=100000)
    ap.add_argument("--pg", help="an empty PostgreSQL database URL to benchmark too (it is wiped)")
    ap.add_argument("--port", type=int, default=18555)
    args = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build the jar first: scripts/kitt --version")
    bench("SQLite (embedded)", "", args.runs, args.port)
    if args.pg:
        reset_pg(args.pg)
        bench("PostgreSQL 15", args.pg, args.runs, args.port)


if __name__ == "__main__":
    main()
