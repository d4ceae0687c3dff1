#!/usr/bin/env bash
# Installs what is missing, builds occam in Release and runs the main job on the bundled example:
# a search for the law behind examples/data/gaussian.csv (Feynman I.6.2a, sampled by occam), with
# its HTML report in build/example_report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOCCAM_BUILD_TESTS=OFF -DOCCAM_BUILD_BENCHMARKS=OFF
cmake --build build -j2 --target occam_cli
./build/occam search examples/data/gaussian.csv --target f --time 20 --seed 1 --report build/example_report.html "$@"
echo "report: build/example_report.html"
