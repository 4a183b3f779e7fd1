#!/usr/bin/env bash
# Network programs over loopback (ports chosen by the kernel: servers listen on
# 127.0.0.1:0 and log "listening on ADDR"): gopl.io ch. 8's clock1/clock2 with netcat1,
# reverb1/reverb2 and echo_server with netcat3, the chat server with two clients
# (chat_driver.gol), and 10,000 idle connections held by one gol process (idle_server.gol,
# idle_client.gol in a second process: both ends in one process would need 20,001 fds).
# Expected outputs (*.want) come from the same programs built with Go (GO=1 regenerates
# them); every step runs under a timeout.
#   tests/net/run.sh [GOL]      prints `net: N passed, M failed`
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
S=$root/samples
work=$(mktemp -d "${TMPDIR:-/tmp}/golnet.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
pass=0 fail=0
IDLE_N=${IDLE_N:-10000}

bad() { fail=$((fail + 1)); echo "FAIL net $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }

# run FILE ARGS...: the program under gol, or (GO=1) built with go.
run() {
    local f=$1
    shift
    if [ -n "${GO:-}" ]; then
        local b
        b=$work/bin/$(basename "$f" .gol)
        if [ ! -x "$b" ]; then
            mkdir -p "$work/src/$(basename "$f" .gol)" "$work/bin"
            cp "$f" "$work/src/$(basename "$f" .gol)/main.go"
            (cd "$work/src/$(basename "$f" .gol)" && go build -o "$b" main.go) || return 1
        fi
        "$b" "$@"
    else
        "$gol" "$f" "$@"
    fi
}

# start NAME FILE: runs server FILE on 127.0.0.1:0; sets addr (empty on failure).
start() {
    local name=$1 f=$2
    run "$f" 127.0.0.1:0 >"$work/$name.srv.out" 2>"$work/$name.srv.err" &
    pids+=($!)
    srvpid=$!
    addr=""
    for _ in $(seq 100); do
        addr=$(sed -n 's/.*listening on \(.*\)$/\1/p' "$work/$name.srv.err" 2>/dev/null | head -1)
        [ -n "$addr" ] && return
        sleep 0.1
    done
    bad "$name: server did not start" "$(head -5 "$work/$name.srv.err")"
}

stop() { kill "$srvpid" 2>/dev/null; wait "$srvpid" 2>/dev/null; }

# same NAME GOT: GOT must equal $here/NAME.want (GO=1: writes it).
same() {
    if [ -n "${GO:-}" ]; then cp "$2" "$here/$1.want"; pass=$((pass + 1)); return; fi
    if diff -q "$here/$1.want" "$2" >/dev/null; then pass=$((pass + 1))
    else bad "$1: output differs" "$(diff "$here/$1.want" "$2" | head -20)"; fi
}

# clock NAME: two netcat1 clients for 3.5 s each, started together (a client's own start-up
# may take a second on a loaded machine); prints their line counts.
clock_counts() {
    local name=$1 a b
    timeout 3.5 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$S/netcat1.gol' '$addr'" >"$work/$name.c1" 2>/dev/null </dev/null &
    a=$!
    timeout 3.5 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$S/netcat1.gol' '$addr'" >"$work/$name.c2" 2>/dev/null </dev/null &
    b=$!
    wait $a $b
    for c in c1 c2; do
        if grep -qvE '^[0-9]{2}:[0-9]{2}:[0-9]{2}$' "$work/$name.$c"; then
            bad "$name: a client printed something else than times" "$(head -3 "$work/$name.$c")"
        fi
    done
    echo "$(wc -l <"$work/$name.c1") $(wc -l <"$work/$name.c2")"
}

# ---- clock2: both clients get the time at once ----
[ -n "${GO:-}" ] && run "$S/netcat1.gol" 127.0.0.1:1 2>/dev/null # build it once, up front
start clock2 "$S/clock2.gol"
if [ -n "$addr" ]; then
    read -r n1 n2 <<<"$(clock_counts clock2)"
    if [ "$n1" -ge 2 ] && [ "$n2" -ge 2 ]; then pass=$((pass + 1))
    else bad "clock2: each client should get 2+ times, got $n1 and $n2"; fi
    stop
fi

# ---- clock1: one client at a time ----
start clock1 "$S/clock1.gol"
if [ -n "$addr" ]; then
    read -r n1 n2 <<<"$(clock_counts clock1)"
    lo=$((n1 < n2 ? n1 : n2)) hi=$((n1 > n2 ? n1 : n2))
    if [ "$hi" -ge 2 ] && [ "$lo" -le 1 ]; then pass=$((pass + 1))
    else bad "clock1: one client should wait, got $n1 and $n2 lines"; fi
    stop
fi

# ---- reverb1, reverb2, echo_server with netcat3 ----
start reverb1 "$S/reverb1.gol"
if [ -n "$addr" ]; then
    printf 'Hello?\n' | timeout 10 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$S/netcat3.gol' '$addr'" >"$work/reverb1.out" 2>/dev/null
    same reverb1 "$work/reverb1.out"
    stop
fi
start reverb2 "$S/reverb2.gol"
if [ -n "$addr" ]; then
    (sleep 1.5; printf 'Hello?\n'; sleep 0.5; printf 'Is anyone there?\n'; sleep 3) |
        timeout 10 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$S/netcat3.gol' '$addr'" >"$work/reverb2.out" 2>/dev/null
    same reverb2 "$work/reverb2.out"
    stop
fi
start echo "$S/echo_server.gol"
if [ -n "$addr" ]; then
    printf 'one\ntwo\nthree\n' | timeout 10 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$S/netcat3.gol' '$addr'" >"$work/echo.out" 2>"$work/echo.err"
    same echo_server "$work/echo.out"
    stop
fi

# ---- chat: two clients ----
start chat "$S/chat.gol"
if [ -n "$addr" ]; then
    timeout 10 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$here/chat_driver.gol' '$addr'" >"$work/chat.out" 2>&1
    same chat "$work/chat.out"
    stop
fi

# ---- 10,000 idle connections in one process: handlers parked in Read, then in io.Copy ----
idle() { # idle MODE
    local mode=$1 threads
    # (the previous mode's address must not be read before this server's shell truncates
    # the file: remove it first)
    rm -f "$work/idle.srv.out" "$work/idle.srv.err"
    run "$here/idle_server.gol" "$IDLE_N" "$mode" >"$work/idle.srv.out" 2>"$work/idle.srv.err" &
    srvpid=$!
    pids+=($srvpid)
    addr=""
    for _ in $(seq 100); do
        addr=$(head -1 "$work/idle.srv.out" 2>/dev/null)
        [ -n "$addr" ] && break
        sleep 0.1
    done
    timeout 120 bash -c "$(declare -f run); gol='$gol' GO='${GO:-}' work='$work' run '$here/idle_client.gol' '$addr' '$IDLE_N'" >"$work/idle.cli.out" 2>&1
    for _ in $(seq 300); do # a server whose client failed waits for connections forever
        kill -0 "$srvpid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$srvpid" 2>/dev/null
    wait "$srvpid"
    threads=$(sed -n 's/.*threads \([0-9]*\),.*/\1/p' "$work/idle.srv.err")
    if grep -qx "client: connections closed by the server: $IDLE_N" "$work/idle.cli.out" &&
        grep -qx "server: handlers woken by Close: $IDLE_N" "$work/idle.srv.out" &&
        [ -n "$threads" ] && [ "$threads" -le 16 ]; then
        pass=$((pass + 1))
        echo "net: idle ($mode): $(cat "$work/idle.srv.err")"
    else
        bad "idle ($mode): $IDLE_N idle connections" "$(cat "$work/idle.cli.out" "$work/idle.srv.out" "$work/idle.srv.err" | head -10)"
    fi
}
idle read
idle copy

echo "net: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
