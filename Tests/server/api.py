"""A small JSON client for the running server, for the concurrency, crash and load tests."""
import base64
import json
import pathlib
import urllib.error
import urllib.request
import uuid

from conftest import run_pactum


def call(base, method, path, body=None, token=None, timeout=60):
    """One request; returns (status, parsed JSON or None). Never raises on an HTTP status."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, None


def token(server, email):
    status, body = call(server.base_url, "POST", "/api/v1/auth/token",
                        {"email": email, "password": server.password})
    assert status == 201, body
    return body["token"]


def dataset_body(reference=None, **fields):
    body = {"category": "A", "reference": reference or f"T-{uuid.uuid4().hex[:10]}", "givenNames": "Yusuf",
            "familyNames": "Quaresimo", "dateOfBirth": "1991-04-02", "sex": "M", "nationalities": "SYR",
            "eventAt": "2026-11-16T08:00:00Z", "eventPlace": "Lampedusa"}
    body.update(fields)
    return body


def fingerprints(tmp_path, persons=2, seed=7):
    """Base64 ISO/IEC 19794-2 ten-prints of synthetic persons, from `pactum identity generate`."""
    out = pathlib.Path(tmp_path) / f"prints-{seed}"
    result = run_pactum("identity", "generate", "--persons", str(persons), "--seed", str(seed),
                        "--out", str(pathlib.Path(tmp_path) / f"people-{seed}.csv"), "--fingerprints", str(out))
    assert result.returncode == 0, result.stderr
    return [base64.b64encode(p.read_bytes()).decode() for p in sorted(out.iterdir())]
