#!/usr/bin/env bash
# `gol disasm`'s tests. Each NAME.gol here (a program whose output tests/run.sh checks
# against real Go) has NAME.dis, the golden `gol disasm NAME.gol`: the format is gol's own,
# so the goldens were reviewed by eye; regenerate with UPDATE=1 after a compiler change and
# read the diff. Then package initialisation (init/), the flags (-all/--all add the runtime
# entry and the library) and a module (its local packages count as the program's).
#   tests/disasm/run.sh [GOL]    prints `disasm: N passed, M failed`; non-zero on a failure.
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/goldis.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

bad() { fail=$((fail + 1)); echo "FAIL disasm $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }

# ---- goldens ----
for src in "$here"/*.gol; do
    name=$(basename "$src" .gol)
    (cd "$here" && timeout -k 2 20 "$gol" disasm "$name.gol") >"$work/$name.got" 2>&1
    if [ "${UPDATE:-}" = 1 ]; then cp "$work/$name.got" "$here/$name.dis"; fi
    if diff -q "$here/$name.dis" "$work/$name.got" >/dev/null; then pass=$((pass + 1))
    else bad "$name: output differs" "$(diff "$here/$name.dis" "$work/$name.got" | head -20)"; fi
done

# has NAME PATTERN CMD...: CMD exits 0 and its output has a line matching PATTERN (ERE);
# hasnt: exits 0 and has no such line.
check() {
    local want=$1 name=$2 pat=$3 rc
    shift 3
    (cd "$here" && timeout -k 2 20 "$@") >"$work/out" 2>&1
    rc=$?
    if [ "$rc" != 0 ]; then bad "$name: exit status $rc" "$(head -5 "$work/out")"; return; fi
    if grep -qE -- "$pat" "$work/out"; then found=1; else found=0; fi
    if [ "$found" = "$want" ]; then pass=$((pass + 1))
    else bad "$name: /$pat/ $([ "$want" = 1 ] && echo missing || echo present)" \
        "$(head -5 "$work/out")"; fi
}
has() { check 1 "$@"; }
hasnt() { check 0 "$@"; }

hasnt default-no-entry '^func runtime\.main' "$gol" disasm hello.gol
hasnt default-no-library '^func fmt\.' "$gol" disasm method.gol
has all-entry '^func runtime\.main' "$gol" disasm -all hello.gol
has all-library '^func errors\.New' "$gol" disasm --all method.gol
has all-flag-first '^func runtime\.main' "$gol" -all disasm hello.gol
hasnt all-false '^func runtime\.main' "$gol" disasm -all=false hello.gol
has all-user-too '^hello\.gol:7  	?fmt\.Println' "$gol" disasm -all hello.gol
# package-level variables: the program's part of the entry, calls under their func lines
has init-section '^package initialisation' "$gol" disasm init/glob.gol
has init-var-line '^glob\.gol:6  var greeting = "hello, " \+ name\(\)$' "$gol" disasm init/glob.gol
has init-global-name 'SETGLOBAL +r[0-9]+, main\.greeting$' "$gol" disasm init/glob.gol
has global-name-read 'GETGLOBAL +r[0-9]+, main\.greeting$' "$gol" disasm init/glob.gol
has global-name-library 'SETGLOBAL +r[0-9]+, io\.EOF$' "$gol" disasm -all init/glob.gol
has global-name-module 'GETGLOBAL +r[0-9]+, greet\.Count$' "$gol" disasm "$here/../programs/mod"
has init-main-call 'CALLK +r[0-9]+, main\.main$' "$gol" disasm init/glob.gol
hasnt init-no-library '^(errors|io)\.go:' "$gol" disasm init/glob.gol
hasnt init-none-without-vars '^package initialisation' "$gol" disasm hello.gol
# a module: its local packages are the program's, shown in source order with main's
mod=$here/../programs/mod
has module-local-pkg '^func example\.com/.*greet\.' "$gol" disasm "$mod"
hasnt module-no-library '^func (strings|fmt)\.' "$gol" disasm "$mod"
# a bad flag value is a usage error
(cd "$here" && "$gol" disasm -all=maybe hello.gol) >"$work/out" 2>&1
rc=$?
if [ "$rc" = 2 ] && grep -q 'invalid boolean value "maybe" for -all' "$work/out"; then
    pass=$((pass + 1))
else bad "all-bad-value: status $rc" "$(head -3 "$work/out")"; fi

echo "disasm: $pass passed, $fail failed"
[ "$fail" = 0 ]
