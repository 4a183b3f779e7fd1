#!/usr/bin/env bash
# gol test against go test: runs each case of cases.txt with gol and compares its
# normalised output (lib.sh) and exit status with want/NAME.out, recorded from Go 1.23 by
# record.sh. Prints a diff per failure and `tests/gotest: N passed, M failed`.
#   tests/gotest/run.sh [GOL] [NAME...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
gol=${1:-./gol}
shift || true
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
. "$here/lib.sh"
pass=0 fail=0
work=$(mktemp -d "${TMPDIR:-/tmp}/gotest.XXXXXX")
trap 'rm -rf "$work"' EXIT
while IFS=';' read -r name dir args mode; do
    name=$(echo $name) dir=$(echo $dir) args=$(echo $args) mode=$(echo $mode)
    [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name" && continue
    run_case "$gol" "$dir" "$args" | norm >"$work/got"
    cp "$here/want/$name.out" "$work/want"
    if [ "$mode" = qlast ]; then # go test prints [no test files] lines when it likes
        { grep -v '^? ' "$work/got"; grep '^? ' "$work/got"; } >"$work/g2"; mv "$work/g2" "$work/got"
        { grep -v '^? ' "$work/want"; grep '^? ' "$work/want"; } >"$work/w2"; mv "$work/w2" "$work/want"
    fi
    if [ "$mode" = sorted ]; then
        sort -o "$work/got" "$work/got"
        sort -o "$work/want" "$work/want"
    fi
    if diff -u "$work/want" "$work/got" >"$work/diff"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: gol test $args (in mod/$dir)"
        cat "$work/diff"
    fi
done < <(grep -v '^#' "$here/cases.txt")
# The command line's errors (not compared with go: gol's own words where go names itself).
check_cli() { # NAME STATUS REGEXP DIR ARGS...
    local name=$1 status=$2 re=$3 dir=$4 rc
    shift 4
    (cd "$dir" && timeout 20 "$gol" test "$@") >"$work/cli" 2>&1
    rc=$?
    if [ $rc -eq "$status" ] && grep -qE -- "$re" "$work/cli"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL cli $name: exit $rc (want $status), output:"; head -5 "$work/cli"
    fi
}
if [ $# -eq 0 ]; then
    check_cli bad-flag 2 '^flag provided but not defined: -bogus$' "$here/mod" -bogus
    check_cli flag-value 2 '^flag needs an argument: -run$' "$here/mod" ./mathx -run
    check_cli help 0 '^usage: gol test \[flags\] \[packages\]$' "$here/mod" -h
    check_cli no-module 1 'go.mod file not found' / ./...
    check_cli no-dir 1 '^stat .*/nothere: directory not found$' "$here/mod" ./nothere
    check_cli fuzz 2 'gol does not fuzz' "$here/mod" -fuzz FuzzReverse ./fuzzy
fi
echo "tests/gotest: $pass passed, $fail failed"
[ $fail -eq 0 ]
