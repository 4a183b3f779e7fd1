#!/usr/bin/env bash
# make stress: the concurrency tests (tests/runtime, samples) run many times, first on real
# threads under GOMAXPROCS 1, 2 and 8 (tests/run.sh with REPEAT), then under gol's
# deterministic scheduler with random seeds; each seeded failure prints the command that
# reproduces it. With ./gol-tsan present (make tsan), the threaded rounds run under it too.
#
#   tools/stress.sh [GOL]    env: ROUNDS (repeats per GOMAXPROCS, default 5),
#                                 SEEDS (random seeds per program, default 20)
set -u
gol=${1:-./gol}
rounds=${ROUNDS:-5}
seeds=${SEEDS:-20}
dirs="tests/runtime samples"
fail=0

for p in 1 2 8; do
    echo "stress: GOMAXPROCS=$p, $rounds rounds"
    GOMAXPROCS=$p REPEAT=$rounds TIMEOUT=30 tests/run.sh "$gol" $dirs | tail -1
    [ "${PIPESTATUS[0]}" = 0 ] || fail=1
    if [ -x ./gol-tsan ]; then
        echo "stress: gol-tsan GOMAXPROCS=$p"
        GOL_NO_GC=1 GOMAXPROCS=$p REPEAT=2 TIMEOUT=60 \
            TSAN_OPTIONS="halt_on_error=1 exitcode=66" tests/run.sh ./gol-tsan $dirs | tail -1
        [ "${PIPESTATUS[0]}" = 0 ] || fail=1
    fi
done

# Seeded runs: programs whose expected result needs no arguments, stdin, environment or
# flags of their own; stdout compared with NAME.out or the `// expect:` lines (as sorted
# lines under `// unordered`), and the exit status with the one the directives imply.
# `// no-seed: WHY` leaves a program out (one that reads the real date: under --seed the
# clock starts at 2009-11-10 23:00 UTC, as on the Go playground).
want_exit() {
    local e
    e=$(grep -o '^// exit: [0-9]*' "$1" | head -1 | sed 's|// exit: ||')
    if [ -n "$e" ]; then echo "$e"
    elif grep -q '// expect panic: ' "$1"; then echo 2
    else echo 0; fi
}
work=$(mktemp -d "${TMPDIR:-/tmp}/golstress.XXXXXX")
trap 'rm -rf "$work"' EXIT
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
n=0
echo "stress: $seeds random --seed runs per program"
for f in $(find $dirs -name '*.gol' | sort); do
    grep -q '^// \(args\|stdin\|env\|flags\|skip\|no-seed\):\|// ERROR "' "$f" && continue
    sorted=cat
    grep -q '^// unordered' "$f" && sorted=sort
    exp=$work/exp
    if [ -f "${f%.gol}.out" ]; then $sorted "${f%.gol}.out" >"$exp"
    elif grep -q '// expect: \?' "$f"; then grep -o '// expect: \?.*$' "$f" | sed -e 's|^// expect: \{0,1\}||' | $sorted >"$exp"
    else continue; fi
    we=$(want_exit "$f")
    for _ in $(seq "$seeds"); do
        s=$(( (RANDOM << 15 | RANDOM) + 1 ))
        n=$((n + 1))
        (cd "$(dirname "$f")" && timeout -k 2 30 "$gol" --seed "$s" "$(basename "$f")" \
            </dev/null 2>"$work/err" | $sorted >"$work/got"; exit "${PIPESTATUS[0]}")
        rc=$?
        if [ "$rc" != "$we" ] || ! cmp -s "$exp" "$work/got"; then
            echo "FAIL (exit $rc, want $we): cd $(dirname "$f") && $gol --seed $s $(basename "$f")"
            diff "$exp" "$work/got" | head -10
            head -5 "$work/err"
            fail=1
        fi
    done
done
echo "stress: $n seeded runs"
[ $fail = 0 ] && echo "stress: PASS" || echo "stress: FAIL"
exit $fail
