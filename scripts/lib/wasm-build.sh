# shellcheck shell=bash
# What the package's wasm builds share (scripts/build-pkg.sh). Source this file.

# wasm-opt after wasm-bindgen: size first, passes repeated until nothing shrinks (--converge:
# about 100 B gz off each module, measured); --flatten --rereloop first rebuild the control
# flow from scratch, so -Oz starts from simpler shapes (bare .wasm gz: client 45,334 -> 44,982 B,
# validation 8,808 -> 8,737 B, side by side; about 5 s more build); the producers and
# target-features sections are build metadata no engine reads.
WASM_OPT_ARGS=(--flatten --rereloop -Oz -Oz --converge --strip-producers --strip-target-features)

# Both builds use the size-first `wasm` cargo profile (Cargo.toml).
WASM_PROFILE=wasm
wasm_artifact() {
  echo "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$WASM_PROFILE/convoso_leads.wasm"
}

# The client module is built by a pinned nightly with std rebuilt from source
# (-Zbuild-std) and immediate-abort panics: a panic then traps without formatting a message,
# so std's panic and formatting machinery leaves the module (bare .wasm 70,554 -> 61,008 B gz,
# measured side by side). Native builds, tests and the sandbox stay on stable. scripts/setup.sh installs
# this toolchain (with rust-src); change both together.
WASM_NIGHTLY=nightly-2026-05-19

# Its own target directory: the nightly's artifacts must not evict the stable ones.
client_wasm_artifact() {
  echo "${CARGO_TARGET_DIR:-target}/nightly/wasm32-unknown-unknown/$WASM_PROFILE/convoso_leads.wasm"
}

# The client module (default features), before wasm-bindgen: its path is client_wasm_artifact.
build_client_wasm() {
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo "+$WASM_NIGHTLY" build -p convoso-leads --lib --target wasm32-unknown-unknown \
    --profile "$WASM_PROFILE" --target-dir "${CARGO_TARGET_DIR:-target}/nightly" \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
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
