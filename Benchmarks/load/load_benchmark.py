#!/usr/bin/env python3
"""Load run (issue 12): wrk against a release build of `pactum serve --demo` on loopback, for
reads, searches and registrations in turn, bounded in time. Prints requests per second, p50,
p99 and the errors (non-2xx answers and socket errors), which must be 0.

    swift build -c release --product pactum && python3 Benchmarks/load/load_benchmark.py [--seconds 15]
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "Tests"))
sys.path.insert(0, str(ROOT / "Tests" / "server"))
from conftest import DemoServer  # noqa: E402
from api import call, dataset_body, token  # noqa: E402


def wrk(server, script, seconds, connections, env):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", "-s", str(HERE / script),
         server.base_url], capture_output=True, text=True, env={**os.environ, **env}, timeout=seconds + 60)
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def latency(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    socket = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rate, "p50": latency(50), "p99": latency(99), "errors": non2xx + socket, "requests": total}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    binary = str(ROOT / ".build/release/pactum")
    server = DemoServer(binary=binary)
    try:
        operator = token(server, "registry-operator.de@demo.pactum.example")
        ids = []
        for _ in range(50):
            status, body = call(server.base_url, "POST", "/api/v1/registry/datasets", dataset_body(), operator)
            assert status == 201, body
            ids.append(body["dataset"]["id"])
        env = {"PACTUM_TOKEN": operator, "PACTUM_IDS": ",".join(ids)}
        rows = []
        for name, script in [("reads (GET dataset)", "read.lua"), ("searches (POST search)", "search.lua"),
                             ("registrations (POST datasets)", "register.lua")]:
            r = wrk(server, script, args.seconds, args.connections, env)
            rows.append((name, r))
            print(f"{name:32} {r['rps']:8.0f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms  "
                  f"errors {r['errors']} of {r['requests']}", flush=True)
    finally:
        server.stop()
    if any(r["errors"] for _, r in rows):
        sys.exit("errors under load")


if __name__ == "__main__":
    main()
