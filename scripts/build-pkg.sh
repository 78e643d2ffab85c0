#!/usr/bin/env bash
# Builds the npm package into pkg/ (ready for `npm pack pkg`), in one command:
#   1. compiles the crate for wasm32 twice with the size-first profile: the client build
#      (default features, pinned nightly with -Zbuild-std: scripts/lib/wasm-build.sh), then
#      wasm-bindgen (--target web), a size report by crate and function, and wasm-opt; and the
#      validation-only build (--no-default-features, no_std, its own small ABI instead of
#      wasm-bindgen: src/wasm/validate.rs), then wasm-opt (scripts/lib/wasm-build.sh);
#   2. assembles pkg/ from pkg-template/ (scripts/pkg-assemble.mjs): ESM and CommonJS entries,
#      one shared copy of the error classes, the modules inlined for synchronous start-up.
# Prints the gzip -9 sizes at the end (scripts/size.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/wasm-build.sh
source scripts/lib/wasm-build.sh

target_dir=${CARGO_TARGET_DIR:-target}
work="$target_dir/pkg-build"
rm -rf "$work"
mkdir -p "$work"

# Each build is processed before the next: both write the profile's one artifact path.
printf '== build-pkg: client wasm\n'
build_client_wasm
wasm-bindgen --target web --omit-default-module-path --out-dir "$work/full" "$(client_wasm_artifact)"
# Where the bytes go, from the build that still has its names (wasm-opt drops them next).
node scripts/wasm-report.mjs "$work/full/convoso_leads_bg.wasm" --top 10 --json "$work/full/report.json"
node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" "$work/full/convoso_leads_bg.wasm" -o "$work/full/convoso_leads_bg.wasm"

printf '== build-pkg: validation wasm\n'
mkdir -p "$work/validate"
build_validate_wasm "$work/validate/validate_bg.wasm"

version=$(cargo metadata --no-deps --format-version 1 \
  | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(m.packages.find((p) => p.name === "convoso-leads").version)')
node scripts/pkg-assemble.mjs "$work" pkg "$version"
node scripts/size.mjs pkg "$work"
