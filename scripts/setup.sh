#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need on a fresh Debian 12 machine with
# rustup and Node 20. Idempotent: each step is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== setup: %s\n' "$*"; }

log "rust wasm target"
rustup target add wasm32-unknown-unknown >/dev/null

# The client module's pinned nightly (scripts/lib/wasm-build.sh): std is rebuilt from its
# source, so rust-src is the only component it needs (no wasm32 rust-std).
# shellcheck source=scripts/lib/wasm-build.sh
source scripts/lib/wasm-build.sh
if ! rustup component list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  log "rust $WASM_NIGHTLY with rust-src (the client module's build)"
  rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src
fi

# The CLI must match the wasm-bindgen crate exactly (Cargo.toml pins it with "="); the lock
# file names the version actually built.
wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  echo "setup: no wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version"; then
  log "wasm-bindgen-cli $wb_version (a few minutes, once)"
  # No --locked: its lock file pins a webpki-roots version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# The fuzz targets of the validators (scripts/test/validate.sh) run under cargo-fuzz.
if ! command -v cargo-fuzz >/dev/null; then
  log "cargo-fuzz (a minute, once)"
  cargo install cargo-fuzz --version 0.13.2
fi

# The sandbox's npm binary is a static musl build (scripts/test/sandbox-npm.sh); its bundled
# SQLite is C, so it needs musl-gcc from Debian's musl-tools.
log "rust musl target"
rustup target add x86_64-unknown-linux-musl >/dev/null
if ! command -v musl-gcc >/dev/null; then
  log "musl-tools (Debian package) for the static sandbox binary"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq musl-tools >/dev/null
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "chromium + chromedriver (Debian packages) for browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The runtime matrix's browser legs (scripts/test/runtimes.sh): Firefox ESR through geckodriver,
# WebKitGTK through WebKitWebDriver, which needs a display (Xvfb).
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
  log "firefox-esr, webkit2gtk-driver, xvfb (Debian packages) for the runtime matrix"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
fi
if ! command -v geckodriver >/dev/null; then
  log "geckodriver (a minute, once)"
  cargo install geckodriver --version 0.37.1 --locked
fi

if [ -f package-lock.json ]; then
  log "npm dev tools"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "done"
