#!/usr/bin/env bash
# The sandbox as npm users get it: builds the static linux-x64 binary and both packages
# (sandbox/npm/scripts/build.sh), reuses pkg/ for convoso-leads (built by the pack stage, or
# built now), packs all three, lints the sandbox packages (publint, attw), then installs the
# tarballs offline into throwaway projects and tests the command, startSandbox() in ESM and
# CommonJS, the types, and Vitest and Playwright projects (tests/sandbox-npm). Ends with the
# test runner's summary of real test counts.
set -euo pipefail
cd "$(dirname "$0")/../.."

sandbox/npm/scripts/build.sh
# shellcheck source=bench/ensure-pkg.sh
source bench/ensure-pkg.sh
ensure_pkg

target_dir="${CARGO_TARGET_DIR:-target}"
built="$target_dir/sandbox-npm"
packed="$target_dir/sandbox-npm-pack"
rm -rf "$packed"
mkdir -p "$packed"
pack() { echo "$(cd "$packed" && pwd)/$(npm pack "$1" --pack-destination "$packed" --silent | tail -n 1)"; }
CONVOSO_SANDBOX_TARBALL=$(pack "$built/convoso-leads-sandbox")
CONVOSO_SANDBOX_PLATFORM_TARBALL=$(pack "$built/sandbox-linux-x64")
CONVOSO_PKG_TARBALL=$(pack ./pkg)
export CONVOSO_SANDBOX_TARBALL CONVOSO_SANDBOX_PLATFORM_TARBALL CONVOSO_PKG_TARBALL
ls -l "$packed"

printf '\n== publint\n'
node_modules/.bin/publint --strict "$built/convoso-leads-sandbox"
node_modules/.bin/publint --strict "$built/sandbox-linux-x64"
printf '\n== attw (on %s)\n' "$(basename "$CONVOSO_SANDBOX_TARBALL")"
node_modules/.bin/attw "$CONVOSO_SANDBOX_TARBALL"

# Files one at a time: the runner projects pick fixed ports and count processes.
printf '\n== sandbox npm packages: command, API (ESM, CommonJS), types, Vitest, Playwright\n'
node --test --test-reporter=spec --test-concurrency=1 tests/sandbox-npm/*.test.mjs
