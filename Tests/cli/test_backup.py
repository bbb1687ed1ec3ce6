"""`pactum backup create` and `restore`: a copy taken while the database is in use, restored
over later changes, with the audit chain and the row counts checked against the manifest; a
damaged backup changes nothing."""
import json
import os

import pytest

from conftest import run_pactum

POSTGRES = os.environ.get("PACTUM_TEST_POSTGRES_URL")


def scenario(tmp_path, env):
    data = tmp_path / "data"
    assert run_pactum("demo", data_dir=data, env=env, timeout=600).returncode == 0
    backup = tmp_path / "backup"
    created = run_pactum("backup", "create", str(backup), data_dir=data, env=env)
    assert created.returncode == 0, created.stderr
    manifest = json.loads(created.stdout)
    assert manifest["counts"]["registry_datasets"] > 100 and manifest["auditHeadSeq"] == manifest["counts"]["audit_entries"]
    again = run_pactum("backup", "create", str(backup), data_dir=data, env=env)
    assert again.returncode != 0 and "not empty" in again.stderr

    later = run_pactum("users", "create", "--state", "DE", "--role", "asylum-caseworker", "--email",
                       "after.backup@test.example", data_dir=data, env=env)
    assert later.returncode == 0, later.stderr
    restored = run_pactum("backup", "restore", str(backup), data_dir=data, env=env, timeout=600)
    assert restored.returncode == 0, restored.stderr
    assert f"audit chain intact to entry {manifest['auditHeadSeq']}" in restored.stdout
    users = run_pactum("users", "list", data_dir=data, env=env)
    assert "after.backup@test.example" not in users.stdout
    verify = json.loads(run_pactum("audit", "verify", data_dir=data, env=env).stdout)
    assert verify["valid"] and verify["headSeq"] == manifest["auditHeadSeq"] + 2  # the restore, the listing
    return data, backup, manifest


def test_sqlite_backup_restores_the_copy_and_refuses_a_damaged_one(tmp_path):
    data, backup, manifest = scenario(tmp_path, {})
    with open(backup / manifest["file"], "ab") as f:
        f.write(b"tampered")
    before = (data / "pactum.sqlite").read_bytes()
    damaged = run_pactum("backup", "restore", str(backup), data_dir=data)
    assert damaged.returncode != 0 and "SHA-256" in damaged.stderr
    assert (data / "pactum.sqlite").read_bytes() == before
    missing = run_pactum("backup", "restore", str(tmp_path / "nothing-here"), data_dir=data)
    assert missing.returncode != 0 and "not a Pactum backup" in missing.stderr


@pytest.mark.skipif(not POSTGRES, reason="PACTUM_TEST_POSTGRES_URL is not set")
def test_postgresql_backup_with_pg_dump_restores_the_copy(tmp_path):
    scenario(tmp_path, {"DATABASE_URL": POSTGRES})
