#!/usr/bin/env bash
# make bench: the shared benchmark table for ./gol (../shared/bench/run.sh); the shared
# benchmarks that have twins, gol beside Go (go build), Lua 5.4 and CPython in the same run;
# then gol's own benchmarks (bench/*.go) beside their twins. Median wall seconds of REPS
# runs (default 3); a column is "-" when its tool is missing. OWN_ONLY=1: only bench/.
set -u
cd "$(dirname "$0")/.."
reps=${REPS:-3}
if [ -z "${OWN_ONLY:-}" ] && [ -x ../shared/bench/run.sh ]; then
    REPS=$reps ../shared/bench/run.sh ./gol
    echo
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
time_of() { # time_of CMD... -> median wall seconds, or "-" if the command is missing/fails
    command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || { echo -; return; }
    for ((i = 0; i < reps; i++)); do
        /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1
    done | median
}
# row DIR NAME: one benchmark and its twins (DIR/NAME.go, .lua, .py)
row() {
    local dir=$1 name=$2 g gobin=- l=- p=-
    g=$(time_of ./gol "$dir/$name.go")
    if command -v go >/dev/null 2>&1; then
        (cd "$dir" && go build -o "/tmp/gol-bench-$name" "$name.go" 2>/dev/null) &&
            gobin=$(time_of "/tmp/gol-bench-$name")
    fi
    [ -f "$dir/$name.lua" ] && l=$(cd "$dir" && time_of lua5.4 "$name.lua")
    [ -f "$dir/$name.py" ] && p=$(time_of python3 "$dir/$name.py")
    printf '%-14s %8s %8s %8s %8s\n' "$name" "$g" "$gobin" "$l" "$p"
}
printf '%-14s %8s %8s %8s %8s\n' bench gol go lua5.4 python3
if [ -z "${OWN_ONLY:-}" ] && [ -d ../shared/bench ]; then
    for name in ${TWINS:-hello fib loop spawn pingpong sieve skynet alloc}; do
        row ../shared/bench "$name"
    done
fi
for src in bench/*.go; do
    row bench "$(basename "$src" .go)"
done
echo
bench/frontend.sh ./gol
if [ -z "${OWN_ONLY:-}" ] && [ -d ../shared/bench ]; then
    echo
    REPS=$reps bench/race.sh ./gol
fi
