#!/usr/bin/env bash
# The sandbox: a smoke test of scripts/lib/sandbox.sh (the helper other stages start it
# with), then its Rust HTTP tests (endpoints, both styles, faults, persistence, load).
# The load test runs on its own first, uncaptured, so its throughput line shows; the rest
# run last so the stage closes on nextest's summary of real tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh

start_sandbox --style live --seed 3
answer=$(curl -fsS -d "auth_token=$SANDBOX_TOKEN&lead_id=12345" "$SANDBOX_URL/leads/search")
case "$answer" in
  *'"entries":[{'*'"id":"12345"'*) echo "sandbox helper: live search on $SANDBOX_URL answered" ;;
  *) echo "sandbox helper: unexpected answer: $answer" >&2; exit 1 ;;
esac
pid=$SANDBOX_PID
stop_sandbox
if kill -0 "$pid" 2>/dev/null; then
  echo "sandbox helper: stop_sandbox left process $pid running" >&2
  exit 1
fi
echo "sandbox helper: stopped"

# Binaries are picked by name rather than filtered, so no test is reported as skipped.
cargo nextest run -p convoso-sandbox --no-capture --test load
others=(--lib --bins)
for file in sandbox/tests/*.rs; do
  name=$(basename "$file" .rs)
  [ "$name" = load ] || others+=(--test "$name")
done
cargo nextest run -p convoso-sandbox --no-fail-fast "${others[@]}"
