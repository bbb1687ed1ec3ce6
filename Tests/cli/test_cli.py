"""The command line as an operator uses it: help, bad input, users, audit verification."""
import csv
import io
import json
import sqlite3

from conftest import run_pactum

SUBCOMMANDS = ["serve", "migrate", "demo", "users", "users create", "users list", "users unlock", "audit", "audit verify",
               "registry", "registry erase-expired", "mrz", "mrz parse", "identity compare-fingers"]


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
    with sqlite3.connect(tmp_path / "pactum.sqlite") as db:
        rows = db.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    # The demo users, the demo registry's registrations and reads, and the listing.
    assert report["valid"] and report["entries"] == rows and rows > 2

    # An attacker with write access to the file removes the trigger and edits the first entry.
    with sqlite3.connect(tmp_path / "pactum.sqlite") as db:
        db.execute("DROP TRIGGER audit_entries_no_update")
        db.execute("UPDATE audit_entries SET detail = 'nothing happened' WHERE seq = 1")
    broken = run_pactum("audit", "verify", data_dir=tmp_path)
    assert broken.returncode == 1
    report = json.loads(broken.stdout)
    assert not report["valid"] and report["brokenAt"] == 1
    assert "does not match its hash" in report["reason"]


def law(*args):
    return run_pactum("law", *args)


def test_law_deadline_prints_due_date_citation_and_reasoning():
    result = law("deadline", "APR-R1", "--state", "DE", "--from", "2026-12-22")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["due"] == "2026-12-28"
    assert answer["citation"] == "Regulation (EU) 2024/1348, Art. 27(1)"
    assert any("APR Art 73(c)" in step for step in answer["reasoning"])


def test_law_commands_refuse_bad_input_with_a_reason():
    cases = [
        (("deadline", "APR-R1", "--state", "XX", "--from", "2026-12-22"), "--state XX is not one of"),
        (("deadline", "APR-R1", "--state", "DE", "--from", "22/12/2026"), "is not a date"),
        (("deadline", "NOPE", "--state", "DE", "--from", "2026-12-22"), "no rule NOPE"),
        (("deadline", "DUB-14", "--state", "DE", "--from", "2026-07-01", "--extended"), "several extensions"),
        (("deadline", "EDAC-D", "--state", "DE", "--from", "2026-07-01"), "counts hours"),
        (("period", "--state", "DE", "--from", "2026-12-22", "--days", "1", "--weeks", "2"), "exactly one of"),
        (("holidays", "--state", "ES", "--subdivision", "ES-MD", "--year", "2027"), "2027 decree is not loaded"),
        (("deadline", "DUB-2", "--state", "IT", "--from", "2026-06-20", "--registered-on", "2026-06-20"), "use D3-21"),
        (("deadline", "APR-E5", "--state", "DE", "--from", "2026-06-01", "--lodged-on", "2026-06-01"),
         "Directive 2013/32/EU"),
        (("deadline", "DUB-6", "--state", "DE", "--from", "2026-08-03", "--crisis", "instrumentalisation"),
         "no derogation in a situation of instrumentalisation"),
        (("deadline", "DUB-6", "--state", "DE", "--from", "2026-08-03", "--crisis", "yes"), "--crisis"),
        (("holidays", "--state", "DE", "--year", "1850"), "outside 1990-2100"),
        (("fair-share",), "GDP 2024"),
        (("retention", "--category", "tourist", "--transmitted", "2026-07-01"), "category"),
    ]
    for args, message in cases:
        result = law(*args)
        assert result.returncode != 0, args
        assert message in result.stderr, (args, result.stderr)
        assert result.stdout == "", args


