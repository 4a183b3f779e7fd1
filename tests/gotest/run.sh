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
echo "tests/gotest: $pass passed, $fail failed"
[ $fail -eq 0 ]
