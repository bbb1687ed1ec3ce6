"""Shared fixtures for the end-to-end tests: the built `pactum` binary and a running server.

Run after `swift build`: python3 -m pytest Tests/browser Tests/cli
PACTUM_BIN overrides the binary (default .build/debug/pactum).
"""
import os
import pathlib
import re
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def pactum_binary():
    path = pathlib.Path(os.environ.get("PACTUM_BIN", ROOT / ".build/debug/pactum"))
    if not path.exists():
        pytest.exit(f"{path} does not exist: run `swift build` first", returncode=2)
    return str(path)


def run_pactum(*args, data_dir=None, env=None, timeout=120):
    """Runs the CLI; returns the CompletedProcess (stdout and stderr as text)."""
    command = [pactum_binary(), *args]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    full_env.update(env or {})
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoServer:
    """`pactum serve --demo` on a free loopback port, on a fresh data directory or a given one."""

    # The suites sign in many times a minute from one address: the limits are raised here and
    # tested on their own (SecurityTests.rateLimits).
    LIMITS = {"PACTUM_SIGN_IN_PER_ACCOUNT": "100000", "PACTUM_SIGN_IN_PER_ADDRESS": "100000",
              "PACTUM_SEARCHES_PER_MINUTE": "100000"}

    def __init__(self, data_dir=None, binary=None, env=None, wait=True):
        """`env` adds to the environment (a DATABASE_URL among it); with `wait=False` the caller
        starts several servers at once and calls `await_start` on each."""
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="pactum-e2e-")
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        full_env.update(self.LIMITS)
        full_env.update(env or {})
        self.process = subprocess.Popen(
            [binary or pactum_binary(), "serve", "--demo", "--data-dir", self.data_dir, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=full_env)
        if wait:
            self.await_start()

    def _drain(self):
        for line in self.process.stdout:
            if "request failed" in line or "[ ERROR ]" in line or "[ CRITICAL ]" in line:
                self.errors.append(line.rstrip())

    def await_start(self):
        self.logins = {}
        self.password = None
        for line in self.process.stdout:
            if match := re.search(r"password for all: (\S+)\)", line):
                self.password = match.group(1)
            elif match := re.match(r"\s+(\S+@demo\.pactum\.example)\s", line):
                self.logins[match.group(1)] = True
            elif line.startswith("Serving on"):
                break
        assert self.password and self.logins, "the server printed no demo logins"
        # Keep reading the log, so a full pipe never blocks the server, and keep its errors.
        self.errors = []
        threading.Thread(target=self._drain, daemon=True).start()
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not answer /health within 60 s")

    def kill(self):
        """SIGKILL: no shutdown, no flush; what was acknowledged must survive."""
        self.process.kill()
        self.process.wait(timeout=20)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def server():
    demo = DemoServer()
    yield demo
    demo.stop()
