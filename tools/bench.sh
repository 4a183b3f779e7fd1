#!/usr/bin/env bash
# make bench: the shared benchmark table (../shared/bench/run.sh) for ./gol and again for
# Go binaries (go build), then both side by side with wall and peak-RSS ratios (gol/go);
# the shared benchmarks that have twins, gol beside Go, Lua 5.4 and CPython in the same run;
# then gol's own benchmarks (bench/*.go) beside their twins. Median wall seconds of REPS
# runs (default 3); a column is "-" when its tool is missing. OWN_ONLY=1: only bench/.
set -u
cd "$(dirname "$0")/.."
reps=${REPS:-3}
# side TABLE_GOL TABLE_GO: the shared table's rows and footers, gol beside Go with ratios
side() {
    awk 'FNR == 1 { file++ }
         $2 == "ok" { wall[file, $1] = $3; rss[file, $1] = $5; if (file == 1) row[++n] = $1 }
         /speed-up/ { up[file] = $NF }
         /per blocked/ { idle[file] = $2 }
         function r(a, b) { return (a + 0 > 0 && b + 0 > 0) ? sprintf("%.2f", a / b) : "-" }
         function v(x) { return x == "" ? "-" : x }
         END {
             fmt = "%-12s %8s %8s %6s %9s %9s %6s\n"
             printf fmt, "gol/go", "wall_s", "go", "ratio", "rss_MB", "go", "ratio"
             for (i = 1; i <= n; i++) {
                 b = row[i]
                 printf fmt, b, wall[1, b], v(wall[2, b]), r(wall[1, b], wall[2, b]),
                     rss[1, b], v(rss[2, b]), r(rss[1, b], rss[2, b])
             }
             printf "parallel speed-up 1->2: gol %s, go %s\n", v(up[1]), v(up[2])
             printf "bytes per idle goroutine: gol %s, go %s\n", v(idle[1]), v(idle[2])
         }' "$1" "$2"
}
if [ -z "${OWN_ONLY:-}" ] && [ -x ../shared/bench/run.sh ]; then
    tables=$(mktemp -d "${TMPDIR:-/tmp}/golbench.XXXXXX")
    REPS=$reps ../shared/bench/run.sh ./gol | tee "$tables/gol"
    : >"$tables/go"
    command -v go >/dev/null 2>&1 && REPS=$reps ../shared/bench/run.sh go >"$tables/go"
    echo
    side "$tables/gol" "$tables/go"
    rm -rf "$tables"
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
