"""Change-feed lag between two `pactum serve` processes on one PostgreSQL database (issue 14).

Registers datasets through process A at a fixed rate (200 a second by default) for a while, then
reads process B's histogram `pactum_change_feed_lag_seconds` (from a change's commit in A to its
application in B's identification index) and prints p50 and p99 with the rate reached.

    swift build -c release --product pactum
    python3 Benchmarks/nodes/change_feed_benchmark.py --database postgres://pactum:pactum@127.0.0.1:5432/pactum_nodes

The database is emptied first (DROP SCHEMA public CASCADE): give it one of its own.

The registrations are distinct synthetic persons from `pactum identity generate` (no
duplicates), as at a border where most arrivals are new: each registration searches the index
and finds few candidates. Registering one person over and over would turn every registration
into a dozen candidates with their audit entries, a different workload (`--same-person`).

`--direct` measures the feed alone: the benchmark writes each registration's rows (person,
dataset, change, notification) straight into PostgreSQL in one transaction at the rate, as
process A's registration does without its API, audit and clocks, and process B applies them.
On a 2-core machine that also runs both servers and PostgreSQL, registrations through the API
do not reach 200 a second, the feed's own rate can be.
"""
import csv
import tempfile
import uuid
import argparse
import concurrent.futures
import pathlib
import re
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
sys.path.insert(0, str(ROOT / "Tests" / "server"))
from api import call, dataset_body  # noqa: E402
from conftest import DemoServer  # noqa: E402


def histogram(base):
    """The cumulative buckets of B's lag histogram: [(upper bound in s, count)], and the count."""
    with urllib.request.urlopen(base + "/metrics", timeout=10) as response:
        text = response.read().decode()
    buckets = [(float("inf") if m.group(1) == "+Inf" else float(m.group(1)), int(float(m.group(2))))
               for m in re.finditer(r'pactum_change_feed_lag_seconds_bucket\{le="([^"]+)"\} (\S+)', text)]
    return sorted(buckets)


def percentile(buckets, p):
    total = buckets[-1][1] if buckets else 0
    for bound, count in buckets:
        if count >= p * total:
            return bound
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "pactum"))
    parser.add_argument("--same-person", action="store_true", help="register one person's data every time")
    parser.add_argument("--direct", action="store_true", help="write the rows straight into PostgreSQL")
    args = parser.parse_args()
    total = int(args.rate * args.seconds)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "people.csv"
        subprocess.run([args.binary, "identity", "generate", "--persons", str(total), "--seed", "14",
                        "--duplicates", "0", "--out", str(out)], check=True, capture_output=True)
        people = list(csv.DictReader(out.open()))
    if args.same_person:
        people = [{"given_name": "Yusuf", "family_name": "Quaresimo", "date_of_birth": "1991-04-02", "sex": "M"}] * total
    subprocess.run(["psql", args.database, "-qtAX", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public"],
                   check=True)
    env = {"DATABASE_URL": args.database, "LOG_LEVEL": "warning"}
    a = DemoServer(binary=args.binary, env=env, wait=False)
    a.await_start()
    b = DemoServer(binary=args.binary, env=env)
    try:
        status, body = call(a.base_url, "POST", "/api/v1/auth/token",
                            {"email": "registry-operator.de@demo.pactum.example", "password": b.password})
        assert status == 201, body
        token = body["token"]
        time.sleep(3)  # B has applied the demo A loaded.
        before = histogram(b.base_url)
        failures = []
        done = []
        lock = threading.Lock()

        writer = None
        if args.direct:
            writer = subprocess.Popen(["psql", args.database, "-qtAX", "-v", "ON_ERROR_STOP=1"],
                                      stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
            origin = str(uuid.uuid4())

        def write(n):
            p = people[n]
            person, dataset = uuid.uuid4(), uuid.uuid4()

            def text(value):
                return "NULL" if not value else "'" + value.replace("'", "''") + "'"
            writer.stdin.write(
                f"BEGIN; INSERT INTO registry_persons (id, created_at) VALUES ('{person}', now());"
                " INSERT INTO registry_datasets (id, person_id, state_code, category, reference, bio_given_names,"
                " bio_family_names, bio_date_of_birth, bio_sex, bio_nationalities, event_at, event_place, operator_id,"
                f" created_at, updated_at) VALUES ('{dataset}', '{person}', 'DE', 'A', 'LAG-{n}',"
                f" {text(p['given_name'])}, {text(p['family_name'])}, {text(p['date_of_birth'])}, {text(p['sex'])},"
                " 'SYR', now(), 'Lampedusa', 'benchmark', now(), now());"
                f" INSERT INTO registry_changes (dataset_id, origin, at) VALUES ('{dataset}', '{origin}', clock_timestamp());"
                " SELECT pg_notify('pactum_registry_changes', ''); COMMIT;\n")
            writer.stdin.flush()
            done.append(201)

        def register(n):
            p = people[n]
            body = dataset_body(givenNames=p["given_name"], familyNames=p["family_name"],
                                dateOfBirth=p["date_of_birth"] or None, sex=p["sex"] or None)
            status, _ = call(a.base_url, "POST", "/api/v1/registry/datasets",
                             {k: v for k, v in body.items() if v is not None}, token=token)
            with lock:
                (done if status == 201 else failures).append(status)

        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
            for n in range(total):
                # Open loop: each registration is sent at its time, whatever the others do.
                delay = start + n / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                if writer:
                    write(n)
                else:
                    pool.submit(register, n)
        if writer:
            writer.stdin.close()
            writer.wait()
        elapsed = time.monotonic() - start
        time.sleep(2)
        after = histogram(b.base_url)
        delta = [(bound, count - dict(before).get(bound, 0)) for bound, count in after]
        print(f"registrations {'written into PostgreSQL' if writer else 'through A'}: {len(done)} in {elapsed:.1f} s"
              f" ({len(done) / elapsed:.0f}/s, "
              f"asked {args.rate:.0f}/s), {len(failures)} failed")
        print(f"changes applied by B: {delta[-1][1] if delta else 0}")
        print(f"lag {'writer' if writer else 'A'} -> B: p50 <= {percentile(delta, 0.5) * 1000:.0f} ms, p99 <= {percentile(delta, 0.99) * 1000:.0f} ms "
              "(upper bounds of the histogram's buckets)")
    finally:
        a.stop()
        b.stop()


if __name__ == "__main__":
    main()
