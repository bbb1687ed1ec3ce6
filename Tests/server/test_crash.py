"""`kill -9` under a mixed write load, restart, then the invariants (issue 12, item 5): every
acknowledged write is there, no dataset holds fingerprints without the candidates they
produced, and the audit chain verifies."""
import os
import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from api import call, dataset_body, fingerprints, token
from conftest import DemoServer, run_pactum

DE = "demo.pactum.example"
SECONDS_OF_LOAD = 6
WRITERS = 8


def writer(server, operator, officer, prints, stop, acknowledged):
    """Registers pairs of datasets of one person, the second with the same ten-print, and
    opens screenings, until told to stop; records what the server acknowledged."""
    base = server.base_url
    for n, ten_print in enumerate(prints):
        if stop.is_set():
            return
        try:
            pair = []
            for _ in range(2):
                status, body = call(base, "POST", "/api/v1/registry/datasets",
                                    dataset_body(familyNames=f"Crashtest{uuid.uuid4().hex[:8]}"), operator, timeout=10)
                if status != 201:
                    break
                acknowledged["datasets"].append(body["dataset"]["id"])
                pair.append(body["dataset"]["id"])
                if len(pair) == 2:
                    # Its upload may be cut by the kill: whatever of it was committed must be whole.
                    acknowledged["pairs"].append(tuple(pair))
                status, _ = call(base, "POST", f"/api/v1/registry/datasets/{body['dataset']['id']}/biometrics",
                                 {"fingerprints": ten_print}, operator, timeout=10)
                if status != 201:
                    break
                if len(pair) == 2:
                    acknowledged["uploads"] += 1
            status, body = call(base, "POST", "/api/v1/screening/cases",
                                {"reference": f"CR-{uuid.uuid4().hex[:10]}", "situation": "border-apprehension",
                                 "eventAt": "2026-11-30T08:00:00Z", "eventPlace": "Evros",
                                 "familyNames": f"Screened{n}"}, officer, timeout=10)
            if status == 201:
                acknowledged["screenings"].append(body["screening"]["id"])
        except OSError:
            return  # the server was killed mid-request: that write was never acknowledged


@pytest.mark.parametrize("run", range(int(os.environ.get("PACTUM_CRASH_RUNS", "5"))))
def test_kill_9_under_write_load_loses_nothing_acknowledged(tmp_path, run):
    prints = fingerprints(tmp_path, persons=120, seed=42 + run)
    server = DemoServer()
    acknowledged = {"datasets": [], "pairs": [], "screenings": [], "uploads": 0}
    stop = threading.Event()
    # Signed in before the load starts: a slow Bcrypt must not eat the seconds before the kill.
    operator = token(server, f"registry-operator.de@{DE}")
    officer = token(server, f"screening-officer.de@{DE}")
    # Eight writers keep fingerprint searches queued in the index, so the kill lands while
    # uploads are between their search and their commit.
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        futures = [pool.submit(writer, server, operator, officer, prints[i::WRITERS], stop, acknowledged) for i in range(WRITERS)]
        time.sleep(SECONDS_OF_LOAD)
        server.kill()
        stop.set()
        for f in futures:
            f.result()
    assert acknowledged["uploads"], "the load produced no acknowledged pair before the kill"
    print(f"crash run {run}: killed after {len(acknowledged['datasets'])} acknowledged datasets, "
          f"{acknowledged['uploads']} second uploads, {len(acknowledged['screenings'])} screenings")

    restarted = DemoServer(data_dir=server.data_dir)
    try:
        dpo = token(restarted, f"data-protection-officer.de@{DE}")
        officer = token(restarted, f"screening-officer.de@{DE}")
        for dataset in acknowledged["datasets"]:
            status, _ = call(restarted.base_url, "GET", f"/api/v1/registry/datasets/{dataset}", token=dpo)
            assert status == 200, f"acknowledged dataset {dataset} is gone"
        for screening in acknowledged["screenings"]:
            status, _ = call(restarted.base_url, "GET", f"/api/v1/screening/cases/{screening}", token=officer)
            assert status == 200, f"acknowledged screening {screening} is gone"
        # No dataset holds fingerprints without the candidates their search produced: the second
        # of a pair was searched after the first's fingerprints were acknowledged, so wherever
        # its own fingerprints were committed, acknowledged or cut by the kill, its hit must be.
        db = sqlite3.connect(f"{server.data_dir}/pactum.sqlite")
        with_prints = {str(h).lower() for (h,) in db.execute(
            "SELECT dataset_id FROM registry_biometrics WHERE kind = 'fingerprints'")}
        candidates = {(str(p).lower(), str(m).lower()) for p, m in db.execute(
            "SELECT probe_id, match_id FROM registry_candidates WHERE source = 'fingerprints'")}
        db.close()
        for first, second in ((a.lower(), b.lower()) for a, b in acknowledged["pairs"]):
            assert first in with_prints
            if second in with_prints:
                assert (second, first) in candidates, f"dataset {second} has fingerprints but not its hit"
    finally:
        restarted.stop()
    verify = run_pactum("audit", "verify", data_dir=server.data_dir)
    assert verify.returncode == 0, verify.stdout + verify.stderr
