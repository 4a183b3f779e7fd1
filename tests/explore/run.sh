#!/usr/bin/env bash
# gol explore's tests: each tests/explore/NAME.go and each samples/NAME.gol that has a
# NAME.outcomes beside it is explored with `gol explore --json` (extra flags from a
# `// explore-flags: ...` line); the outcome set, in the canonical form of lib/outcomes.go,
# must equal NAME.outcomes exactly (a hand-written list of what Go can print: every
# interleaving's output, as reasoned from the program), and each outcome's replay token,
# run with `gol --schedule TOKEN`, must reproduce that outcome.
#   tests/explore/run.sh [GOL]   prints `explore: N passed, M failed`; non-zero on a failure.
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golexplore.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
bad() { fail=$((fail + 1)); echo "FAIL explore $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }
outcomes() { "$gol" "$root/tests/explore/lib/outcomes.go" "$@"; }

check() { # check FILE
    local f=$1 want=${1%.*}.outcomes name dir base flags rc
    name=${f#"$root"/}
    dir=$(dirname "$f") base=$(basename "$f")
    flags=$(grep -o '^// explore-flags: .*$' "$f" | head -1 | sed 's|// explore-flags: ||')
    # shellcheck disable=SC2086
    (cd "$dir" && timeout -k 2 120 "$gol" explore --json $flags "$base" </dev/null) \
        >"$work/json" 2>"$work/err"
    rc=$?
    if [ $rc -ne 0 ]; then bad "$name: gol explore exit status $rc" "$(head -5 "$work/err")"; return; fi
    if ! outcomes set <"$work/json" >"$work/set"; then bad "$name: bad report" "$(head -c 300 "$work/json")"; return; fi
    if ! diff -q "$want" "$work/set" >/dev/null; then
        bad "$name: outcome set differs" "$(diff "$want" "$work/set" | head -20)"; return
    fi
    outcomes tokens <"$work/json" >"$work/tokens"
    local token line got
    while IFS=$'\t' read -r token line; do
        (cd "$dir" && timeout -k 2 20 "$gol" --schedule "$token" "$base" </dev/null) \
            >"$work/o" 2>"$work/e"
        rc=$?
        got=$(outcomes one "$work/o" "$work/e" $rc)
        if [ "$got" != "$line" ]; then
            bad "$name: --schedule $token does not replay its outcome" "want: $line" "got:  $got"
            return
        fi
    done <"$work/tokens"
    pass=$((pass + 1))
}

for f in "$root"/tests/explore/*.go "$root"/samples/*.gol; do
    [ -f "${f%.*}.outcomes" ] && check "$f"
done
echo "explore: $pass passed, $fail failed"
[ $fail -eq 0 ]
