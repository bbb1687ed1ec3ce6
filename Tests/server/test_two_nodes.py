"""Two `pactum serve` processes on one PostgreSQL database, as a national node runs them behind a
load balancer: they start together on an empty database, each sees the other's registrations
within a second (the change feed), and a clock that lapses has its consequence applied once."""
import os
import subprocess
import time

import pytest

from api import call, dataset_body
from conftest import DemoServer

URL = os.environ.get("PACTUM_TEST_NODES_POSTGRES_URL")
OPERATOR = "registry-operator.de@demo.pactum.example"


def psql(sql):
    result = subprocess.run(["psql", URL, "-qtAX", "-c", sql], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def signed_in(nodes, email):
    """Both processes loaded the demo; the later load set the password that holds."""
    for node in nodes:
        status, body = call(nodes[0].base_url, "POST", "/api/v1/auth/token",
                            {"email": email, "password": node.password})
        if status == 201:
            return body["token"]
    raise AssertionError("no demo password signs in")


@pytest.fixture(scope="module")
def nodes():
    if not URL:
        pytest.skip("PACTUM_TEST_NODES_POSTGRES_URL is not set")
    # An empty database: the two processes create the schema between them.
    psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    env = {"DATABASE_URL": URL, "PACTUM_SCHEDULER_INTERVAL": "1"}
    started = [DemoServer(env=env, wait=False), DemoServer(env=env, wait=False)]
    try:
        for node in started:
            node.await_start()
        yield started
    finally:
        for node in started:
            node.stop()


def test_both_start_together_on_an_empty_database(nodes):
    migrations = int(psql("SELECT count(*) FROM _fluent_migrations"))
    names = int(psql("SELECT count(DISTINCT name) FROM _fluent_migrations"))
    assert migrations == names > 10
    # One set of demo users, loaded by one process and found loaded by the other.
    assert int(psql("SELECT count(*) FROM users WHERE email LIKE '%@demo.pactum.example'")) == len(nodes[0].logins)
    assert int(psql("SELECT count(*) FROM registry_datasets")) > 100
    for node in nodes:
        assert call(node.base_url, "GET", "/health")[0] == 200


def found_through(node, token, dataset, names, within):
    """Seconds until a search through `node` finds the dataset, or None after `within` seconds."""
    probe = {"purpose": "identity-check", **names}
    start = time.monotonic()
    while time.monotonic() - start < within:
        status, result = call(node.base_url, "POST", "/api/v1/registry/search", probe, token=token)
        assert status == 200, result
        if any(m["dataset"]["id"] == dataset for m in result["matches"]):
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def register(node, token, **names):
    status, registered = call(node.base_url, "POST", "/api/v1/registry/datasets", dataset_body(**names), token=token)
    assert status == 201, registered
    return registered["dataset"]["id"]


def test_a_registration_through_one_is_found_through_the_other_within_a_second(nodes):
    a, b = nodes
    token = signed_in(nodes, OPERATOR)
    # The second process first applies what the first wrote while both started (the demo).
    first = {"givenNames": "Selam", "familyNames": "Haile", "dateOfBirth": "1990-07-01"}
    assert found_through(b, token, register(a, token, nationalities="ERI", **first), first, within=60) is not None
    names = {"givenNames": "Tesfay", "familyNames": "Gebremariam", "dateOfBirth": "1994-02-11"}
    lag = found_through(b, token, register(a, token, nationalities="ERI", **names), names, within=5)
    print(f"found through the other process after {lag} s")
    assert lag is not None and lag < 1.0


def test_a_clock_that_lapses_runs_its_consequence_once(nodes):
    # A transmitted demo dataset whose retention ends now: both schedulers sweep every second.
    dataset = psql("SELECT record_id FROM legal_clocks WHERE rule_id = 'EDAC-E1' ORDER BY record_id LIMIT 1")
    assert dataset
    psql(f"UPDATE legal_clocks SET due_at = now() - interval '1 minute' "
         f"WHERE rule_id = 'EDAC-E1' AND record_id = '{dataset}'")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and psql(f"SELECT count(*) FROM registry_datasets WHERE id = '{dataset}'") != "0":
        time.sleep(0.2)
    assert psql(f"SELECT count(*) FROM registry_datasets WHERE id = '{dataset}'") == "0"
    # Three more sweeps of each process: still one erasure.
    time.sleep(3)
    assert psql(f"SELECT count(*) FROM audit_entries WHERE action = 'registry.erase' AND lower(record_id) = '{dataset}'") == "1"
    assert psql("SELECT count(*) FROM registry_erasures") == "1"
    for node in nodes:
        assert not node.errors, node.errors
