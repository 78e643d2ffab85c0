#!/usr/bin/env bash
# The soak benchmark (not a CI test): builds pkg/ if it is stale, starts a sandbox and makes
# 100,000 calls through the package (bench/soak.mjs), reporting WebAssembly memory as it goes.
#   scripts/soak.sh [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/ensure-pkg.sh
source bench/ensure-pkg.sh
ensure_pkg
# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
start_sandbox --style live --seed 50 --port 19303
node bench/soak.mjs "$@"
