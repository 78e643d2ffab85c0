# shellcheck shell=bash
# Start and stop a convoso-sandbox from a test stage. Source this file, then:
#
#   start_sandbox [extra convoso-sandbox args...]   # e.g. start_sandbox --style live --seed 200
#   curl -d "auth_token=$SANDBOX_TOKEN" "$SANDBOX_URL/leads/search"
#   stop_sandbox                                     # also runs automatically on exit
#
# start_sandbox builds the release binary (once per shell), starts it on a free loopback port
# with token dev-token (unless the args give --port/--token), waits for /__sandbox/health and
# exports SANDBOX_URL (http://127.0.0.1:PORT/v1), SANDBOX_ORIGIN (http://127.0.0.1:PORT),
# SANDBOX_TOKEN, SANDBOX_PID and SANDBOX_LOG. One sandbox per shell: starting a second stops
# the first.

_sandbox_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

_sandbox_get() {
  if command -v curl >/dev/null; then
    curl -fsS --max-time 2 "$1"
  else
    node -e 'fetch(process.argv[1]).then(async r => { if (!r.ok) process.exit(1); process.stdout.write(await r.text()); }, () => process.exit(1))' "$1"
  fi
}

_sandbox_has_arg() {
  local wanted=$1 arg
  shift
  for arg in "$@"; do
    case "$arg" in "$wanted" | "$wanted"=*) return 0 ;; esac
  done
  return 1
}

start_sandbox() {
  stop_sandbox
  if [ -z "${_SANDBOX_BUILT:-}" ]; then
    (cd "$_sandbox_root" && cargo build -p convoso-sandbox --release --quiet) >&2 || return 1
    _SANDBOX_BUILT=1
  fi
  local bin="${CARGO_TARGET_DIR:-$_sandbox_root/target}/release/convoso-sandbox"
  local defaults=()
  _sandbox_has_arg --port "$@" || defaults+=(--port 0)
  _sandbox_has_arg --token "$@" || defaults+=(--token dev-token)

  SANDBOX_LOG="$(mktemp -t convoso-sandbox.XXXXXX.log)"
  "$bin" "${defaults[@]}" "$@" >"$SANDBOX_LOG" 2>&1 &
  SANDBOX_PID=$!
  _sandbox_chain_exit_trap

  local line="" tries=0
  until line=$(grep -m1 '^convoso-sandbox listening on ' "$SANDBOX_LOG"); do
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null || [ $((tries += 1)) -gt 300 ]; then
      echo "convoso-sandbox did not start:" >&2
      cat "$SANDBOX_LOG" >&2
      stop_sandbox
      return 1
    fi
    sleep 0.1
  done
  SANDBOX_URL="${line#convoso-sandbox listening on }"
  SANDBOX_ORIGIN="${SANDBOX_URL%/v1}"
  SANDBOX_TOKEN=dev-token
  local prev=""
  for arg in "$@"; do
    case "$prev" in --token) SANDBOX_TOKEN=$arg; break ;; esac
    case "$arg" in --token=*) SANDBOX_TOKEN=${arg#--token=}; break ;; esac
    prev=$arg
  done
  tries=0
  until _sandbox_get "$SANDBOX_ORIGIN/__sandbox/health" >/dev/null 2>&1; do
    if [ $((tries += 1)) -gt 100 ]; then
      echo "convoso-sandbox at $SANDBOX_ORIGIN is not healthy" >&2
      stop_sandbox
      return 1
    fi
    sleep 0.1
  done
  export SANDBOX_URL SANDBOX_ORIGIN SANDBOX_TOKEN SANDBOX_PID SANDBOX_LOG
}

stop_sandbox() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill -TERM "$SANDBOX_PID" 2>/dev/null || true
    local tries=0
    while kill -0 "$SANDBOX_PID" 2>/dev/null && [ $((tries += 1)) -le 50 ]; do
      sleep 0.1
    done
    kill -KILL "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  [ -n "${SANDBOX_LOG:-}" ] && rm -f "$SANDBOX_LOG"
  unset SANDBOX_URL SANDBOX_ORIGIN SANDBOX_TOKEN SANDBOX_PID SANDBOX_LOG
}

# Adds stop_sandbox to the EXIT trap once, keeping whatever the caller's trap already does.
_sandbox_chain_exit_trap() {
  [ -n "${_SANDBOX_TRAPPED:-}" ] && return 0
  local existing
  existing=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
  # shellcheck disable=SC2064 # expand the existing handler now, on purpose
  trap "stop_sandbox; ${existing:-:}" EXIT
  _SANDBOX_TRAPPED=1
}
