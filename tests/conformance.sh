#!/usr/bin/env bash
# Conformance ratchet: runs ../shared/conformance with gol and fails if any program listed in
# tests/conformance.pass no longer passes (programs not listed may fail). Prints the programs
# that pass but are not listed yet, so they can be added.
#   tests/conformance.sh [GOL]
set -u
gol=${1:-./gol}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/../shared/conformance"
if [ ! -x "$corpus/run.sh" ]; then
    echo "conformance: $corpus not found; skipped"
    [ "${CI:-}" = true ] && { echo "conformance: CI=true: a skip is a failure"; exit 1; }
    exit 0
fi
case $gol in /*) ;; *) gol="$here/$gol" ;; esac
list="$here/tests/conformance.pass"
out=$(JOBS=${JOBS:-2} "$corpus/run.sh" "$gol" 2>&1)
echo "conformance: $(echo "$out" | tail -n 1)"
failed=$(echo "$out" | grep -oE '[0-9]{3}_[A-Za-z0-9_]+' | sort -u)
status=0
if [ -f "$list" ]; then
    while read -r name; do
        [ -z "$name" ] && continue
        if echo "$failed" | grep -qx "$name"; then
            echo "conformance: REGRESSION: $name passed before and fails now"
            status=1
        fi
    done <"$list"
fi
new=""
for f in "$corpus"/*.gol; do
    name=$(basename "$f" .gol)
    echo "$failed" | grep -qx "$name" && continue
    grep -qx "$name" "$list" 2>/dev/null || new="$new $name"
done
[ -n "$new" ] && echo "conformance: passing but not in tests/conformance.pass:$new"
exit $status
