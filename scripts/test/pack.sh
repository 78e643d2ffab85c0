#!/usr/bin/env bash
# The npm package as its users get it: builds pkg/ (scripts/build-pkg.sh), packs it, lints the
# tarball (publint, @arethetypeswrong/cli), then, against a sandbox, runs the type tests
# (tests/types) and the pack-and-install tests (tests/pack: Node ESM and CommonJS, Vite,
# webpack 5, esbuild and unbundled ES modules in headless Chromium). Ends with the test
# runner's summary of real test counts.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/build-pkg.sh

packed="${CARGO_TARGET_DIR:-target}/pkg-pack"
rm -rf "$packed"
mkdir -p "$packed"
tarball_name=$(npm pack ./pkg --pack-destination "$packed" --silent | tail -n 1)
CONVOSO_PKG_TARBALL="$(cd "$packed" && pwd)/$tarball_name"
export CONVOSO_PKG_TARBALL

printf '\n== publint\n'
node_modules/.bin/publint --strict ./pkg
printf '\n== attw (on %s)\n' "$tarball_name"
node_modules/.bin/attw "$CONVOSO_PKG_TARBALL"

# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
start_sandbox

# One file at a time: each consumer's checks count the sandbox's requests during its own run.
printf '\n== type tests and pack-and-install tests\n'
node --test --test-reporter=spec --test-concurrency=1 tests/types/*.test.mjs tests/pack/*.test.mjs
