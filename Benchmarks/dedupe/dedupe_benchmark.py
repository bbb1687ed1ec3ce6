#!/usr/bin/env python3
"""Deduplication of a synthetic population: pactum beside Splink, on the same file, in one run.

`pactum identity generate` writes the population (with the ground truth `person_id`); both
systems deduplicate it (pactum twice: m by EM, and m from the labels with `--labels`), each in its own process, timed end to end with its peak memory, and
are scored the same way (pairs of records put in one cluster).

Splink (DuckDB) gets a reasonable model for names and dates of birth: Jaro-Winkler name
levels, date-of-birth levels, u by random sampling, and m either from the labels (the
ground truth, which a registry has as confirmed hits) or by EM.

Usage:
  swift build -c release --product pactum
  python3 Benchmarks/dedupe/dedupe_benchmark.py --persons 1000000 [--splink labels|em|none]
"""
import argparse
import csv
import importlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter


def ensure(package, module):
    try:
        importlib.import_module(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)


def measured(command):
    """Seconds and peak resident memory (MB) of one command, run under a fresh Python parent
    so that the peak is this command's alone."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True).stdout
    seconds, kilobytes = out.split()
    return float(seconds), int(kilobytes) / 1024


def pair_scores(truth, clusters):
    """Pairwise precision, recall and F1 of a clustering against the ground truth."""
    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())
    true_pairs = pairs(Counter(truth.values()))
    found = pairs(Counter(clusters.values()))
    both = pairs(Counter((clusters[r], truth[r]) for r in truth))
    precision = both / found if found else 0.0
    recall = both / true_pairs if true_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if both else 0.0
    return precision, recall, f1


def read_clusters(path, id_column, cluster_column):
    with open(path) as f:
        return {row[id_column]: row[cluster_column] for row in csv.DictReader(f)}


# Splink's connected components chain namesakes at 0.99 (pair precision 0.0006 on 1,000,000
# persons); 0.999 is the better of the two on this population.
CLUSTER_THRESHOLD = 0.999


def run_splink(people, mode, out):
    """Runs in its own process (see main)."""
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pd.read_csv(people, dtype=str).fillna("")
    frame = frame.rename(columns={"id": "unique_id"}).replace("", None)
    frame["birth_year"] = frame["date_of_birth"].str.slice(0, 4)
    comparisons = [
        cl.JaroWinklerAtThresholds("given_name", [0.95, 0.88, 0.75]),
        cl.JaroWinklerAtThresholds("family_name", [0.95, 0.88, 0.75]),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y-%m-%d",
                                 invalid_dates_as_null=True),
        cl.ExactMatch("sex"),
        cl.ExactMatch("nationality"),
        cl.LevenshteinAtThresholds("document_number", [1]),
    ]
    blocking = [block_on("given_name", "family_name"), block_on("date_of_birth"), block_on("document_number")]
    settings = SettingsCreator(link_type="dedupe_only", comparisons=comparisons,
                               blocking_rules_to_generate_predictions=blocking)
    linker = Linker(DuckDBAPI().register(frame), settings, log_level="ERROR")
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6)
    if mode == "labels":
        linker.training.estimate_m_from_label_column("person_id")
    else:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "family_name"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, CLUSTER_THRESHOLD)
    clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]].to_csv(out, index=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pactum", default=".build/release/pactum")
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--splink", choices=["labels", "em", "none"], default="labels")
    parser.add_argument("--splink-run", nargs=3, metavar=("PEOPLE", "MODE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.splink_run:
        run_splink(*args.splink_run)
        return
    folder = tempfile.mkdtemp(prefix="dedupe-")
    people = os.path.join(folder, "people.csv")
    subprocess.run([args.pactum, "identity", "generate", "--persons", str(args.persons), "--seed", str(args.seed),
                    "--out", people], check=True, stdout=subprocess.DEVNULL)
    with open(people) as f:
        truth = {row["id"]: row["person_id"] for row in csv.DictReader(f)}
    rows = []
    for label, extra in (("pactum (m by EM)", []), ("pactum (m from labels)", ["--labels", "person_id"])):
        ours = os.path.join(folder, "pactum.csv")
        seconds, mb = measured([args.pactum, "identity", "dedupe", people, "--out", ours, *extra])
        rows.append((label, seconds, mb, *pair_scores(truth, read_clusters(ours, "id", "cluster"))))
    if args.splink != "none":
        ensure("splink", "splink")
        out = os.path.join(folder, "splink.csv")
        seconds, mb = measured([sys.executable, __file__, "--splink-run", people, args.splink, out])
        label = f"Splink {importlib.import_module('splink').__version__} (m from {args.splink})"
        rows.append((label, seconds, mb, *pair_scores(truth, read_clusters(out, "unique_id", "cluster_id"))))
    print(f"Deduplication of {args.persons:,} synthetic persons ({len(truth):,} records, seed {args.seed}), "
          "each system in its own process, end to end")
    print(f"{'system':<34} {'seconds':>8} {'peak MB':>8} {'precision':>10} {'recall':>8} {'F1':>8}")
    for label, seconds, mb, p, r, f in rows:
        print(f"{label:<34} {seconds:>8.1f} {mb:>8.0f} {p:>10.4f} {r:>8.4f} {f:>8.4f}")
    if len(rows) == 3:
        ours, splink = rows[1], rows[2]
        print(f"with m from labels on both sides, pactum is {splink[1] / ours[1]:.1f}x faster than Splink, with "
              f"{ours[2] / splink[2]:.2f}x its memory; F1 {ours[5]:.4f} vs {splink[5]:.4f}")


if __name__ == "__main__":
    main()