def test_law_responsibility_and_routing_read_facts_files(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({
        "registeredIn": "DE", "registrationDate": "2026-09-01",
        "residenceDocuments": [{"state": "ES", "kind": "visa", "issuedOn": "2025-01-01", "validUntil": "2025-02-28"}],
        "irregularEntry": {"state": "GR", "date": "2025-06-01"},
    }))
    decision = json.loads(law("responsibility", "--facts", str(facts)).stdout)
    assert decision["responsibleState"] == "GR" and decision["decidedBy"] == "AMMR-33(1)"
    routing = tmp_path / "routing.json"
    routing.write_text(json.dumps({"nationality": "BD", "situation": "sea-rescue"}))
    # Only Eurostat's rate decides ground (j); EUAA's provisional 3 % is context.
    routed = json.loads(law("routing", "--facts", str(routing)).stdout)
    assert routed["borderProcedure"] == "possible" and routed["contextRate"]["rate"] == 3
    misspelt_routing = tmp_path / "misspelt-routing.json"
    misspelt_routing.write_text(json.dumps({"nationality": "BD", "situaton": "sea-rescue"}))
    result = law("routing", "--facts", str(misspelt_routing))
    assert result.returncode == 2 and "situaton is not a key here" in result.stderr and "situation" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"registeredIn": 5, "registrationDate": "2026-09-01"}')
    result = law("responsibility", "--facts", str(broken))
    assert result.returncode == 2 and "registeredIn must be a string" in result.stderr
    misspelt = tmp_path / "misspelt.json"
    misspelt.write_text('{"registeredIn": "DE", "registrationDate": "2026-09-01", '
                        '"irregularentry": {"state": "GR", "date": "2025-06-01"}}')
    result = law("responsibility", "--facts", str(misspelt))
    assert result.returncode == 2 and "irregularentry is not a key here" in result.stderr
    assert "irregularEntry" in result.stderr
    result = law("responsibility", "--facts", str(tmp_path / "missing.json"))
    assert result.returncode != 0 and "Cannot read" in result.stderr


def test_law_deadline_in_island_time_with_a_loaded_decree(tmp_path):
    decree = tmp_path / "canarias-2026.csv"
    # A fixture for the mechanism (30 May, Canary Islands Day), not a transcription of the decree.
    decree.write_text("# source: test fixture\ndate,name\n2026-05-30,Día de Canarias\n")
    args = ("deadline", "SCR-T1", "--state", "ES", "--subdivision", "ES-CN", "--from", "2026-07-10T23:30:00+01:00")
    refused = law(*args)
    assert refused.returncode != 0 and "2026 decree is not loaded" in refused.stderr
    answer = json.loads(law(*args, "--decree", str(decree)).stdout)
    assert answer["due"] == "2026-07-17" and answer["subdivision"] == "ES-CN"
    holidays = json.loads(law("holidays", "--state", "ES", "--subdivision", "ES-CN", "--year", "2026",
                              "--decree", str(decree)).stdout)
    assert {"date": "2026-05-30", "name": "Día de Canarias"} in holidays["holidays"]
    assert "test fixture" in holidays["source"]


def test_law_procedure_commands_read_facts_strictly(tmp_path):
    chain = tmp_path / "chain.json"
    chain.write_text(json.dumps({"requestingState": "IT", "registrationDate": "2026-09-01", "requestedState": "DE",
                                 "requestSentOn": "2026-10-15"}))
    answer = json.loads(law("dublin", "--facts", str(chain), "--as-of", "2026-12-01").stdout)
    assert answer["responsibleState"] == "DE" and answer["nextDue"] == "2027-05-17"
    assert [s["status"] for s in answer["steps"]] == ["met", "tacit", "missed", "pending"]
    appeal = tmp_path / "appeal.json"
    appeal.write_text(json.dumps({"decision": "unfounded", "acceleratedCircumstance": True,
                                  "notifiedOn": "2026-09-07", "state": "DE"}))
    assert json.loads(law("appeal", "--facts", str(appeal)).stdout)["window"]["latestDue"] == "2026-09-17"
    misspelt = tmp_path / "misspelt.json"
    misspelt.write_text(json.dumps({"previousFinalDecision": True, "newelements": "no"}))
    result = law("subsequent", "--facts", str(misspelt))
    assert result.returncode == 2 and "newelements is not a key here" in result.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"ground": "z"}))
    result = law("withdrawal", "--facts", str(wrong))
    assert result.returncode != 0 and "ground" in result.stderr


