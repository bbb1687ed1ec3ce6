"""The command line as an operator uses it: help, bad input, users, audit verification."""
import json
import sqlite3

from conftest import run_pactum

SUBCOMMANDS = ["serve", "migrate", "demo", "users", "users create", "users list", "users unlock", "audit", "audit verify"]


def test_help_lists_every_subcommand():
    result = run_pactum("--help")
    assert result.returncode == 0
    for name in ["serve", "migrate", "demo", "users", "audit"]:
        assert name in result.stdout


def test_each_subcommand_has_help():
    for sub in SUBCOMMANDS:
        result = run_pactum(*sub.split(), "--help")
        assert result.returncode == 0, sub
        assert "USAGE:" in result.stdout, sub


def test_unknown_flag_exits_non_zero():
    result = run_pactum("serve", "--no-such-flag")
    assert result.returncode != 0
    assert "no-such-flag" in result.stderr


def test_invalid_port_is_refused():
    result = run_pactum("serve", "--port", "70000")
    assert result.returncode != 0
    assert "--port must be between 1 and 65535" in result.stderr


def test_bad_user_input_is_refused_and_creates_nothing(tmp_path):
    bad_state = run_pactum("users", "create", "--state", "XX", "--role", "asylum-caseworker", "--email", "a@b.example",
                           data_dir=tmp_path)
    assert bad_state.returncode != 0 and "--state XX is not one of" in bad_state.stderr
    bad_role = run_pactum("users", "create", "--state", "DE", "--role", "wizard", "--email", "a@b.example",
                          data_dir=tmp_path)
    assert bad_role.returncode != 0 and "--role wizard is unknown" in bad_role.stderr
    bad_email = run_pactum("users", "create", "--state", "DE", "--role", "employer", "--email", "nope",
                           data_dir=tmp_path)
    assert bad_email.returncode != 0 and "is not an e-mail address" in bad_email.stderr
    listed = run_pactum("users", "list", data_dir=tmp_path)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


def test_create_list_and_duplicate_user(tmp_path):
    created = run_pactum("users", "create", "--state", "it", "--role", "screening-officer", "--role",
                         "registry-operator", "--email", "Officer@Questura.example", "--name", "Anna Rossi",
                         data_dir=tmp_path)
    assert created.returncode == 0, created.stderr
    assert "One-time password (shown once):" in created.stdout
    listed = json.loads(run_pactum("users", "list", "--state", "IT", data_dir=tmp_path).stdout)
    assert [u["email"] for u in listed] == ["officer@questura.example"]
    assert listed[0]["roles"] == ["screening-officer", "registry-operator"] and listed[0]["mustChangePassword"]
    again = run_pactum("users", "create", "--state", "IT", "--role", "employer", "--email",
                       "officer@questura.example", data_dir=tmp_path)
    assert again.returncode != 0 and "already exists" in again.stderr


def test_bad_database_url_is_a_clear_error(tmp_path):
    result = run_pactum("migrate", data_dir=tmp_path, env={"DATABASE_URL": "mysql://nowhere"})
    assert result.returncode != 0
    assert "DATABASE_URL is not a valid postgres:// URL" in result.stderr


def test_audit_verify_catches_an_edited_row(tmp_path):
    assert run_pactum("demo", data_dir=tmp_path).returncode == 0
    assert run_pactum("users", "list", data_dir=tmp_path).returncode == 0
    intact = run_pactum("audit", "verify", data_dir=tmp_path)
    assert intact.returncode == 0, intact.stderr
    report = json.loads(intact.stdout)
    assert report["valid"] and report["entries"] == 2

    # An attacker with write access to the file removes the trigger and edits the first entry.
    with sqlite3.connect(tmp_path / "pactum.sqlite") as db:
        db.execute("DROP TRIGGER audit_entries_no_update")
        db.execute("UPDATE audit_entries SET detail = 'nothing happened' WHERE seq = 1")
    broken = run_pactum("audit", "verify", data_dir=tmp_path)
    assert broken.returncode == 1
    report = json.loads(broken.stdout)
    assert not report["valid"] and report["brokenAt"] == 1
    assert "does not match its hash" in report["reason"]
