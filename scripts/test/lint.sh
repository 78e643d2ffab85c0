#!/usr/bin/env bash
# Formatting and lints: warnings are errors, for native and wasm targets.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p convoso-leads -p convoso-leads-core --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p convoso-leads -p convoso-leads-core --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
# The core has no JavaScript in it: neither wasm-bindgen nor js-sys in its dependency tree,
# natively or for wasm32 (its `typescript` feature, turned on by the bindings, only derives
# declarations).
for target in x86_64-unknown-linux-gnu wasm32-unknown-unknown; do
  if cargo tree -p convoso-leads-core -e normal --target "$target" --prefix none | grep -E '^(wasm-bindgen|js-sys|web-sys) '; then
    echo "lint: convoso-leads-core depends on JavaScript bindings for $target" >&2
    exit 1
  fi
done
node scripts/check-layers.mjs
