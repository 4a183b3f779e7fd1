#!/usr/bin/env bash
# gol vet's tests. Each tests/vet/NAME.go (.go: not a tests/run.sh program) is vetted from
# inside tests/vet; its stderr must equal NAME.err and the exit status be 1, or, without
# NAME.err, both be empty and 0. NAME.err is go vet's report for the same program (Go 1.23,
# `#` header lines dropped, lines sorted by position: gol lists findings in source order,
# go vet groups them by analyzer); waitgroup.err follows Go 1.25's analyzer source, which
# go1.23 lacks. Then vet must be silent (status 0, no output) on every sample program, the
# FILES and DIR program forms work, and `gol vet` without a program is a usage error.
#   tests/vet/run.sh [GOL]      prints `vet: N passed, M failed`; exits non-zero on a failure.
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golvet.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

bad() { fail=$((fail + 1)); echo "FAIL vet $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }

# check NAME DIR WANT STATUS ARGS...: `gol vet ARGS` in DIR prints WANT on stderr, nothing on
# stdout, and exits with STATUS.
check() {
    local name=$1 dir=$2 want=$3 status=$4 rc
    shift 4
    (cd "$dir" && timeout -k 2 30 "$gol" vet "$@") >"$work/out" 2>"$work/err"
    rc=$?
    if [ "$rc" != "$status" ]; then
        bad "$name: exit status $rc, want $status" "$(head -20 "$work/err")"
    elif [ -s "$work/out" ]; then
        bad "$name: unexpected stdout" "$(head -5 "$work/out")"
    elif ! diff -q "$want" "$work/err" >/dev/null; then
        bad "$name: stderr differs" "$(diff "$want" "$work/err" | head -20)"
    else
        pass=$((pass + 1))
    fi
}

for f in "$root"/tests/vet/*.go; do
    n=$(basename "$f" .go)
    if [ -f "$root/tests/vet/$n.err" ]; then
        check "$n" "$root/tests/vet" "$root/tests/vet/$n.err" 1 "$n.go"
    else
        check "$n" "$root/tests/vet" /dev/null 0 "$n.go"
    fi
done

for f in "$root"/samples/*.gol; do
    check "samples/$(basename "$f")" "$root/samples" /dev/null 0 "$(basename "$f")"
done

# A program of several files and a directory, as gol run accepts them.
mkdir -p "$work/dir"
cp "$root/tests/vet/clean.go" "$work/dir/main.go"
printf 'package main\n\nimport "fmt"\n\nfunc helper() { fmt.Println("x %%d", 1) }\n' \
    >"$work/dir/helper.go"
echo 'helper.go:5:17: fmt.Println call has possible Printf formatting directive %d' \
    >"$work/multi.want"
check multi-file "$work/dir" "$work/multi.want" 1 main.go helper.go
sed 's|^|./|' "$work/multi.want" >"$work/dir.want" # as gol run names a directory's files
check dir "$work/dir" "$work/dir.want" 1 .

(timeout 10 "$gol" vet) >"$work/out" 2>&1
if [ $? = 2 ] && grep -q '^gol: vet: no program given' "$work/out"; then pass=$((pass + 1))
else bad "no program: want a usage error" "$(head -3 "$work/out")"; fi

echo "vet: $pass passed, $fail failed"
[ "$fail" = 0 ]
