#!/usr/bin/env bash
# Installs what is missing, builds in Release and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# tests and benchmarks on explicitly: scripts/example.sh turns them off in the same build folder
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOCCAM_BUILD_TESTS=ON -DOCCAM_BUILD_BENCHMARKS=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure --no-tests=error -j2
