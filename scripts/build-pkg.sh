#!/usr/bin/env bash
# Builds the npm package into pkg/ (ready for `npm pack pkg`), in one command:
#   1. compiles the crate for wasm32 twice with the size-first `wasm` profile: the full build
#      (client + validators, default features) and the validation-only build
#      (--no-default-features, no_std) behind `convoso-leads/validate`, whose declarations
#      come from a third build with the `typescript` feature;
#   2. runs wasm-bindgen (--target web) and wasm-opt -Oz on each;
#   3. assembles pkg/ from pkg-template/ (scripts/pkg-assemble.mjs): ESM and CommonJS entries,
#      one shared copy of the error classes, the modules inlined for synchronous start-up.
# Prints the gzip -9 sizes at the end (scripts/size.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/validate-types.sh
source scripts/lib/validate-types.sh

target_dir=${CARGO_TARGET_DIR:-target}
work="$target_dir/pkg-build"
rm -rf "$work"
mkdir -p "$work"

# Both builds write the same artifact path, so each is bound and optimised before the next.
build_wasm() {
  local name=$1
  shift
  printf '== build-pkg: %s wasm\n' "$name"
  cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --profile wasm "$@"
  wasm-bindgen --target web --omit-default-module-path --out-dir "$work/$name" \
    "$target_dir/wasm32-unknown-unknown/wasm/convoso_leads.wasm"
  node_modules/.bin/wasm-opt -Oz "$work/$name/convoso_leads_bg.wasm" -o "$work/$name/convoso_leads_bg.wasm"
}
build_wasm full
build_wasm validate --no-default-features

printf '== build-pkg: validate declarations\n'
typed_validate_declarations "$work/validate" --omit-default-module-path

version=$(cargo metadata --no-deps --format-version 1 \
  | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(m.packages.find((p) => p.name === "convoso-leads").version)')
node scripts/pkg-assemble.mjs "$work" pkg "$version"
node scripts/size.mjs pkg "$work"
