#!/usr/bin/env bash
# bindLeadForm, the plain-HTML form binding, in headless Chromium (Debian's chromium through
# playwright-core), from the packed package: tests/forms (the binding, and the README's
# plain-HTML example). Tests $CONVOSO_PKG_TARBALL when set, else packs the pkg/ already built
# (no rebuild: run scripts/build-pkg.sh first). Ends with the test runner's summary of real
# test counts.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/lib/tarball.sh
source scripts/lib/tarball.sh
use_tarball forms-browser

printf '\n== forms-browser: bindLeadForm in Chromium (on %s)\n' "$(basename "$CONVOSO_PKG_TARBALL")"
node --test --test-reporter=spec tests/forms/*.test.mjs