def test_law_fair_share_with_an_operator_gdp_file_sums_to_100(tmp_path):
    gdp = tmp_path / "gdp.csv"
    # Synthetic figures for the test: equal GDP everywhere.
    states = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
              "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
    gdp.write_text("state,gdp_million_eur\n" + "".join(f"{s},1000\n" for s in states))
    table = json.loads(law("fair-share", "--gdp", str(gdp), "--relocations", "21000", "--euro", "420000000").stdout)
    assert abs(table["totalShare"] - 100) < 1e-9 and table["euroPerRelocation"] == 20000


def test_identity_link_and_dedupe_across_scripts(tmp_path):
    left = tmp_path / "left.csv"
    right = tmp_path / "right.csv"
    left.write_text("rec,first,last,born\n"
                    "a1,Mohammed,Al-Hassan,1990-03-07\n"
                    "a2,Olena,Shevchenko,1995-09-09\n"
                    "a3,Fatima,Haddad,1985-11-30\n")
    right.write_text("rec,first,last,born\n"
                     "b1,محمد,الحسن,1990-07-03\n"
                     "b2,Олена,Шевченко,1995-09-09\n"
                     "b3,Karim,Nasser,1970-01-02\n")
    out = tmp_path / "pairs.csv"
    mapping = "id=rec,given_name=first,family_name=last,date_of_birth=born"
    result = run_pactum("identity", "link", "--left", str(left), "--right", str(right), "--out", str(out),
                        "--map", mapping, "--one-to-one")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open()))
    assert {(r["left_id"], r["right_id"]) for r in rows} == {("a1", "b1"), ("a2", "b2")}

    both = tmp_path / "both.csv"
    both.write_text(left.read_text() + "".join(right.read_text().splitlines(keepends=True)[1:]))
    clusters = tmp_path / "clusters.csv"
    result = run_pactum("identity", "dedupe", str(both), "--out", str(clusters), "--map", mapping)
    assert result.returncode == 0, result.stderr
    cluster_of = {r["id"]: r["cluster"] for r in csv.DictReader(clusters.open())}
    assert cluster_of["a1"] == cluster_of["b1"] and cluster_of["a2"] == cluster_of["b2"]
    assert len(set(cluster_of.values())) == 4


def test_identity_commands_refuse_bad_input(tmp_path):
    good = tmp_path / "in.csv"
    good.write_text("id,given_name,family_name\n1,Ali,Said\n")
    cases = [
        (("identity", "dedupe", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "o.csv")), "Cannot read"),
        (("identity", "dedupe", str(good), "--out", str(tmp_path / "o.csv"), "--map", "nickname=x"), "mapping nickname=x"),
        (("identity", "dedupe", str(good), "--out", str(tmp_path / "o.csv"), "--map", "id=rec"), "no column rec"),
        (("identity", "dedupe", str(good), "--out", str(tmp_path / "o.csv"), "--threshold", "2"), "--threshold"),
        (("identity", "dedupe", str(good), "--out", str(tmp_path / "o.csv"), "--extra", "address"), "no column address"),
    ]
    for args, message in cases:
        result = run_pactum(*args)
        assert result.returncode != 0, args
        assert message in result.stderr, (args, result.stderr)
    broken = tmp_path / "broken.csv"
    broken.write_text('id,given_name,family_name\n1,"Ali,Said\n')
    result = run_pactum("identity", "dedupe", str(broken), "--out", str(tmp_path / "o.csv"))
    assert result.returncode != 0 and "quoted field is not closed" in result.stderr


