#!/usr/bin/env bash
# The project's one test runner: runs .gol programs with gol and checks them against their
# inline directives, each under a timeout; prints a diff per failure, what was skipped and why, and
# `tests/run.sh (PATHS): N passed, M failed, K skipped`.
#
#   tests/run.sh [GOL] [PATH...]    PATH: files or directories (default: tests samples)
#
# Directives (// comments anywhere in the file):
#   // expect: TEXT          next expected stdout line (in order)
#   NAME.out beside NAME.gol all of stdout (don't mix with expect:)
#   NAME.stderr              all of stderr (a compile error list exactly as Go prints it,
#                            without go's "./" and "# package" line); sets exit status 1
#   // ERROR "REGEXP"        a compile error on this line matching REGEXP (exit status 1)
#   // expect panic: TEXT    exit status 2 and stderr contains TEXT
#   // stderr: TEXT          stderr contains TEXT (repeatable; exit status unchanged)
#   // exit: N               expected exit status (default 0, or as implied above)
#   // unordered             compare stdout as a sorted multiset of lines
#   // env: K=V ...          extra environment     // args: a b    command-line arguments
#   // flags: --seed N       gol's own options (before the file name)
#   // stdin: TEXT           one line of stdin (repeatable; default stdin is /dev/null)
#   // skip: WHY             not run
#   // needs-gc: WHY         not run when GOL_NO_GC is set (builds whose collector never
#                            frees: make check, make tsan)
# Environment: JOBS (parallel runs, default 2), TIMEOUT (seconds, default 10),
# REPEAT (run each test N times, default 1).
set -u
gol=${1:-./gol}
shift || true
[ $# -eq 0 ] && set -- tests samples
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
jobs=${JOBS:-2}
timeout_s=${TIMEOUT:-10}
repeat=${REPEAT:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/golrun.XXXXXX")
trap 'rm -rf "$work"' EXIT

run_one() { # run_one FILE INDEX -> writes $work/INDEX.res ("pass" or a failure report)
    local f=$1 idx=$2 res=$work/$2.res
    local dir out err rc want_exit=0 expect_out="" envs="" args="" flags="" stdin_text="" has_stdin=0
    dir=$(dirname "$f")
    if grep -q '^// skip:' "$f"; then echo "skip $f: $(grep -m1 '^// skip:' "$f" | sed 's|^// skip: *||')" >"$res"; return; fi
    if [ -n "${GOL_NO_GC:-}" ] && grep -q '^// needs-gc:' "$f"; then echo "skip $f: $(grep -m1 '^// needs-gc:' "$f" | sed 's|^// needs-gc: *|needs the collector: |')" >"$res"; return; fi
    local exp="$work/$idx.exp" got="$work/$idx.got" gerr="$work/$idx.err"
    : >"$exp"
    if grep -q '// expect: \?' "$f"; then
        grep -o '// expect: \?.*$' "$f" | sed -e 's|^// expect: \{0,1\}||' >"$exp"
        expect_out=1
    fi
    [ -f "${f%.gol}.out" ] && { cp "${f%.gol}.out" "$exp"; expect_out=1; }
    local want_err=""
    [ -f "${f%.gol}.stderr" ] && { want_err=${f%.gol}.stderr; want_exit=1; }
    local panic_text errors
    panic_text=$(grep -o '// expect panic: .*$' "$f" | head -1 | sed 's|^// expect panic: ||')
    errors=$(grep -n '// ERROR "' "$f" | sed -e 's|^\([0-9]*\):.*// ERROR "\(.*\)".*$|\1 \2|')
    [ -n "$panic_text" ] && want_exit=2
    [ -n "$errors" ] && want_exit=1
    local e
    e=$(grep -o '^// exit: [0-9]*' "$f" | head -1 | sed 's|// exit: ||')
    [ -n "$e" ] && want_exit=$e
    envs=$(grep -o '^// env: .*$' "$f" | head -1 | sed 's|// env: ||')
    args=$(grep -o '^// args: .*$' "$f" | head -1 | sed 's|// args: ||')
    flags=$(grep -o '^// flags: .*$' "$f" | head -1 | sed 's|// flags: ||')
    if grep -q '^// stdin: ' "$f"; then
        has_stdin=1
        grep '^// stdin: ' "$f" | sed 's|^// stdin: ||' >"$work/$idx.in"
    fi
    local input=/dev/null
    [ $has_stdin = 1 ] && input=$work/$idx.in
    # shellcheck disable=SC2086
    (cd "$dir" && env $envs timeout -k 2 "$timeout_s" "$gol" $flags "$(basename "$f")" $args \
        <"$input" >"$got" 2>"$gerr")
    rc=$?
    local fail=""
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then fail="timed out after ${timeout_s}s"
    elif [ $rc -gt 128 ]; then fail="killed by signal $((rc - 128))"
    elif [ $rc -ne "$want_exit" ]; then fail="exit status $rc, want $want_exit"
    fi
    if [ -z "$fail" ] && [ -n "$expect_out" ]; then
        if grep -q '^// unordered' "$f"; then
            sort "$exp" -o "$exp"; sort "$got" -o "$got"
        fi
        if ! diff -q "$exp" "$got" >/dev/null; then fail="stdout differs"; fi
    fi
    if [ -z "$fail" ] && [ -n "$panic_text" ] && ! grep -qF -- "$panic_text" "$gerr"; then
        fail="stderr lacks: $panic_text"
    fi
    if [ -z "$fail" ] && [ -n "$want_err" ] && ! diff -q "$want_err" "$gerr" >/dev/null; then
        fail="stderr differs from $(basename "$want_err")"
    fi
    if [ -z "$fail" ] && grep -q '^// stderr: ' "$f"; then
        local want
        while IFS= read -r want; do
            if ! grep -qF -- "$want" "$gerr"; then fail="stderr lacks: $want"; break; fi
        done < <(grep '^// stderr: ' "$f" | sed 's|^// stderr: ||')
    fi
    if [ -z "$fail" ] && [ -n "$errors" ]; then
        local base line re
        base=$(basename "$f")
        while read -r line re; do
            if ! grep -E "^(\./)?$base:$line:[0-9]+: " "$gerr" | sed -E "s|^[^:]*:[0-9]+:[0-9]+: ||" |
                grep -qE -- "$re"; then
                fail="no error matching \"$re\" on line $line"; break
            fi
        done <<<"$errors"
    fi
    if [ -z "$fail" ]; then echo pass >"$res"; return; fi
    {
        echo "FAIL $f: $fail"
        if [ -n "$expect_out" ]; then diff "$exp" "$got" | head -20; fi
        head -c 1500 "$gerr" | sed 's/^/  stderr: /' | head -12
    } >"$res"
}
export -f run_one
export gol work timeout_s

files=()
for p in "$@"; do
    if [ -d "$p" ]; then
        while IFS= read -r f; do files+=("$f"); done < <(find "$p" -name '*.gol' | sort)
    elif [ -f "$p" ]; then files+=("$p"); fi
done
n=0
: >"$work/list"
for ((r = 0; r < repeat; r++)); do
    for f in "${files[@]}"; do echo "$f $n" >>"$work/list"; n=$((n + 1)); done
done
xargs -r -P "$jobs" -L 1 bash -c 'run_one "$0" "$1"' <"$work/list"
pass=0 fail=0 skip=0
for ((i = 0; i < n; i++)); do
    case $(head -c 4 "$work/$i.res" 2>/dev/null) in
    pass) pass=$((pass + 1)) ;;
    skip) skip=$((skip + 1)); echo "skipped $(cut -c6- "$work/$i.res")" ;;
    *) fail=$((fail + 1)); cat "$work/$i.res" 2>/dev/null || echo "FAIL (no result) #$i" ;;
    esac
done
echo "tests/run.sh ($*): $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
