# shellcheck shell=bash
# The packed package a stage tests: $CONVOSO_PKG_TARBALL when set (scripts/test/pack.sh packs
# once for its own suites), else a fresh `npm pack` of the pkg/ already built, into a temp dir
# removed on exit (no rebuild: run scripts/build-pkg.sh first). Source this file, then:
#
#   use_tarball <stage>   # exports CONVOSO_PKG_TARBALL
use_tarball() {
  if [[ -z "${CONVOSO_PKG_TARBALL:-}" ]]; then
    if [[ ! -f pkg/package.json ]]; then
      echo "pkg/ is not built: run scripts/build-pkg.sh (or set CONVOSO_PKG_TARBALL)" >&2
      exit 1
    fi
    _tarball_dir=$(mktemp -d "${TMPDIR:-/tmp}/convoso-$1-XXXXXX")
    trap 'rm -rf "$_tarball_dir"' EXIT
    CONVOSO_PKG_TARBALL="$_tarball_dir/$(npm pack ./pkg --pack-destination "$_tarball_dir" --silent | tail -n 1)"
  fi
  export CONVOSO_PKG_TARBALL
}
