"""Schemathesis against a running server, once for every role of one Member State and once
anonymously: no 5xx, every answer conforming to the OpenAPI document (schema, status codes,
content types). Revoking the run's own token is left out, so a run keeps its credentials."""
import os
import re
import subprocess

import pytest

from api import token
from conftest import DemoServer

EXAMPLES = os.environ.get("PACTUM_SCHEMATHESIS_EXAMPLES", "12")
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


@pytest.fixture(scope="module")
def fuzzed_server():
    demo = DemoServer()
    yield demo
    demo.stop()


def run_schemathesis(server, bearer):
    command = ["schemathesis", "run", f"{server.base_url}/api/v1/openapi.json", "--checks", CHECKS,
               "-n", EXAMPLES, "--workers", "2", "--no-color", "--seed", "12",
               "--exclude-operation-id", "revokeToken", "--suppress-health-check", "all",
               "--warnings", "off", "--request-timeout", "30"]
    if bearer:
        command += ["-H", f"Authorization: Bearer {bearer}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    cases = re.search(r"(\d+) generated", result.stdout)
    return result, int(cases.group(1)) if cases else 0


def test_every_role_gets_no_5xx_and_only_documented_answers(fuzzed_server):
    roles = sorted(email for email in fuzzed_server.logins if ".de@" in email)
    assert len(roles) >= 10
    total = 0
    failures = []
    for email in [None] + roles:
        result, cases = run_schemathesis(fuzzed_server, token(fuzzed_server, email) if email else None)
        total += cases
        if result.returncode != 0:
            logged = "\n".join(fuzzed_server.errors[-20:])
            failures.append(f"--- {email or 'anonymous'}\n{result.stdout[-6000:]}\n--- server errors:\n{logged}")
    print(f"schemathesis: {total} cases over {len(roles) + 1} callers, {len(failures)} failing")
    assert not failures, "\n".join(failures)
