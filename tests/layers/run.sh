#!/bin/sh
# Self-test of tools/layers.sh (the check `make test` runs): a small tree that keeps the
# layering must pass silently; the same tree with one violation of each kind must fail
# with exactly those violations named by file and line.
#   tests/layers/run.sh    prints `layers: N passed, M failed`; non-zero on a failure.
here=$(cd "$(dirname "$0")" && pwd)
check=$here/../../tools/layers.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/gollayers.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL layers $1"; shift; printf '%s\n' "$@" | sed 's/^/  /'; }

# A clean tree: runtime headers found beside the file or in runtime/, a runtime/pkg header
# named like a src/ one, the VM interface declared once and only called elsewhere.
t=$work/tree
mkdir -p "$t/runtime/pkg" "$t/src"
printf '// c\n' >"$t/runtime/common.h"
printf '// g\n' >"$t/runtime/g.h"
printf '// types\n' >"$t/src/types.h"
printf '// chunk\n' >"$t/src/chunk.h"
printf '// a pkg header named like src/types.h\n' >"$t/runtime/pkg/types.h"
cat >"$t/runtime/vm.h" <<'X'
#include "common.h"
G *vm_go(GoFunc *fn, const Slot *args, int nargs);
const char **rt_names(Type *t, int *n);
X
cat >"$t/runtime/sched.c" <<'X'
#include <stdio.h>
#include "common.h"
#include "vm.h"
X
cat >"$t/runtime/pkg/os.c" <<'X'
#include "g.h"
#include "types.h"
X
cat >"$t/src/vm.c" <<'X'
#include "../runtime/vm.h"
#include "types.h"
G *vm_go(GoFunc *fn, const Slot *args, int nargs) {
    return vm_go(fn, args, nargs);
}
X
out=$(sh "$check" "$t" 2>&1); rc=$?
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok; else bad "clean tree: rc $rc" "$out"; fi

# One violation of each kind.
printf '#include "../../src/types.h"\n' >>"$t/runtime/pkg/os.c"
printf '#include "chunk.h"\n' >"$t/runtime/trace.c"
printf '#include <src/chunk.h>\n' >>"$t/runtime/sched.c"
printf 'const char **rt_names(Type *t, int *n);\n' >"$t/src/reflect_fake.c"
printf 'x\nG *vm_go(GoFunc *fn, const Slot *args, int nargs); // the go statement\n' \
    >"$t/runtime/g.h"
out=$(sh "$check" "$t" 2>&1); rc=$?
[ $rc -eq 1 ] && ok || bad "bad tree: rc $rc, want 1" "$out"
for want in 'runtime/pkg/os.c:3: includes ../../src/types.h' \
            'runtime/trace.c:1: includes chunk.h, which only src/ has' \
            'runtime/sched.c:4: includes src/chunk.h' \
            'src/reflect_fake.c:1: re-declares' 'runtime/g.h:2: re-declares'; do
    if printf '%s\n' "$out" | grep -qF "$want"; then ok; else bad "bad tree: no '$want'" "$out"; fi
done
n=$(printf '%s\n' "$out" | grep -c .)
[ "$n" -eq 5 ] && ok || bad "bad tree: $n violations reported, want 5" "$out"

echo "layers: $pass passed, $fail failed"
[ $fail -eq 0 ]
