#!/usr/bin/env bash
# Large and deeply nested programs (issue: no input crashes or stalls gol): each shape of
# tests/scale/gen.sh at a size where a quadratic pass or C recursion would stall or crash,
# checked for the output Go prints; then the same deep programs on a small front-end stack
# (GOL_FRONTEND_STACK), which must end in a compile error, never a signal. The timeout is a
# hang guard, not a timing test: bench/frontend.sh measures time per line.
#   tests/scale/run.sh [GOL]
set -u
gol=${1:-./gol}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golscale.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() { # check NAME WANT_STATUS WANT_TEXT CMD...: stdout+stderr must contain WANT_TEXT
    local name=$1 want_rc=$2 want=$3 rc
    shift 3
    timeout -k 5 120 "$@" >"$work/out" 2>&1
    rc=$?
    if [ "$rc" = "$want_rc" ] && grep -qF -- "$want" "$work/out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL scale/$name: status $rc (want $want_rc), output:"
        head -c 300 "$work/out" | sed 's/^/    /'
        echo
    fi
}

big() { # big SHAPE N WANT
    "$here/gen.sh" "$1" "$2" >"$work/$1.go"
    check "$1-$2" 0 "$3" "$gol" "$work/$1.go"
}

big literal 300000 "300000 $(((299999 * 7919) % 1000003))"
big maplit 100000 "100000 7"
big switch 50000 "7"
big longfn 50000 "$((49999 * 50000 / 2))"
big manyfn 20000 "90000"
big manytype 10000 "2 9999"
big sum 200000 "200001"
big sumvar 200000 "200001"
big parens 100000 "1"
big ifs 20000 "20000"
big strcat 100000 "200000 bab"

for s in sum parens ifs; do
    GOL_FRONTEND_STACK=2000000 check "$s-smallstack" 1 "program too deeply nested" \
        "$gol" "$work/$s.go"
done
echo "scale: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
