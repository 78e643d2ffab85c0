#!/usr/bin/env bash
# Builds the validation-only wasm as the package ships it (no `client` feature, no_std,
# size-first `wasm` profile; the web .d.ts from a `typescript` build, for the request types:
# scripts/lib/validate-types.sh) and binds it twice into $1
# (default target/validate-wasm): web/ as the package ships it, after wasm-opt -Oz, and node/
# for the differential test to require().
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/validate-wasm}
target_dir=${CARGO_TARGET_DIR:-target}
rm -rf "$out"
mkdir -p "$out"
cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --no-default-features --profile wasm
wasm="$target_dir/wasm32-unknown-unknown/wasm/convoso_leads.wasm"
wasm-bindgen --target web --out-dir "$out/web" "$wasm"
node_modules/.bin/wasm-opt -Oz "$out/web/convoso_leads_bg.wasm" -o "$out/web/convoso_leads_bg.wasm"
wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
# shellcheck source=scripts/lib/validate-types.sh
source scripts/lib/validate-types.sh
typed_validate_declarations "$out/web"
