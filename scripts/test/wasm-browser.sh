#!/usr/bin/env bash
# The wasm-bindgen suites (tests/wasm_*.rs) in headless Chromium (Debian's chromium and
# chromedriver, options in webdriver.json), against both sandbox styles.
set -euo pipefail
WASM_BINDGEN_USE_BROWSER=1 exec "$(dirname "$0")/wasm-node.sh"
