#!/usr/bin/env bash
# make bench: the shared benchmark table for ./gol (../shared/bench/run.sh), then gol's own
# benchmarks (bench/*.go) beside their Lua 5.4 and CPython twins, median wall seconds of
# REPS runs (default 3). Lua/Python columns are left empty when the interpreter is missing.
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
printf '%-14s %8s %8s %8s %8s\n' bench gol go lua5.4 python3
for src in bench/*.go; do
    name=$(basename "$src" .go)
    g=$(time_of ./gol "$src")
    gobin=-
    if command -v go >/dev/null 2>&1; then
        go build -o "/tmp/gol-bench-$name" "$src" 2>/dev/null && gobin=$(time_of "/tmp/gol-bench-$name")
    fi
    l=-; p=-
    [ -f "bench/$name.lua" ] && l=$(time_of lua5.4 "bench/$name.lua")
    [ -f "bench/$name.py" ] && p=$(time_of python3 "bench/$name.py")
    printf '%-14s %8s %8s %8s %8s\n' "$name" "$g" "$gobin" "$l" "$p"
done
