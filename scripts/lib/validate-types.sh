# shellcheck shell=bash
# The validation-only wasm build is no_std (src/lib.rs), which the `typescript` feature's tsify
# rules out. That feature adds declarations only (custom sections, no code), so a no_std build
# takes its .d.ts from a typescript build of the same crate: the request validators then take
# the real params interfaces. Source this file, then, after binding the shipped build into DIR
# with `wasm-bindgen --target web`:
#
#   typed_validate_declarations DIR [extra wasm-bindgen args...]
#
# builds the typescript flavour (same `wasm` profile), binds it aside, checks that its glue
# exports exactly what DIR's glue does, and copies its convoso_leads.d.ts into DIR.

typed_validate_declarations() {
  local dir=$1
  shift
  local typed="$dir.typescript"
  local target_dir=${CARGO_TARGET_DIR:-target}
  rm -rf "$typed"
  cargo build -p convoso-leads --lib --target wasm32-unknown-unknown --profile wasm \
    --no-default-features --features typescript
  wasm-bindgen --target web "$@" --out-dir "$typed" \
    "$target_dir/wasm32-unknown-unknown/wasm/convoso_leads.wasm"
  if [[ "$(grep -E '^export ' "$dir/convoso_leads.js")" != "$(grep -E '^export ' "$typed/convoso_leads.js")" ]]; then
    echo "the typescript validate build exports differ from the no_std one in $dir" >&2
    return 1
  fi
  cp "$typed/convoso_leads.d.ts" "$dir/convoso_leads.d.ts"
  rm -rf "$typed"
}
