#!/usr/bin/env bash
# Builds the static linux-x64 sandbox binary (musl) and assembles the two npm packages into
# ${CARGO_TARGET_DIR:-target}/sandbox-npm/: convoso-leads-sandbox and sandbox-linux-x64.
# Needs the x86_64-unknown-linux-musl target and musl-gcc (scripts/setup.sh installs both):
# the bundled SQLite is C.
set -euo pipefail
cd "$(dirname "$0")/../../.."

target_dir="${CARGO_TARGET_DIR:-target}"
# The sandbox-dist profile (workspace Cargo.toml): stripped, LTO, one codegen unit.
cargo build -p convoso-sandbox --profile sandbox-dist --locked --target x86_64-unknown-linux-musl
binary="$target_dir/x86_64-unknown-linux-musl/sandbox-dist/convoso-sandbox"
node sandbox/npm/scripts/assemble.mjs "$binary" "$target_dir/sandbox-npm"
