#!/usr/bin/env bash
# Lead-form validation beyond the unit tests that rust-native runs: the proptest properties,
# a short cargo-fuzz run of every validator, then the package as built (both modules that
# carry the validators) under the differential test against libphonenumber-js, the JS API
# and TypeScript tests. Its shipped size is held by the budget stage.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== validate: proptest properties"
cargo test -p convoso-leads-core --no-default-features --test validate_properties

echo "== validate: fuzz (${FUZZ_SECONDS:=6} s per target)"
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them, and
# without a sanitizer runtime (-s none) no nightly-only component is needed.
fuzz_log=$(mktemp)
for target in phone email dates request; do
  if ! (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -s none -- \
      -max_total_time="$FUZZ_SECONDS" -max_len=512) >"$fuzz_log" 2>&1; then
    tail -n 60 "$fuzz_log"
    echo "fuzz target $target failed" >&2
    exit 1
  fi
  printf 'fuzz %-8s %s\n' "$target" "$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$fuzz_log" | tail -n 1)"
done
rm -f "$fuzz_log"

echo "== validate: the package"
# shellcheck source=bench/ensure-pkg.sh
source bench/ensure-pkg.sh
ensure_pkg

echo "== validate: differential, JS API and type tests"
node --test tests/differential/
