#!/usr/bin/env bash
# Record the expected outputs of cases.txt (want/NAME.out) from Go 1.23's go test.
#   tests/gotest/record.sh [NAME...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
export GOCACHE=/tmp/gotest-gocache GOPATH=/tmp/gotest-gopath GOFLAGS=-count=1 GOTOOLCHAIN=local
go=/usr/lib/go-1.23/bin/go
grep -v '^#' "$here/cases.txt" | while IFS=';' read -r name dir args mode; do
    name=$(echo $name) dir=$(echo $dir) args=$(echo $args)
    [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name" && continue
    [ "$(echo $mode)" = norecord ] && continue # an API newer than Go 1.23: want/ written by hand
    run_case $go "$dir" "$args" | norm >"$here/want/$name.out"
    echo "recorded $name"
done
