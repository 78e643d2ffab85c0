#!/usr/bin/env bash
# The demo app and the proxy, end to end: builds the npm package and the app, starts a seeded
# sandbox and the app server in front of it (ports in 19100-19199), then runs the
# convoso-leads/proxy tests and the browser suite (Debian's Chromium via playwright-core).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib/sandbox.sh
source scripts/lib/sandbox.sh
# shellcheck source=../../www/app.sh
source www/app.sh

build_app
# The live service's answer shapes (data envelope, numbers as strings, totals).
start_sandbox --style live --seed 200 --port "$(free_port 19100 19149)"
start_app "$(free_port 19150 19199)"
node --test tests/proxy/ tests/e2e/
