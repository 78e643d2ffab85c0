#!/usr/bin/env bash
# The Standard Schema objects' JSON Schemas and TypeScript types, from the packed package:
# tests/forms-schema (Ajv in strict mode over both targets and a large request corpus; strict
# tsc consumers as ES module and CommonJS). Tests $CONVOSO_PKG_TARBALL when set, else packs
# the pkg/ already built (no rebuild: run scripts/build-pkg.sh first). Ends with the test
# runner's summary of real test counts.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${CONVOSO_PKG_TARBALL:-}" ]]; then
  if [[ ! -f pkg/package.json ]]; then
    echo "pkg/ is not built: run scripts/build-pkg.sh (or set CONVOSO_PKG_TARBALL)" >&2
    exit 1
  fi
  packed=$(mktemp -d "${TMPDIR:-/tmp}/convoso-forms-schema-XXXXXX")
  trap 'rm -rf "$packed"' EXIT
  tarball_name=$(npm pack ./pkg --pack-destination "$packed" --silent | tail -n 1)
  CONVOSO_PKG_TARBALL="$packed/$tarball_name"
fi
export CONVOSO_PKG_TARBALL

printf '\n== forms-schema: JSON Schemas and types (on %s)\n' "$(basename "$CONVOSO_PKG_TARBALL")"
node --test --test-reporter=spec tests/forms-schema/*.test.mjs
