#!/usr/bin/env bash
# bench/race.sh [GOL]: the cost of -race. Runs shared benchmarks (../shared/bench) with and
# without the race detector and prints median wall seconds, peak RSS and the ratios.
# Targets (issue 12): within 10x on spawn, mutex, pingpong, parallel (shared memory and
# synchronisation), within 2x on fib and loop (nothing shared). Go's own detector costs
# 2-20x time and 5-10x memory. REPS (default 3), BENCHES (default below).
set -u
cd "$(dirname "$0")/.."
gol=${1:-./gol}
reps=${REPS:-3}
dir=../shared/bench
[ -d "$dir" ] || { echo "bench/race.sh: $dir not found" >&2; exit 1; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
# measure ENV... -- ARGS... -> "seconds kilobytes" (medians)
measure() {
    local envs=() t m
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    for ((i = 0; i < reps; i++)); do
        env "${envs[@]}" /usr/bin/time -f '%e %M' timeout 300 "$gol" "$@" 2>&1 >/dev/null | tail -1
    done >/tmp/gol-race-bench.$$
    t=$(cut -d' ' -f1 </tmp/gol-race-bench.$$ | median)
    m=$(cut -d' ' -f2 </tmp/gol-race-bench.$$ | median)
    rm -f /tmp/gol-race-bench.$$
    echo "$t $m"
}
printf '%-12s %8s %8s %7s %9s %9s %7s\n' bench plain -race time× 'RSS KB' '-race KB' mem×
for b in ${BENCHES:-fib loop spawn pingpong mutex parallel@1 parallel@2}; do
    name=${b%@*} procs=
    [ "$b" != "$name" ] && procs=${b#*@}
    envs=(X=1)
    [ -n "$procs" ] && envs=(GOMAXPROCS="$procs")
    read -r t0 m0 < <(measure "${envs[@]}" -- "$dir/$name.go")
    read -r t1 m1 < <(measure "${envs[@]}" -- -race "$dir/$name.go")
    printf '%-12s %8s %8s %7s %9s %9s %7s\n' "$b" "$t0" "$t1" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf (a > 0 ? "%.1f" : "-"), b / a }')" "$m0" "$m1" \
        "$(awk -v a="$m0" -v b="$m1" 'BEGIN { printf (a > 0 ? "%.1f" : "-"), b / a }')"
done
