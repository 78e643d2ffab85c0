# Shell helpers shared by scripts/demo.sh and scripts/test/e2e.sh: build the demo app against
# the freshly built package, and run its server in front of a started sandbox.
# Source it from the repository root, after scripts/lib/sandbox.sh.

# Adds a command to the EXIT trap without replacing what is already there (the sandbox's).
on_exit() {
  local command=$1 previous
  # `trap -p` prints a quoted `trap -- 'CMD' EXIT`; re-parsing it recovers CMD exactly.
  previous=$(trap -p EXIT)
  eval "set -- $previous"
  trap "$command${3:+; $3}" EXIT
}

# The npm package into pkg/, then the app into www/dist/, installed the way an npm user would
# (www/package.json depends on file:../pkg).
build_app() {
  scripts/build-pkg.sh
  printf '== app: install and build www/\n'
  npm ci --prefix www --no-audit --no-fund --loglevel=error
  npm run --prefix www --silent build
}

# Waits until something accepts connections on 127.0.0.1:$1 (at most ~20 s).
wait_for_port() {
  local tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 200 ]; then return 1; fi
    sleep 0.1
  done
}

# The first port in [$1, $2] that nothing listens on.
free_port() {
  local port
  for port in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port in $1-$2" >&2
  return 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
}

# Starts www/server.mjs on port $1 in front of the started sandbox; exports APP_URL and APP_PID.
# The token reaches the server through its environment, never its command line.
start_app() {
  local port=$1
  CONVOSO_AUTH_TOKEN="$SANDBOX_TOKEN" CONVOSO_UPSTREAM="$SANDBOX_URL" HOST=127.0.0.1 PORT="$port" \
    node www/server.mjs &
  APP_PID=$!
  on_exit stop_app
  if ! wait_for_port "$port" || ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "the app server did not start on port $port" >&2
    return 1
  fi
  export APP_URL="http://127.0.0.1:$port/"
}
