#!/usr/bin/env bash
# gol explore's tests: each tests/explore/NAME.go and each samples/NAME.gol that has a
# NAME.outcomes beside it is explored with `gol explore --json` (extra flags from a
# `// explore-flags: ...` line; stdin from `// explore-stdin: LINE` lines, else empty); the
# outcome set, in the canonical form of lib/outcomes.go,
# must equal NAME.outcomes exactly (a hand-written list of what Go can print: every
# interleaving's output, as reasoned from the program), and each outcome's replay token,
# run with `gol --schedule TOKEN`, must reproduce that outcome. Then --seed: seeds 1..20
# of samples/lost_update.gol must print both 1 and 2, each seed the same twice; sleep
# sets must keep check_then_act's outcome set with fewer schedules; and the command
# line's errors (usage, compile errors, foreign and malformed tokens, caps).
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
    grep '^// explore-stdin: ' "$f" | sed 's|^// explore-stdin: ||' >"$work/in"
    # shellcheck disable=SC2086
    (cd "$dir" && timeout -k 2 120 "$gol" explore --json $flags "$base" <"$work/in") \
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
        (cd "$dir" && timeout -k 2 20 "$gol" --schedule "$token" "$base" <"$work/in") \
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
# ---- --seed: shared accesses are preemption points decided by the seed ----
seen=""
for s in $(seq 1 20); do
    a=$("$gol" --seed "$s" "$root/samples/lost_update.gol" 2>&1)
    b=$("$gol" --seed "$s" "$root/samples/lost_update.gol" 2>&1)
    if [ "$a" != "$b" ]; then bad "seed $s: two runs differ" "$a" "$b"; break; fi
    seen="$seen $a"
done
case "$seen" in *" 1"*) case "$seen" in *" 2"*) pass=$((pass + 1)) ;; *) bad "seeds 1..20 never keep both increments:$seen" ;; esac ;;
*) bad "seeds 1..20 never lose an increment:$seen" ;; esac

# ---- sleep sets: the same outcomes as without them, from fewer schedules ----
cta=$root/samples/check_then_act.gol
GOL_EXPLORE_NOREDUCE=1 "$gol" explore -json "$cta" | outcomes set >"$work/noreduce"
if ! diff -q "${cta%.gol}.outcomes" "$work/noreduce" >/dev/null; then
    bad "check_then_act without reduction: outcome set differs" "$(diff "${cta%.gol}.outcomes" "$work/noreduce")"
else
    n1=$("$gol" explore -json "$cta" | grep -o '"schedules": [0-9]*, "complete"' | grep -o '[0-9]*')
    n2=$(GOL_EXPLORE_NOREDUCE=1 "$gol" explore -json "$cta" | grep -o '"schedules": [0-9]*, "complete"' | grep -o '[0-9]*')
    if [ -n "$n1" ] && [ -n "$n2" ] && [ "$n1" -lt "$n2" ]; then pass=$((pass + 1))
    else bad "sleep sets do not reduce check_then_act: $n1 vs $n2 schedules"; fi
fi

# ---- the command line ----
# expect NAME STATUS REGEXP CMD...: CMD's exit status and a line of its stdout+stderr.
expect() {
    local name=$1 status=$2 re=$3 rc
    shift 3
    (cd "$root" && timeout -k 2 60 "$@") >"$work/out" 2>&1 </dev/null
    rc=$?
    if [ "$rc" != "$status" ]; then bad "$name: exit status $rc, want $status" "$(head -5 "$work/out")"
    elif ! grep -qE -- "$re" "$work/out"; then bad "$name: no line matching /$re/" "$(head -5 "$work/out")"
    else pass=$((pass + 1)); fi
}
printf 'package main\n\nfunc main() {\n\tx := 1\n}\n' >"$work/bad.go"
expect no-program 2 '^gol: explore: no program given' "$gol" explore
expect bad-bound 2 'invalid value "x" for flag -bound' "$gol" explore -bound x samples/lost_update.gol
expect bad-timeout 2 'invalid value "5" for flag -timeout' "$gol" explore -timeout 5 samples/lost_update.gol
expect compile-error 1 'declared and not used: x' "$gol" explore "$work/bad.go"
expect max-cap 0 'exploration incomplete \(stopped at -max 3 schedules\)' \
    "$gol" explore -max 3 samples/check_then_act.gol
expect max-json 0 '"schedules": 3, "complete": false}$' \
    "$gol" explore -json -max 3 samples/check_then_act.gol
expect complete 0 '^2 distinct outcomes in [0-9]+ schedules \(at most 2 preemptions each\): exploration complete$' \
    "$gol" explore samples/lost_update.gol
expect replay-line 0 '^  replay: gol --schedule g1-[0-9a-f]{12}(-[0-9a-v]+)? samples/lost_update.gol$' \
    "$gol" explore samples/lost_update.gol
tok=$(cd "$root" && "$gol" explore -json samples/select_choice.gol | grep -o '"replay": "[^"]*"' | head -1 | cut -d'"' -f4)
expect foreign-token 2 'was made for another program' "$gol" --schedule "$tok" samples/lost_update.gol
expect malformed-token 2 'malformed token "g1-zz"' "$gol" --schedule g1-zz samples/lost_update.gol
expect malformed-choices 2 'malformed token' "$gol" --schedule "$tok-x" samples/select_choice.gol
expect schedule-run 0 '^got (urgent|normal) message$' "$gol" run --schedule "$tok" samples/select_choice.gol

echo "explore: $pass passed, $fail failed"
[ $fail -eq 0 ]