def test_identity_dedupe_gives_the_same_clusters_in_every_run(tmp_path):
    people = tmp_path / "people.csv"
    generated = run_pactum("identity", "generate", "--persons", "3000", "--seed", "4", "--out", str(people))
    assert generated.returncode == 0, generated.stderr
    outputs = []
    for run in range(2):
        out = tmp_path / f"clusters-{run}.csv"
        result = run_pactum("identity", "dedupe", str(people), "--out", str(out))
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1]
    # The ground truth is in the file: most clusters of more than one record are one person.
    truth = {r["id"]: r["person_id"] for r in csv.DictReader(people.open())}
    clusters = {}
    for r in csv.DictReader(io.StringIO(outputs[0])):
        clusters.setdefault(r["cluster"], []).append(truth[r["id"]])
    merged = [c for c in clusters.values() if len(c) > 1]
    assert merged and sum(len(set(c)) == 1 for c in merged) / len(merged) > 0.95


def test_registry_erase_expired_removes_only_datasets_past_retention(tmp_path):
    assert run_pactum("migrate", data_dir=tmp_path).returncode == 0
    db = sqlite3.connect(tmp_path / "pactum.sqlite")
    columns = ("id, person_id, state_code, category, reference, bio_given_names, bio_family_names, event_at, "
               "operator_id, erase_on, created_at, updated_at")
    clock = ("id, rule_id, owner, record_type, record_id, state_code, trigger, triggered_at, due_at, citation, "
             "consequence, created_at, updated_at")
    # The retention period ends at the start of erase_on in Berlin (2020-01-01, 2099-01-01).
    for n, erase_on, due in [(1, "2020-01-01", 1577833200), (2, "2099-01-01", 4070905200)]:
        person = f"00000000-0000-0000-0000-00000000000{n}"
        dataset = f"10000000-0000-0000-0000-00000000000{n}"
        db.execute("INSERT INTO registry_persons (id, created_at) VALUES (?, 0)", (person,))
        db.execute(f"INSERT INTO registry_datasets ({columns}) VALUES (?, ?, 'DE', 'E', ?, 'Ana', 'Expired{n}', 0, "
                   "'cli', ?, 0, 0)", (dataset, person, f"R{n}", erase_on))
        db.execute(f"INSERT INTO legal_clocks ({clock}) VALUES (?, 'EDAC-E1', 'registry', 'registry.dataset', ?, "
                   "'DE', 'transmission', 0, ?, 'EDAC Art 29(10)', 'erased', 0, 0)",
                   (f"20000000-0000-0000-0000-00000000000{n}", dataset, due))
    db.commit()
    db.close()
    result = run_pactum("registry", "erase-expired", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Erased 1 datasets" in result.stdout
    db = sqlite3.connect(tmp_path / "pactum.sqlite")
    assert [row[0] for row in db.execute("SELECT bio_family_names FROM registry_datasets")] == ["Expired2"]
    assert db.execute("SELECT category, reason FROM registry_erasures").fetchall() == [
        ("E", "retention period ended (EDAC Art 29(10))")]
    db.close()
    assert run_pactum("audit", "verify", data_dir=tmp_path).returncode == 0


def test_identity_dedupe_learns_m_from_a_label_column(tmp_path):
    people = tmp_path / "people.csv"
    assert run_pactum("identity", "generate", "--persons", "400", "--seed", "5", "--out", str(people)).returncode == 0
    out = tmp_path / "clusters.csv"
    model = tmp_path / "model.json"
    result = run_pactum("identity", "dedupe", str(people), "--out", str(out), "--labels", "person_id",
                        "--model-out", str(model))
    assert result.returncode == 0, result.stderr
    learned = json.loads(model.read_text())["m"]
    assert learned[0][0] != 0.85  # the prior m of exact given names was replaced
    missing = run_pactum("identity", "dedupe", str(people), "--out", str(out), "--labels", "nobody")
    assert missing.returncode != 0 and "nobody" in missing.stderr


def test_mrz_parse_prints_fields_and_check_digits():
    result = run_pactum("mrz", "parse", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    assert result.returncode == 0, result.stderr
    zone = json.loads(result.stdout)
    assert zone["valid"] is True and zone["format"] == "TD3" and zone["errors"] == []
    assert zone["fields"]["primaryIdentifier"] == "ERIKSSON" and zone["birthDate"] == "1974-08-12"
    assert [c["field"] for c in zone["checks"]] == ["documentNumber", "dateOfBirth", "dateOfExpiry", "optionalData",
                                                    "composite"]


def test_mrz_parse_reports_a_wrong_check_digit_and_refuses_what_is_no_zone():
    wrong = run_pactum("mrz", "parse", "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<5",
                       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
    assert wrong.returncode == 1
    errors = json.loads(wrong.stdout)["errors"]
    assert errors == [{"line": 2, "column": 30, "field": "composite", "message": "check digit is 5; the data give 6",
                       "expected": "6", "found": "5"}]
    malformed = run_pactum("mrz", "parse", "P<UTOERIKSSON", "L898902C36UTO")
    assert malformed.returncode == 2 and "not a machine readable zone" in malformed.stderr and malformed.stdout == ""


def test_identity_generate_writes_ten_prints_and_compare_fingers_tells_mates(tmp_path):
    people = tmp_path / "people.csv"
    prints = tmp_path / "prints"
    result = run_pactum("identity", "generate", "--persons", "6", "--seed", "3", "--out", str(people),
                        "--fingerprints", str(prints))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(people.open()))
    assert sorted(p.name for p in prints.iterdir()) == sorted(f"{r['id']}.fmr" for r in rows)
    by_person = {}
    for r in rows:
        by_person.setdefault(r["person_id"], []).append(r["id"])
    mates = next(ids for ids in by_person.values() if len(ids) > 1)
    stranger = next(ids[0] for ids in by_person.values() if ids is not mates)

    def compare(a, b):
        out = run_pactum("identity", "compare-fingers", str(prints / f"{a}.fmr"), str(prints / f"{b}.fmr"))
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    same = compare(mates[0], mates[1])
    other = compare(mates[0], stranger)
    assert len(same["fingers"]) == 10 and same["fmr"] < 1e-20 < other["fmr"]
    assert same["score"] > other["score"]


def test_compare_fingers_refuses_what_is_no_record(tmp_path):
    bad = tmp_path / "bad.fmr"
    bad.write_bytes(b"FMR\x00 20\x00\x00\x00\x00\x30")
    result = run_pactum("identity", "compare-fingers", str(bad), str(bad))
    assert result.returncode != 0 and "bad.fmr: byte 8: record length says 48 bytes; the record has 12" in result.stderr


def test_identity_generate_writes_face_templates_whose_mates_are_alike(tmp_path):
    people = tmp_path / "people.csv"
    faces = tmp_path / "faces"
    result = run_pactum("identity", "generate", "--persons", "8", "--seed", "5", "--duplicates", "0.5",
                        "--out", str(people), "--faces", str(faces))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(people.open()))
    assert sorted(p.name for p in faces.iterdir()) == sorted(f"{r['id']}.face" for r in rows)

    def vector(record_id):
        values = [float(v) for v in (faces / f"{record_id}.face").read_text().split(",")]
        assert len(values) == 512 and abs(sum(v * v for v in values) - 1) < 1e-4
        return values

    def cosine(a, b):
        return sum(x * y for x, y in zip(vector(a), vector(b)))

    by_person = {}
    for r in rows:
        by_person.setdefault(r["person_id"], []).append(r["id"])
    mates = [ids for ids in by_person.values() if len(ids) > 1]
    firsts = [ids[0] for ids in by_person.values()]
    genuine = [cosine(ids[0], ids[1]) for ids in mates]
    impostor = [cosine(a, b) for i, a in enumerate(firsts) for b in firsts[i + 1:]]
    assert mates and min(genuine) > 0.45 and max(impostor) < 0.25
