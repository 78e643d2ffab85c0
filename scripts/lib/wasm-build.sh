# shellcheck shell=bash
# What the package's wasm builds share (scripts/build-pkg.sh, and the validation tests'
# tests/differential/build-validate-wasm.sh, which must measure what ships). Source this file.

# wasm-opt after wasm-bindgen: size first; the producers and target-features sections are
# build metadata no engine reads.
WASM_OPT_ARGS=(-Oz --strip-producers --strip-target-features)

# The validation-only build's cargo profile (Cargo.toml) and where it writes the module.
VALIDATE_PROFILE=wasm-validate
validate_wasm_path() {
  echo "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$VALIDATE_PROFILE/convoso_leads.wasm"
}

# The validation-only build is no_std (src/lib.rs), which the `typescript` feature's tsify
# rules out. That feature adds declarations only (custom sections, no code), so the no_std build
# takes its .d.ts from a typescript build of the same crate: the request validators then take
# the real params interfaces. After binding the shipped build into DIR (--target web):
#
#   typed_validate_declarations DIR [extra wasm-bindgen args...]
#
# builds the typescript flavour, binds it aside, checks that its glue exports exactly what
# DIR's glue does, and copies its convoso_leads.d.ts into DIR.
typed_validate_declarations() {
  local dir=$1
  shift
  local typed="$dir.typescript"
  rm -rf "$typed"
  cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --profile "$VALIDATE_PROFILE" \
    --no-default-features --features typescript
  wasm-bindgen --target web "$@" --out-dir "$typed" "$(validate_wasm_path)"
  if [[ "$(grep -E '^export ' "$dir/convoso_leads.js")" != "$(grep -E '^export ' "$typed/convoso_leads.js")" ]]; then
    echo "the typescript validate build exports differ from the no_std one in $dir" >&2
    return 1
  fi
  cp "$typed/convoso_leads.d.ts" "$dir/convoso_leads.d.ts"
  rm -rf "$typed"
}
