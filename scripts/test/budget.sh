#!/usr/bin/env bash
# Size budget: the harness's own unit tests, then the check that each size scenario of
# bench/budget.json (a small app built on the package) stays within its ceiling. Throughput is
# never asserted here (shared, noisy machines); scripts/bench.sh reports it.
set -euo pipefail
cd "$(dirname "$0")/../.."

node --test bench/test/
source bench/ensure-pkg.sh
ensure_pkg
node scripts/budget.mjs pkg
