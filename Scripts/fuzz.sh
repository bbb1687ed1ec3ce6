#!/usr/bin/env bash
# Fuzzes the finger minutiae readers and the MRZ parser with libFuzzer for SECONDS (default
# 600), starting from and adding to the committed corpus Fuzz/corpus, then minimises the corpus.
#   Scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
out=.build/fuzz
mkdir -p "$out" Fuzz/corpus
sources=(Sources/PactumIdentity/Biometrics/FingerMinutiae.swift Sources/PactumIdentity/Biometrics/ISO19794Record.swift
  Sources/PactumIdentity/Biometrics/ANSINISTType9.swift Sources/PactumIdentity/TravelDocuments/*.swift)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PactumFuzz "${sources[@]}" Fuzz/TemplateFuzzer.swift \
  -o "$out/template-fuzzer"
# Seeds: a valid ISO record, a valid Type-9 record and an MRZ, written by the tests' own builders.
if [ -z "$(ls -A Fuzz/corpus)" ]; then
  python3 - <<'PY'
import pathlib
c = pathlib.Path("Fuzz/corpus")
iso = bytes.fromhex("464d5200203230000000003000000190" "01f400c500c5010002005003406400780" "03c80fa012c405a3fffffffc0000000")
(c / "seed-iso").write_bytes(iso)
t9 = "9.002:1\x1d9.003:0\x1d9.004:S\x1d9.006:2\x1d9.010:2\x1d9.011:0\x1d9.012:1\x1f01000200090\x1f40\x1fA\x1e2\x1f03000400180\x1f63\x1fB\x1c"
n = len(t9) + 9
while len(f"9.001:{n}\x1d") + len(t9) != n: n += 1
(c / "seed-type9").write_bytes(f"9.001:{n}\x1d{t9}".encode())
(c / "seed-mrz").write_bytes(b"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10")
PY
fi
mkdir -p "$out/new"
"$out/template-fuzzer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 "$out/new" Fuzz/corpus
# Keep only the inputs that add coverage.
rm -rf "$out/merged" && mkdir -p "$out/merged"
"$out/template-fuzzer" -merge=1 "$out/merged" Fuzz/corpus "$out/new" 2>&1 | tail -n 2
rm -rf Fuzz/corpus && mv "$out/merged" Fuzz/corpus
echo "corpus: $(ls Fuzz/corpus | wc -l) inputs"
