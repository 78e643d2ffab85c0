#!/usr/bin/env bash
# Import throughput of the `convoso-leads` command against the sandbox: the same 2,000-row file
# imported into an empty list at concurrency 1, 4 and 16, three runs each, fresh journal each
# time; prints the median rows/s. A measurement, not a CI stage (the machines are shared).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/ensure-pkg.sh
ensure_pkg
source scripts/lib/sandbox.sh
start_sandbox --style live --seed 0 >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node -e '
const n = 2000, lines = ["first_name,last_name,phone_number,email"];
for (let i = 0; i < n; i++) lines.push(`Ada${i},Lovelace,201${234 + Math.floor(i / 10000)}${String(i % 10000).padStart(4, "0")},row${i}@example.com`);
require("fs").writeFileSync(process.argv[1], lines.join("\n") + "\n");' "$work/leads.csv"
export CONVOSO_TOKEN="$SANDBOX_TOKEN"
for concurrency in 1 4 16; do
  rates=()
  for run in 1 2 3; do
    curl -s -X POST "$SANDBOX_ORIGIN/__sandbox/reset" >/dev/null
    rm -f "$work/leads.csv.journal"
    start=$(date +%s.%N)
    node pkg/dist/cli/bin.js import "$work/leads.csv" --list-id 334 --base-url "$SANDBOX_URL" --concurrency "$concurrency" >/dev/null 2>&1
    end=$(date +%s.%N)
    rates+=("$(node -e "console.log(Math.round(2000 / ($end - $start)))")")
  done
  median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
  printf 'concurrency %2d: median %s rows/s (runs: %s; whole command, start-up included)\n' "$concurrency" "$median" "${rates[*]}"
done
