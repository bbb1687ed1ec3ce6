#!/usr/bin/env bash
# Fuzzes the parsers of outside input with libFuzzer (issue 12), one target each:
#   templates  ISO/IEC 19794-2 and ANSI/NIST-ITL Type-9 minutiae records
#   mrz        machine readable zones (ICAO Doc 9303)
#   face       face templates (comma-separated values)
#   csv        the linkage, deduplication and watchlist CSV files
#   facts      the legal engine's JSON facts (responsibility, routing)
#
#   Scripts/fuzz.sh SECONDS [TARGET ...]        default: 600 seconds, every target
#
# Each target starts from its committed corpus Fuzz/corpus/TARGET. With FUZZ_KEEP=1 the new
# inputs are merged back into it (minimised); otherwise they go to a scratch folder, so CI
# changes nothing. Prints one line per target: executions, seconds, corpus size. Exits non-zero
# on the first crash, leaving the crashing input in .build/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(templates mrz face csv facts)
out=.build/fuzz
mkdir -p "$out"
id=Sources/PactumIdentity
sources_for() {
  case "$1" in
    templates) echo "$id/Biometrics/FingerMinutiae.swift $id/Biometrics/ISO19794Record.swift $id/Biometrics/ANSINISTType9.swift" ;;
    mrz) echo "$id/TravelDocuments/"'*.swift' ;;
    face) echo "$id/Biometrics/Face/FaceTemplate.swift" ;;
    csv) echo "$id/IO/CSVTable.swift $id/Matching/IdentityRecord.swift $id/Matching/PartialDate.swift $id/Names/NameNormalizer.swift $id/Names/Transliteration.swift" ;;
    facts) find Sources/PactumLaw -name '*.swift' | tr '\n' ' ' ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
}
for target in "${targets[@]}"; do
  binary="$out/$target-fuzzer"
  # shellcheck disable=SC2046
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PactumFuzz $(eval echo $(sources_for "$target")) \
    "Fuzz/$target.swift" -o "$binary" >"$out/$target-build.log" 2>&1 || { cat "$out/$target-build.log" >&2; exit 1; }
  corpus="Fuzz/corpus/$target"
  mkdir -p "$corpus" "$out/$target-new"
  log="$out/$target.log"
  (cd "$out" && "./$target-fuzzer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    -timeout=10 -rss_limit_mb=2048 "$target-new" "../../$corpus") >"$log" 2>&1 || {
    tail -n 30 "$log" >&2
    echo "fuzz target $target crashed; the input is in $out" >&2
    exit 1
  }
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "fuzz $target: $runs executions in $seconds s, no crash; corpus $(ls "$corpus" | wc -l) + $(ls "$out/$target-new" | wc -l) new"
  if [ "${FUZZ_KEEP:-0}" = 1 ]; then
    rm -rf "$out/$target-merged" && mkdir -p "$out/$target-merged"
    "$binary" -merge=1 "$out/$target-merged" "$corpus" "$out/$target-new" >/dev/null 2>&1
    rm -rf "$corpus" && mv "$out/$target-merged" "$corpus"
  fi
  rm -rf "$out/$target-new"
done
