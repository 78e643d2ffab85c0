#!/usr/bin/env bash
# Resilience and safety of the built package (pkg/), against the sandbox: retries, time limits
# and cancellation; the fault matrix (every endpoint x every fault); batch insert under faults;
# auto-pagination in both response styles; the browser-token rule; hostile input at every
# export in Node and in headless Chromium. Ends with the test runner's summary.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=bench/ensure-pkg.sh
source bench/ensure-pkg.sh
ensure_pkg

# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
# A token that appears nowhere else, so the leak checks cannot pass by accident.
token="resilience-token-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

# Pagination where answers carry no total (leads-api.md's shapes): a short page ends the walk.
start_sandbox --style documented --seed 60 --port 19301 --token "$token"
SANDBOX_STYLE=documented node --test --test-reporter=spec tests/resilience/iterate.test.mjs

# Everything else, in the live service's shapes. One file at a time: they share the sandbox.
start_sandbox --style live --seed 120 --port 19302 --token "$token"
SANDBOX_STYLE=live node --test --test-reporter=spec --test-concurrency=1 tests/resilience/*.test.mjs
