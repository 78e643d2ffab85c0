#!/usr/bin/env bash
# The `convoso-leads` command as users get it: packs pkg/ (built by the pack stage, or built
# now), installs the tarball offline into a fresh project, type-checks the command's sources,
# then runs the CSV reader's unit tests and the command's tests (tests/cli) against a sandbox
# with a --db file: imports under faults, SIGKILL and SIGINT then resume, hostile files,
# 200,000 rows streamed, export past the offset cap and the export -> import round trip.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=bench/ensure-pkg.sh
source bench/ensure-pkg.sh
ensure_pkg

target_dir="${CARGO_TARGET_DIR:-target}"
work="$(mkdir -p "$target_dir" && cd "$target_dir" && pwd)/cli-test"
rm -rf "$work"
mkdir -p "$work/project"

# As shipped: dist/cli/ next to the package's own declarations, which type its imports.
printf '\n== tsc --strict --checkJs on the command (pkg/dist/cli)\n'
cat >"$work/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "allowJs": true, "checkJs": true, "noEmit": true, "strict": true, "skipLibCheck": true,
    "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022",
    "types": ["node"], "typeRoots": ["$PWD/node_modules/@types"]
  },
  "files": [$(printf '"%s",' "$PWD"/pkg/dist/cli/*.js | sed 's/,$//')]
}
JSON
node_modules/.bin/tsc -p "$work/tsconfig.json"
tarball=$(npm pack ./pkg --pack-destination "$work" --silent | tail -n 1)
printf '{ "name": "cli-test", "private": true, "type": "module" }\n' >"$work/project/package.json"
# --offline: the tarball has no registry dependencies; installing it must not need the network.
(cd "$work/project" && npm install "$work/$tarball" --offline --no-audit --no-fund --no-package-lock --silent)
export CONVOSO_CLI_PROJECT="$work/project"

# shellcheck source=scripts/lib/sandbox.sh
source scripts/lib/sandbox.sh
token="cli-token-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
start_sandbox --style live --seed 0 --token "$token" --db "$work/sandbox.sqlite"
export CONVOSO_SANDBOX_BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/convoso-sandbox"

printf '\n== CSV reader, then the command\n'
node --test --test-reporter=spec tests/cli/csv.test.mjs
node --test --test-reporter=spec --test-concurrency=1 tests/cli/command.test.mjs tests/cli/export-cap.test.mjs
