#!/usr/bin/env bash
# The Standard Schema objects' JSON Schemas and TypeScript types, from the packed package:
# tests/forms-schema (Ajv in strict mode over both targets and a large request corpus; strict
# tsc consumers as ES module and CommonJS). Tests $CONVOSO_PKG_TARBALL when set, else packs
# the pkg/ already built (no rebuild: run scripts/build-pkg.sh first). Ends with the test
# runner's summary of real test counts.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/lib/tarball.sh
source scripts/lib/tarball.sh
use_tarball forms-schema

printf '\n== forms-schema: JSON Schemas and types (on %s)\n' "$(basename "$CONVOSO_PKG_TARBALL")"
node --test --test-reporter=spec tests/forms-schema/*.test.mjs
