#!/usr/bin/env bash
# The runtime matrix beyond Node and Chromium (tests/runtimes): the packed package installed
# offline into fresh projects and run in Deno and Bun; in workerd as a wrangler-style bundle
# (`workerd` condition) and a Next.js-style one (`edge-light`); and in Firefox ESR and WebKitGTK
# over WebDriver, from an import-map page and an esbuild bundle. Every leg runs the same checks
# against a live-style sandbox. Uses the pkg/ the pack stage built (scripts/build-pkg.sh builds
# it alone).
set -euo pipefail
cd "$(dirname "$0")/../.."

[ -f pkg/package.json ] || scripts/build-pkg.sh

# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
start_sandbox --style live

node --test --test-reporter=spec --test-concurrency=1 --test-timeout=300000 tests/runtimes/*.test.mjs
