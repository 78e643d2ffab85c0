#!/usr/bin/env bash
# convoso-leads' Standard Schema objects in the form libraries, from the packed package:
# tests/forms-libs (react-hook-form's standardSchemaResolver and TanStack Form in Node; the
# README's examples and the proxy compiled under strict tsc; the proxy's undefined-means-absent
# options at run time; the react-hook-form example app typechecked, built, and driven in
# Chromium through Vite's dev server and convoso-leads/proxy against a sandbox). Tests
# $CONVOSO_PKG_TARBALL when set, else packs the pkg/ already built (no rebuild: run
# scripts/build-pkg.sh first). Ports 8960-8979. Ends with the test runner's summary.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/lib/tarball.sh
source scripts/lib/tarball.sh
use_tarball forms-libs

# A token of this run only, so that "the token is nowhere in the browser" looks for a string
# nothing else could contain. The sandbox never prints it; neither does this script.
token="forms-libs-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
start_sandbox --port 8960 --token "$token" --style live

printf '\n== forms-libs: react-hook-form, TanStack Form, the proxy and the example app (on %s)\n' \
  "$(basename "$CONVOSO_PKG_TARBALL")"
# One file at a time: the example's dev server and browser are the slowest part, run alone.
node --test --test-reporter=spec --test-concurrency=1 tests/forms-libs/*.test.mjs
