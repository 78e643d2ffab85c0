#!/usr/bin/env bash
# Every native Rust test of the library: the core, the validators, their properties.
# Runs last so the run's closing line is nextest's summary of real tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The sandbox has its own stage (scripts/test/sandbox.sh), which also runs its load test.
cargo nextest run --workspace --exclude convoso-sandbox --no-fail-fast
