#!/usr/bin/env bash
# Builds the npm package into pkg/ (ready for `npm pack pkg`), in one command:
#   1. compiles the crate for wasm32 twice with the size-first profiles: the full build
#      (client + validators, default features) and the validation-only build
#      (--no-default-features, no_std) behind `convoso-leads/validate`, whose declarations
#      come from a third build with the `typescript` feature;
#   2. runs wasm-bindgen (--target web) and wasm-opt (scripts/lib/wasm-build.sh) on each;
#   3. assembles pkg/ from pkg-template/ (scripts/pkg-assemble.mjs): ESM and CommonJS entries,
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

# Each build is bound and optimised before the next (a profile's builds share an artifact path).
build_wasm() {
  local name=$1 profile=$2
  shift 2
  printf '== build-pkg: %s wasm\n' "$name"
  cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --profile "$profile" "$@"
  wasm-bindgen --target web --omit-default-module-path --out-dir "$work/$name" \
    "$target_dir/wasm32-unknown-unknown/$profile/convoso_leads.wasm"
  node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" "$work/$name/convoso_leads_bg.wasm" -o "$work/$name/convoso_leads_bg.wasm"
}
build_wasm full wasm
build_wasm validate "$VALIDATE_PROFILE" --no-default-features

printf '== build-pkg: validate declarations\n'
typed_validate_declarations "$work/validate" --omit-default-module-path

version=$(cargo metadata --no-deps --format-version 1 \
  | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(m.packages.find((p) => p.name === "convoso-leads").version)')
node scripts/pkg-assemble.mjs "$work" pkg "$version"
node scripts/size.mjs pkg "$work"
