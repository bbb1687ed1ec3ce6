"""Concurrent requests on one record against a running server: exactly one wins, the others
get 409, and nothing is written twice (issue 12, items 3, 4 and 6)."""
import uuid
from concurrent.futures import ThreadPoolExecutor

from api import call, dataset_body, fingerprints, token

DE = "demo.pactum.example"


def at_once(count, work):
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: work(), range(count)))


def statuses(results):
    return sorted(status for status, _ in results)


def test_concurrent_decisions_on_one_candidate_leave_one_decision(server):
    operator = token(server, f"registry-operator.de@{DE}")
    expert = token(server, f"fingerprint-expert.de@{DE}")
    family = "Concurrenzia" + uuid.uuid4().hex[:6]
    first = call(server.base_url, "POST", "/api/v1/registry/datasets", dataset_body(familyNames=family), operator)
    assert first[0] == 201, first
    again = call(server.base_url, "POST", "/api/v1/registry/datasets", dataset_body(familyNames=family), operator)
    candidate = next(c for c in again[1]["candidates"] if c["match"]["id"] == first[1]["dataset"]["id"])
    path = f"/api/v1/registry/candidates/{candidate['id']}/decision"
    # A name-only candidate: referred for a fingerprint comparison or set aside, never confirmed.
    decisions = iter(["refer", "reject"] * 10)
    results = at_once(20, lambda: call(server.base_url, "POST", path, {"decision": next(decisions)}, expert))
    assert statuses(results) == [200] + [409] * 19, results
    winner = next(body for status, body in results if status == 200)
    queue = call(server.base_url, "GET", "/api/v1/registry/candidates", token=expert)[1]
    assert all(c["id"] != candidate["id"] for c in queue)
    assert winner["status"] in ("referred-for-comparison", "dismissed")


def test_concurrent_security_flags_leave_one_flag(server):
    operator = token(server, f"registry-operator.de@{DE}")
    created = call(server.base_url, "POST", "/api/v1/registry/datasets", dataset_body(), operator)
    path = f"/api/v1/registry/datasets/{created[1]['dataset']['id']}/events"
    results = at_once(20, lambda: call(server.base_url, "POST", path,
                                       {"event": "flag-security", "ground": "armed"}, operator))
    assert statuses(results) == [200] + [409] * 19, results


def test_concurrent_uploads_store_one_biometric_record(server, tmp_path):
    operator = token(server, f"registry-operator.de@{DE}")
    dpo = token(server, f"data-protection-officer.de@{DE}")
    prints = fingerprints(tmp_path, persons=1, seed=uuid.uuid4().int % 10_000)
    created = call(server.base_url, "POST", "/api/v1/registry/datasets", dataset_body(), operator)[1]["dataset"]
    path = f"/api/v1/registry/datasets/{created['id']}/biometrics"
    results = at_once(10, lambda: call(server.base_url, "POST", path, {"fingerprints": prints[0]}, operator))
    assert statuses(results) == [201] + [409] * 9, results
    export = call(server.base_url, "GET", f"/api/v1/registry/persons/{created['personId']}/export", token=dpo)[1]
    assert [b["kind"] for b in export["biometrics"]] == ["fingerprints"]


def test_concurrent_registrations_with_one_reference_leave_one_dataset(server):
    operator = token(server, f"registry-operator.it@{DE}")
    body = dataset_body(reference=f"DUP-{uuid.uuid4().hex[:8]}")
    results = at_once(10, lambda: call(server.base_url, "POST", "/api/v1/registry/datasets", body, operator))
    assert statuses(results) == [201] + [409] * 9, results
    assert all(body["status"] == 409 for status, body in results if status == 409)


def test_parallel_wrong_passwords_all_count_and_the_lock_holds(server):
    email = f"national-contact-point.es@{DE}"
    results = at_once(30, lambda: call(server.base_url, "POST", "/api/v1/auth/token",
                                       {"email": email, "password": "not the password at all"}))
    assert statuses(results) == [401] * 30
    right = call(server.base_url, "POST", "/api/v1/auth/token", {"email": email, "password": server.password})
    assert right[0] == 401, "the right password worked after 30 wrong ones"
