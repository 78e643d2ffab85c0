#!/usr/bin/env bash
# The wasm-bindgen suites (tests/wasm_*.rs) in headless Chromium (Debian's chromium and
# chromedriver, options in webdriver.json), against both sandbox styles.
# WASM_BROWSER=firefox runs them in Firefox ESR through geckodriver instead; not a CI stage:
# under wasm-bindgen-test-runner most Firefox launches here never load the test page (14 of 18
# in one run on this machine kind), far more than Chromium's retries absorb.
set -euo pipefail
WASM_BINDGEN_USE_BROWSER=1 WASM_BROWSER=${WASM_BROWSER:-chromium} exec "$(dirname "$0")/wasm-node.sh"
