#!/usr/bin/env bash
# HTTP "hello" server under load, gol beside Go: builds load.c, starts hello_server.go
# with gol and with `go build`, and drives each with CONNS keep-alive connections for at
# most REQUESTS requests or SECONDS seconds (loopback only). Prints requests/s.
#   bench/http/run.sh [GOL]     CONNS=50 REQUESTS=40000 SECONDS=20 by default
set -u
gol=${1:-./gol}
conns=${CONNS:-50}
requests=${REQUESTS:-40000}
seconds=${SECONDS_MAX:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golhttp.XXXXXX")
trap 'rm -rf "$work"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null' EXIT
cc -O2 -pthread -o "$work/load" "$here/load.c" || exit 1
run() { # run NAME CMD...: start the server, read its address, load it
    local name=$1
    shift
    "$@" "$requests" >"$work/addr" 2>"$work/err" &
    pid=$!
    for _ in $(seq 100); do [ -s "$work/addr" ] && break; sleep 0.1; done
    local port
    port=$(sed -n 's/.*://p' "$work/addr" | head -1)
    [ -n "$port" ] || { echo "$name: no address"; cat "$work/err"; return; }
    printf '%-6s ' "$name"
    timeout $((seconds + 10)) "$work/load" "$port" "$conns" "$requests" "$seconds"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
}
run gol "$gol" "$here/hello_server.go"
if command -v go >/dev/null; then
    cp "$here/hello_server.go" "$work/main.go"
    (cd "$work" && GO111MODULE=off go build -o hello main.go) && run go "$work/hello"
fi
