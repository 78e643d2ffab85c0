#!/usr/bin/env bash
# The benchmark: builds the package if needed, starts the sandbox, and measures size, validation
# throughput, first-call latency, response decoding and per-call overhead side by side with the
# JavaScript alternatives. Writes BENCHMARKS.md and the raw numbers (bench/latest.json,
# bench/results/). A few minutes; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/ensure-pkg.sh
ensure_pkg
source scripts/lib/sandbox.sh
start_sandbox
BENCH_COMMAND=scripts/bench.sh node bench/run.mjs
