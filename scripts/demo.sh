#!/usr/bin/env bash
# The demo in one command: sets up what is missing, builds the npm package and the demo app,
# starts the sandbox with seeded demo data and the app in front of it, and prints the URL.
# Ctrl-C stops everything.
#
#   WWW_PORT      the app's port        (default 5173)
#   SANDBOX_PORT  the sandbox's port    (default 8787)
#   DEMO_SEED     seeded demo leads     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/sandbox.sh
source scripts/lib/sandbox.sh
# shellcheck source=../www/app.sh
source www/app.sh

scripts/setup.sh
build_app
# The live service's answer shapes (data envelope, numbers as strings, totals), as users will meet them.
start_sandbox --style live --port "${SANDBOX_PORT:-8787}" --seed "${DEMO_SEED:-200}"
start_app "${WWW_PORT:-5173}"
# Ctrl-C: leave through the EXIT trap, which stops the app and the sandbox.
trap 'exit 130' INT TERM

printf '\n  Demo running at %s\n  (sandbox API at %s, token kept on the server)\n  Press Ctrl-C to stop.\n\n' \
  "$APP_URL" "$SANDBOX_URL"
wait "$APP_PID"
