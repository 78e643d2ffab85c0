#!/usr/bin/env bash
# The size floor of the client module: bench/floor/, a client cut down to one call with only
# the required crates (wasm-bindgen, wasm-bindgen-futures, js-sys, web-sys, gloo-net, talc),
# built with the package's client toolchain, profile and wasm-opt settings. Prints gzip -9 of
# the module and of wasm-bindgen's JS, minified. A measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/wasm-build.sh
source scripts/lib/wasm-build.sh

out=${CARGO_TARGET_DIR:-target}/floor
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  cargo "+$WASM_NIGHTLY" build --manifest-path bench/floor/Cargo.toml --lib --target wasm32-unknown-unknown \
  --profile wasm --target-dir "$out" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
wasm-bindgen --target web --out-dir "$out/bindgen" "$out/wasm32-unknown-unknown/wasm/convoso_leads_floor.wasm"
node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" "$out/bindgen/convoso_leads_floor_bg.wasm" -o "$out/floor.wasm"
wasm=$(gzip -9c "$out/floor.wasm" | wc -c)
js=$(node_modules/.bin/esbuild --minify "$out/bindgen/convoso_leads_floor.js" | gzip -9 | wc -c)
printf 'floor: wasm %s B gz (%s B raw), JS %s B gz, together %s B gz\n' \
  "$wasm" "$(wc -c < "$out/floor.wasm")" "$js" "$((wasm + js))"
