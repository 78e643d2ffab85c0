#!/usr/bin/env bash
# Builds the validation-only wasm as the package ships it (no `client` feature, no_std,
# size-first `wasm-validate` profile; the web .d.ts from a `typescript` build, for the request
# types: scripts/lib/wasm-build.sh) and binds it twice into $1
# (default target/validate-wasm): web/ as the package ships it, after wasm-opt -Oz, and node/
# for the differential test to require().
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/validate-wasm}
rm -rf "$out"
mkdir -p "$out"
# shellcheck source=scripts/lib/wasm-build.sh
source scripts/lib/wasm-build.sh
cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --no-default-features --profile "$VALIDATE_PROFILE"
wasm=$(validate_wasm_path)
wasm-bindgen --target web --out-dir "$out/web" "$wasm"
node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" "$out/web/convoso_leads_bg.wasm" -o "$out/web/convoso_leads_bg.wasm"
wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
typed_validate_declarations "$out/web"
