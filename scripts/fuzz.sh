#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and UBSan in build-fuzz/,
# and runs each on a copy of its seed corpus for SECONDS seconds (default 600), one after another.
# A crash, timeout or leak leaves its input in build-fuzz/runs and ends the script with status 1;
# the leak suppressions (third-party code only) are in tests/fuzz/lsan.supp.
#   bash scripts/fuzz.sh            # every reader, 10 minutes each
#   bash scripts/fuzz.sh 30 csv     # one reader, 30 seconds
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh clang
seconds=${1:-600}
shift || true
readers=${*:-csv formula units component checkpoint manifest}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOCCAM_BUILD_FUZZERS=ON \
  -DOCCAM_BUILD_TESTS=OFF -DOCCAM_BUILD_BENCHMARKS=OFF -DOCCAM_BUILD_EXAMPLES=OFF -DOCCAM_BUILD_PYTHON=OFF >/dev/null
for reader in $readers; do
  cmake --build build-fuzz --target "fuzz_$reader" -j2 >/dev/null
done
mkdir -p build-fuzz/runs
for reader in $readers; do
  corpus=build-fuzz/runs/corpus_$reader
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$reader"/* "$corpus"/ 2>/dev/null || true
  log=build-fuzz/runs/fuzz_$reader.log
  # crash-*, timeout-* and leak-* inputs land in build-fuzz/runs
  if (cd build-fuzz/runs && LSAN_OPTIONS=suppressions=../../tests/fuzz/lsan.supp ../tests/fuzz/fuzz_"$reader" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -print_final_stats=1 "corpus_$reader" >"fuzz_$reader.log" 2>&1); then
    runs=$(grep -m1 -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$")
    echo "fuzz_$reader: ${seconds} s, $runs inputs, no crash (corpus $(ls "$corpus" | wc -l) files)"
  else
    echo "fuzz_$reader: FAILED, see $log"
    grep -E "ERROR|SUMMARY" "$log" | head -5
    exit 1
  fi
done
