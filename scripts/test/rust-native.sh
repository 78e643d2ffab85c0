#!/usr/bin/env bash
# Every native Rust test in the workspace (the core, the validators, the sandbox's HTTP tests).
# Runs last so the run's closing line is nextest's summary of real tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo nextest run --workspace --no-fail-fast
