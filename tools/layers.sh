#!/bin/sh
# The layering check `make test` and `make lint` run (docs/decisions.md, "Layers"): no
# runtime file (runtime/*.[ch], runtime/pkg/*.[ch]) includes a src/ header, by a path or by
# a bare name that only src/ has; and every function of the VM's interface (runtime/vm.h)
# is declared there only, never re-declared by hand elsewhere. Prints each violation as
# FILE:LINE: reason and exits 1 if there is any.
#   tools/layers.sh [TREE]    TREE: the top of the tree (default: this script's); the
#                             self-test tests/layers/run.sh points it at bad trees.
cd "${1:-$(dirname "$0")/..}" || exit 2
bad=0
tmp=$(mktemp) || exit 2 # gets every violation printed

# 1. Includes. A quoted include resolves against the including file's directory, then
# runtime/ (the only -iquote the Makefile gives runtime objects).
grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' runtime/*.[ch] runtime/pkg/*.[ch] |
awk -F: '
function exists(p,   r, l) { r = (getline l < p); close(p); return r >= 0 }
{
    f = $1; n = $2; name = $0
    sub(/^[^#]*#[ \t]*include[ \t]*[<"]/, "", name); sub(/[">].*$/, "", name)
    dir = f; sub(/\/[^\/]*$/, "", dir)
    if (name ~ /(^|\/)src\//)
        print f ":" n ": includes " name ": the runtime never includes a src/ header"
    else if (name !~ /\// && !exists(dir "/" name) && !exists("runtime/" name) && exists("src/" name))
        print f ":" n ": includes " name ", which only src/ has"
}' | tee -a "$tmp"

# 2. The VM's interface is declared once, in runtime/vm.h.
names=$(sed -n 's/^[A-Za-z][A-Za-z0-9_ *]*[ *]\([a-z_][a-z0-9_]*\)(.*/\1/p' runtime/vm.h | sort -u)
alt=$(echo $names | tr ' ' '|')
grep -nE "^[A-Za-z][A-Za-z0-9_ *]*[ *]($alt)\(.*\);[[:space:]]*(//.*)?$" \
    src/*.[ch] runtime/*.[ch] runtime/pkg/*.[ch] | grep -v '^runtime/vm\.h:' |
sed 's/^\([^:]*:[0-9]*\):.*/\1: re-declares a function of runtime\/vm.h: include it instead/' |
tee -a "$tmp"

[ -s "$tmp" ] && bad=1
rm -f "$tmp"
exit $bad
