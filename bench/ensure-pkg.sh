# Sourced by scripts/bench.sh and scripts/test/budget.sh (from the repository root): builds pkg/
# with scripts/build-pkg.sh unless a build newer than all of its inputs is already there, e.g.
# from the pack stage earlier in the same test run.

# Everything pkg/ is built from; a change to any of them makes pkg/ stale.
PKG_INPUTS=(Cargo.toml Cargo.lock core src cli pkg-template README.md scripts/build-pkg.sh scripts/pkg-assemble.mjs scripts/lib)

pkg_is_fresh() {
  [ -f pkg/package.json ] || return 1
  # pkg-assemble writes package.json first, so every other output is at least as new.
  [ -z "$(find "${PKG_INPUTS[@]}" -newer pkg/package.json -print -quit 2>/dev/null)" ]
}

ensure_pkg() {
  if pkg_is_fresh; then
    printf '== pkg/ is newer than its sources: reusing it\n'
  else
    scripts/build-pkg.sh
  fi
}
