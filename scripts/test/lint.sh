#!/usr/bin/env bash
# Formatting and lints: warnings are errors, for native and wasm targets.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p convoso-leads --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p convoso-leads --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
