#!/usr/bin/env bash
# The one test command: sets up what is missing, then runs every test suite in order.
# Each stage is a script in scripts/test/; a failing stage stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

stages=(
  lint
  sandbox
  wasm-node
  wasm-browser
  pack
  runtimes
  sandbox-npm
  cli
  budget
  validate
  forms-schema
  forms-browser
  forms-libs
  e2e
  resilience
  rust-native
)
for stage in "${stages[@]}"; do
  printf '\n==== stage: %s ====\n' "$stage"
  "scripts/test/$stage.sh"
done
