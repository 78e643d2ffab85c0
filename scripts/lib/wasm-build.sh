# shellcheck shell=bash
# What the package's wasm builds share (scripts/build-pkg.sh). Source this file.

# wasm-opt after wasm-bindgen: size first; the producers and target-features sections are
# build metadata no engine reads.
WASM_OPT_ARGS=(-Oz --strip-producers --strip-target-features)

# Both builds use the size-first `wasm` cargo profile (Cargo.toml).
WASM_PROFILE=wasm
wasm_artifact() {
  echo "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$WASM_PROFILE/convoso_leads.wasm"
}

# The validation-only module (no `client` feature: no_std, no allocator, no wasm-bindgen; its
# JS half is src/wasm/validate.js), optimised into OUT:
#
#   build_validate_wasm OUT
build_validate_wasm() {
  local out=$1
  cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --profile "$WASM_PROFILE" --no-default-features
  node_modules/.bin/wasm-opt "${WASM_OPT_ARGS[@]}" --strip-debug "$(wasm_artifact)" -o "$out"
}
