#!/usr/bin/env bash
# Front-end scaling: each shape of tests/scale/gen.sh at sizes N, 4N and 16N, run with gol
# (parse, check, compile, then a trivial main); prints the median CPU time (user + system,
# steadier than wall time on a busy machine) and the time per KB of source, which stays
# flat when every pass is linear. With go on PATH, the 16N program's `go build` CPU time is
# shown beside it.
#   bench/frontend.sh [GOL]       REPS=3 by default
set -u
gol=${1:-./gol}
reps=${REPS:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golfe.XXXXXX")
trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
cpu() {
    for ((i = 0; i < reps; i++)); do
        /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
    done | median
}
printf '%-9s %7s %6s %7s %7s %6s %7s %7s %6s %7s %8s\n' shape N cpu-s us/KB 4N cpu-s us/KB \
    16N cpu-s us/KB 'go build'
for spec in literal:20000 maplit:6000 switch:3000 longfn:3000 manyfn:1500 manytype:800 \
    sum:12000 sumvar:12000 parens:6000 ifs:1200; do
    shape=${spec%%:*} n=${spec#*:}
    row=$(printf '%-9s' "$shape")
    for m in 1 4 16; do
        f="$work/$shape$m.go"
        "$here/tests/scale/gen.sh" "$shape" $((n * m)) >"$f"
        t=$(cpu "$gol" "$f")
        kb=$(($(wc -c <"$f") / 1024 + 1))
        row="$row $(printf '%7d %6s %7.1f' $((n * m)) "$t" "$(echo "$t $kb" | awk '{print $1 * 1e6 / $2}')")"
    done
    gb=-
    if command -v go >/dev/null 2>&1; then
        mkdir -p "$work/go" && cp "$f" "$work/go/main.go"
        gb=$(cd "$work/go" && cpu go build -o prog main.go)
    fi
    printf '%s %8s\n' "$row" "$gb"
done
